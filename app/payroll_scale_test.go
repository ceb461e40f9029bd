package app_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

const scaleEmployees = 10000

// seedScale fills tenant with scaleEmployees employees in bulk, as the
// application role inside the tenant's row-level-security context
// (multi-row INSERTs from arrays: COPY FROM is refused under RLS). Every
// employee has one approved leave in 2026-Q1 (maternity 98 calendar days,
// parental 5 working days or marriage 18 calendar days, in turn); every
// third has a child under 3, every tenth a birth with an allowance claim.
func seedScale(t *testing.T, tenant string) {
	t.Helper()
	tx, err := env.DB.App.Beginx()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback() //nolint:errcheck // committed below
	if _, err := tx.Exec(`SELECT set_config('app.tenant_id', $1, true)`, tenant); err != nil {
		t.Fatal(err)
	}
	ext, gender, hash, wage := make([]string, scaleEmployees), make([]string, scaleEmployees),
		make([][]byte, scaleEmployees), make([]int64, scaleEmployees)
	for i := range ext {
		ext[i], gender[i], wage[i] = fmt.Sprintf("S-%05d", i), "female", 300000+int64(i%50)*50000
		hash[i] = make([]byte, 32)
		_, _ = rand.Read(hash[i])
	}
	var ids []string
	err = tx.Select(&ids, `
		INSERT INTO employees (tenant_id, external_id, name, gender, national_id_enc, national_id_hash,
			national_id_masked, hired_on, monthly_wage_fen, maternity_insured)
		SELECT $1, u.ext, '压测职工', u.gender, u.h, u.h, '152201********0000', '2020-01-01', u.wage, true
		FROM unnest($2::text[], $3::text[], $4::bytea[], $5::int8[]) WITH ORDINALITY AS u(ext, gender, h, wage, n)
		ORDER BY u.n RETURNING id`, tenant, pq.Array(ext), pq.Array(gender), pq.Array(hash), pq.Array(wage))
	if err != nil || len(ids) != scaleEmployees {
		t.Fatalf("seed employees: %d %v", len(ids), err)
	}
	types := []struct {
		typ, start, end, unit string
		days                  int
	}{{"maternity", "2026-01-10", "2026-04-17", "calendar_days", 98}, {"parental", "2026-01-29", "2026-02-04", "working_days", 5},
		{"marriage", "2026-03-25", "2026-04-11", "calendar_days", 18}}
	lt, ls, le, lu, ld := make([]string, len(ids)), make([]string, len(ids)), make([]string, len(ids)), make([]string, len(ids)), make([]int64, len(ids))
	for i := range ids {
		x := types[i%3]
		lt[i], ls[i], le[i], lu[i], ld[i] = x.typ, x.start, x.end, x.unit, int64(x.days)
	}
	mustExec(t, tx, `
		INSERT INTO leave_requests (tenant_id, employee_id, leave_type, start_date, end_date, days, unit, bucket, status, decision)
		SELECT $1, u.e, u.t, u.s, u.en, u.d, u.un, 'scale', 'approved', '{}'
		FROM unnest($2::uuid[], $3::text[], $4::date[], $5::date[], $6::int[], $7::text[]) AS u(e, t, s, en, d, un)`,
		tenant, pq.Array(ids), pq.Array(lt), pq.Array(ls), pq.Array(le), pq.Array(ld), pq.Array(lu))
	var kids, mothers []string
	for i, id := range ids {
		if i%3 == 0 {
			kids = append(kids, id)
		}
		if i%10 == 0 {
			mothers = append(mothers, id)
		}
	}
	mustExec(t, tx, `INSERT INTO children (tenant_id, employee_id, birth_date, child_order, iit_share_percent)
		SELECT $1, e, '2025-06-01', 1, 50 FROM unnest($2::uuid[]) AS e`, tenant, pq.Array(kids))
	mustExec(t, tx, `
		WITH b AS (INSERT INTO births (tenant_id, employee_id, birth_date, child_order, babies, dystocia, plan)
			SELECT $1, e, '2026-01-10', 1, 1, false, '{}' FROM unnest($2::uuid[]) AS e RETURNING id, employee_id)
		INSERT INTO allowance_claims (tenant_id, employee_id, birth_id, event_date, leave_start, status, result, facts,
			amount_fen, top_up_fen, paid_days, payee, insured, created_by)
		SELECT $1, employee_id, id, '2026-01-10', '2026-01-10', 'submitted', '{}', '{}', 3792000, 948000, 158,
			'employee', true, 'scale' FROM b`, tenant, pq.Array(mothers))
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

func mustExec(t *testing.T, tx *sqlx.Tx, q string, args ...any) {
	t.Helper()
	if _, err := tx.ExecContext(context.Background(), q, args...); err != nil {
		t.Fatalf("seed: %v", err)
	}
}

// TestPayrollScale measures, for a tenant of 10,000 employees, the whole
// payroll feed of a month (every page, served over HTTP) and a subsidy
// application over a quarter. Budgets: 2 s and 5 s. Timing budgets hold on
// a quiet machine, not inside the parallel suite, so like the other
// budgets it runs with LEAVEGUARD_PERF=1:
//
//	LEAVEGUARD_PERF=1 go test -run TestPayrollScale -v ./app/
func TestPayrollScale(t *testing.T) {
	if testing.Short() || os.Getenv("LEAVEGUARD_PERF") != "1" {
		t.Skip("10,000-employee feed and subsidy budgets run with LEAVEGUARD_PERF=1")
	}
	tn := freshTenant(t)
	start := time.Now()
	seedScale(t, tn.ID)
	t.Logf("seeded %d employees with leave, children and claims in %v", scaleEmployees, time.Since(start).Round(time.Millisecond))
	mustDo(t, 200, "PUT", "/api/v1/settings", tn.Key, map[string]any{"contribution_rates": subsidyRates})

	for _, limit := range []string{"1000", "500"} {
		start = time.Now()
		lines, pages, bytes, cursor := 0, 0, 0, ""
		for {
			r := env.Do(t, "GET", "/api/v1/payroll/feed?month=2026-02&limit="+limit+"&cursor="+url.QueryEscape(cursor), tn.Key, nil)
			if r.Status != 200 {
				t.Fatalf("feed: %d %s", r.Status, r.Body)
			}
			m := r.JSON(t)
			lines, pages, bytes = lines+len(m["items"].([]any)), pages+1, bytes+len(r.Body)
			if cursor, _ = m["next_cursor"].(string); cursor == "" {
				break
			}
		}
		took := time.Since(start)
		t.Logf("feed 2026-02, limit %s: %d lines in %d pages (%d KiB) in %v", limit, lines, pages, bytes/1024, took.Round(time.Millisecond))
		if lines != scaleEmployees || took > 2*time.Second {
			t.Errorf("feed: %d lines in %v (budget 2 s)", lines, took)
		}
	}

	start = time.Now()
	r := env.Do(t, "POST", "/api/v1/subsidy-applications", tn.Key, map[string]any{"period_from": "2026-01", "period_to": "2026-03"})
	took := time.Since(start)
	if r.Status != 201 {
		t.Fatalf("subsidy: %d %s", r.Status, r.Body)
	}
	a := r.JSON(t)
	t.Logf("subsidy 2026-01..03: %d lines, total %.0f fen, %d KiB, in %v", len(a["lines"].([]any)), a["total_claimable_fen"],
		len(r.Body)/1024, took.Round(time.Millisecond))
	if took > 5*time.Second {
		t.Errorf("subsidy application took %v (budget 5 s)", took)
	}
	start = time.Now()
	mustDo(t, 200, "POST", "/api/v1/subsidy-applications/"+a["id"].(string)+"/recompute", tn.Key, nil)
	t.Logf("subsidy recompute: %v", time.Since(start).Round(time.Millisecond))
}
