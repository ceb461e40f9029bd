package app_test

import (
	"bufio"
	"crypto/rand"
	"database/sql"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/lib/pq"
)

// seedChecks fills the tenant with 1,000 employees and scaleChecks checks
// across 2026-Q1 through the superuser connection (COPY FROM is refused to
// the application role under row-level security).
func seedChecks(t *testing.T, tenant string) {
	t.Helper()
	admin, err := env.DB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	tx, err := admin.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback() //nolint:errcheck // committed below
	st, err := tx.Prepare(pq.CopyIn("employees", "tenant_id", "id", "external_id", "name", "gender", "national_id_enc",
		"national_id_hash", "national_id_masked", "hired_on", "monthly_wage_fen", "maternity_insured"))
	if err != nil {
		t.Fatal(err)
	}
	emps := make([]string, 1000)
	for i := range emps {
		emps[i] = uuid.NewString()
		h := make([]byte, 32)
		_, _ = rand.Read(h)
		if _, err := st.Exec(tenant, emps[i], fmt.Sprintf("S-%04d", i), fmt.Sprintf("职工%04d", i), "female", h, h,
			"152201********0000", "2020-03-01", 800000, true); err != nil {
			t.Fatal(err)
		}
	}
	mustClose(t, st)
	st, err = tx.Prepare(pq.CopyIn("dismissal_checks", "tenant_id", "id", "employee_id", "action", "ground", "effective_date",
		"verdict", "protected_until", "result", "facts", "created_at", "created_by"))
	if err != nil {
		t.Fatal(err)
	}
	result := `{"reasons":[{"code":"protected_period","message":"生效日员工处于哺乳期（保护期至 2026-11-30）。女职工在孕期、产期、哺乳期内，用人单位不得依照劳动合同法第四十条解除劳动合同（第四十二条第（四）项）。"}]}`
	q1 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for i := 0; i < scaleChecks; i++ {
		at := q1.Add(time.Duration(i) * 77 * time.Second) // 100,000 × 77 s ≈ 89 days
		if _, err := st.Exec(tenant, uuid.NewString(), emps[i%len(emps)], "termination", "art40", "2026-04-01",
			"prohibited", "2026-11-30", result, "{}", at, "api_key:seed"); err != nil {
			t.Fatal(err)
		}
	}
	mustClose(t, st)
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(`ANALYZE employees; ANALYZE dismissal_checks`); err != nil {
		t.Fatal(err)
	}
}

// mustClose flushes and closes a COPY FROM statement.
func mustClose(t *testing.T, st *sql.Stmt) {
	t.Helper()
	if _, err := st.Exec(); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
}

// memPeak is the high-water mark of memory during an export.
type memPeak struct {
	base, heap, sys, rss uint64
}

func (p memPeak) max(q memPeak) memPeak {
	if q.heap > p.heap {
		p.heap, p.base = q.heap, q.base
	}
	p.sys, p.rss = max(p.sys, q.sys), max(p.rss, q.rss)
	return p
}

func mib(n uint64) float64 { return float64(n) / (1 << 20) }

// countRows counts the dismissal section's data rows (lines starting with
// a sequence number after its header) and the bytes read.
func countRows(t *testing.T, r io.Reader) (int, int64) {
	sc := bufio.NewScanner(r)
	rows, size, in := 0, int64(0), false
	for sc.Scan() {
		line := sc.Text()
		size += int64(len(line)) + 1
		switch {
		case strings.HasPrefix(line, "三、"):
			in = true
		case strings.HasPrefix(line, "四、"):
			in = false
		case in && line != "" && line[0] >= '0' && line[0] <= '9':
			rows++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows, size
}

// rssPeak is the process's resident-set high-water mark (VmHWM).
func rssPeak() uint64 {
	b, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(b), "\n") {
		var kb uint64
		if _, err := fmt.Sscanf(l, "VmHWM: %d kB", &kb); err == nil {
			return kb << 10
		}
	}
	return 0
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
