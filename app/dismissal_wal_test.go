package app_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"testing"

	"github.com/jmoiron/sqlx"

	"leaveguard/internal/testutil"
	"leaveguard/store/dbtest"
)

// TestDismissalWAL prints the WAL one dismissal check writes, by relation,
// read back with pg_waldump from this test database's records only (the
// cluster is shared), and how much of it is full-page images. It runs with
// LEAVEGUARD_PERF=1 as root (pg_waldump reads the server's pg_wal):
//
//	LEAVEGUARD_PERF=1 go test -run TestDismissalWAL -v ./app/
func TestDismissalWAL(t *testing.T) {
	if testing.Short() || os.Getenv("LEAVEGUARD_PERF") != "1" {
		t.Skip("runs with LEAVEGUARD_PERF=1")
	}
	waldump, err := exec.LookPath("pg_waldump")
	if err != nil {
		if m, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_waldump"); len(m) > 0 {
			waldump = m[0]
		} else {
			testutil.Need(t, "pg_waldump (postgresql)")
		}
	}
	admin, err := sqlx.Open("postgres", dbtest.AdminURL())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var dir string
	if err := admin.Get(&dir, `SHOW data_directory`); err != nil {
		t.Fatal(err)
	}
	ten := filingTenant(t, "兴安盟预写日志测量有限公司", "")
	var emps []string
	for i := 0; i < 20; i++ {
		emp, _ := hire(t, ten.Key, fmt.Sprintf("W-%03d", i), "职工"+strconv.Itoa(i), "female", "")
		if i%2 == 0 {
			birth(t, ten.Key, emp, map[string]any{"birth_date": "2026-06-01", "child_order": 1})
		}
		emps = append(emps, emp)
	}
	check := func(i int) {
		mustDo(t, 200, "POST", "/api/v1/dismissal-checks", ten.Key, map[string]any{"employee_id": emps[i%len(emps)],
			"action": "termination", "ground": "art40", "effective_date": "2026-12-20"})
	}
	for i := 0; i < 20; i++ {
		check(i)
	}
	lsn := func() string {
		var s []string
		env.Query(t, ten.ID, &s, `SELECT pg_current_wal_lsn()::text`)
		return s[0]
	}
	const n = 200
	from := lsn()
	for i := 0; i < n; i++ {
		check(i)
	}
	to := lsn()
	var db []string
	env.Query(t, ten.ID, &db, `SELECT oid::text FROM pg_database WHERE datname = current_database()`)
	var rels []struct {
		Node string `db:"node"`
		Name string `db:"relname"`
	}
	env.Query(t, ten.ID, &rels, `SELECT pg_relation_filenode(oid)::text AS node, relname FROM pg_class WHERE pg_relation_filenode(oid) IS NOT NULL`)
	names := map[string]string{}
	for _, r := range rels {
		names[r.Node] = r.Name
	}
	out, err := exec.Command(waldump, "-p", filepath.Join(dir, "pg_wal"), "-s", from, "-e", to).Output()
	if err != nil && len(out) == 0 {
		t.Fatalf("pg_waldump: %v", err)
	}
	rec := regexp.MustCompile(`len \(rec/tot\):\s*(\d+)/\s*(\d+), tx:\s*(\d+)`)
	rel := regexp.MustCompile(`rel \d+/` + db[0] + `/(\d+)`)
	byRel, fpi, total := map[string]int{}, 0, 0
	mine := map[string]bool{}
	var commits []struct {
		tx  string
		tot int
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		l := sc.Text()
		m := rec.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		recLen, _ := strconv.Atoi(m[1])
		tot, _ := strconv.Atoi(m[2])
		if r := rel.FindStringSubmatch(l); r != nil {
			name := names[r[1]]
			if name == "" {
				name = "relfilenode " + r[1]
			}
			byRel[name] += tot
			fpi += tot - recLen
			total += tot
			mine[m[3]] = true
		} else if bytes.Contains([]byte(l), []byte("COMMIT")) {
			commits = append(commits, struct {
				tx  string
				tot int
			}{m[3], tot})
		}
	}
	for _, c := range commits {
		if mine[c.tx] {
			byRel["(commit records)"] += c.tot
			total += c.tot
		}
	}
	keys := make([]string, 0, len(byRel))
	for k := range byRel {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return byRel[keys[i]] > byRel[keys[j]] })
	t.Logf("%d dismissal checks: %.0f bytes of WAL per check in this database, %.0f of them full-page images", n,
		float64(total)/n, float64(fpi)/n)
	for _, k := range keys {
		t.Logf("  %-45s %7.0f bytes per check", k, float64(byRel[k])/n)
	}
}
