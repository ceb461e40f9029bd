package app_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/jmoiron/sqlx"

	"leaveguard/leave"
)

// TestRetentionAnonymises: a former employee whose last day was 2026-12-31
// keeps her data through 2028-12-31 (two years, the default) and is
// anonymised by the daily job of 2029-01-01, run by two instances at once;
// afterwards no table holds her name or ID number (her stored leave notice
// keeps its number and hash but not her name nor its PDF), nor do the
// labor-bureau report or her access copy, and the audit chains are intact.
// A former employee with an allowance claim still open and a rehired one
// are kept.
func TestRetentionAnonymises(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	tn := freshTenant(t)
	name := "乌日娜留存测试"
	emp, _ := hire(t, tn.Key, "RET-1", name, "female", "")
	full := lastID
	mustDo(t, 200, "POST", "/api/v1/dismissal-checks", tn.Key, map[string]any{"employee_id": emp,
		"action": "termination", "ground": "art40", "effective_date": "2026-12-31"})
	post(t, 201, "/api/v1/employees/"+emp+"/pregnancies", tn.Key, map[string]any{"reported_on": "2025-03-01"})
	birth(t, tn.Key, emp, map[string]any{"birth_date": "2025-10-01", "child_order": 1})
	cr := post(t, 201, "/api/v1/employees/"+emp+"/correction-requests", tn.Key, map[string]any{
		"subject": "姓名应为" + name, "received_on": "2026-11-20", "channel": "written"})["id"].(string)
	post(t, 200, "/api/v1/correction-requests/"+cr+"/outcome", tn.Key, map[string]any{"outcome": "corrected", "note": "已更正为" + name})
	lr := approvedLeave(t, tn.Key, emp, "parental", "2026-04-01", 2)
	_, filing, _ := getPDF(t, "/api/v1/leave-requests/"+lr+"/pdf", tn.Key)
	resign := map[string]any{"last_day": "2026-12-31", "kind": "resignation"}
	if r := separate(t, tn.Key, emp, resign); r.Status != 201 {
		t.Fatalf("separation: %d %s", r.Status, r.Body)
	}
	report := "/api/v1/exports/labor-bureau?from=2026-01-01&to=2026-12-31&format=csv"
	if r := env.Do(t, "GET", report, tn.Key, nil); !strings.Contains(string(r.Body), name) {
		t.Fatalf("report before lacks her: %d %s", r.Status, r.Body)
	}
	// Kept: a former employee with an allowance claim still open, and one
	// rehired (her separation withdrawn).
	mustDo(t, 200, "PUT", "/api/v1/settings", tn.Key, map[string]any{"avg_monthly_wage_fen": map[string]any{"2025": 700000}})
	open, _ := hire(t, tn.Key, "RET-2", "萨仁留存测试", "female", "")
	post(t, 201, "/api/v1/employees/"+open+"/pregnancies", tn.Key, map[string]any{"reported_on": "2026-03-01"})
	b := birth(t, tn.Key, open, map[string]any{"birth_date": "2026-10-01", "child_order": 1})
	post(t, 201, "/api/v1/allowance-claims", tn.Key, map[string]any{"birth_id": b})
	back, _ := hire(t, tn.Key, "RET-3", "高娃留存测试", "female", "")
	for _, id := range []string{open, back} {
		if r := separate(t, tn.Key, id, resign); r.Status != 201 {
			t.Fatalf("separation: %d %s", r.Status, r.Body)
		}
	}
	if r := env.Do(t, "DELETE", "/api/v1/employees/"+back+"/separation", tn.Key, nil); r.Status != 200 {
		t.Fatalf("withdraw: %d %s", r.Status, r.Body)
	}
	s := mustDo(t, 200, "GET", "/api/v1/settings", tn.Key, nil)
	if !strings.Contains(fmt.Sprint(s), "retention_years_after_separation") {
		t.Fatalf("settings lack retention: %v", s)
	}
	if r := env.Do(t, "PUT", "/api/v1/settings", tn.Key, map[string]any{"retention_years_after_separation": 1}); r.Status != 400 {
		t.Fatalf("one year accepted: %d %s", r.Status, r.Body)
	}

	cs := env.Cases()
	ctx := context.Background()
	if _, err := cs.RunProtectionJobFor(ctx, tn.ID, leave.MustDate("2028-12-31")); err != nil {
		t.Fatal(err)
	}
	if n := hits(t, tn.ID, name, full); n == 0 {
		t.Fatal("anonymised a day early")
	}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := cs.RunProtectionJobFor(ctx, tn.ID, leave.MustDate("2029-01-01")); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if _, err := cs.RunProtectionJobFor(ctx, tn.ID, leave.MustDate("2029-01-02")); err != nil {
		t.Fatal(err)
	}
	if n := hits(t, tn.ID, name, full); n != 0 {
		t.Fatalf("%d columns still hold her name or ID number", n)
	}
	var audits []string
	env.Query(t, tn.ID, &audits, `SELECT action FROM audit_log WHERE object_id = $1 AND action = 'employee.anonymise'`, emp)
	if len(audits) != 1 {
		t.Fatalf("anonymise audits: %v", audits)
	}
	e := mustDo(t, 200, "GET", "/api/v1/employees/"+emp, tn.Key, nil)
	if e["name"] != "已离职员工-"+emp[:8] || e["national_id_masked"] != "已匿名化" || e["anonymised_on"] != "2029-01-01" {
		t.Fatalf("employee after: %v", e)
	}
	if r := env.Do(t, "PATCH", "/api/v1/employees/"+emp, tn.Key, map[string]any{"name": name}); r.Status != 409 || r.Code() != "employee_anonymised" {
		t.Fatalf("patch after: %d %s", r.Status, r.Body)
	}
	if r := env.Do(t, "DELETE", "/api/v1/employees/"+emp+"/separation", tn.Key, nil); r.Status != 409 || r.Code() != "employee_anonymised" {
		t.Fatalf("withdraw after: %d %s", r.Status, r.Body)
	}
	if r := env.Do(t, "GET", "/api/v1/filings/"+filing, tn.Key, nil); r.Status != 409 || r.Code() != "filing_anonymised" {
		t.Fatalf("her filing after: %d %s", r.Status, r.Body)
	}
	for _, id := range []string{open, back} {
		if e := mustDo(t, 200, "GET", "/api/v1/employees/"+id, tn.Key, nil); strings.HasPrefix(e["name"].(string), "已离职员工-") {
			t.Fatalf("anonymised though kept: %v", e)
		}
	}

	env.SetToday(t, "2029-01-02")
	auditor := newKey(t, tn.ID, "auditor")
	for _, p := range []string{report, "/api/v1/employees/" + emp + "/access-copy"} {
		r := env.Do(t, "GET", p, tn.Key, nil)
		if r.Status != 200 {
			t.Fatalf("%s: %d %s", p, r.Status, r.Body)
		}
		if b := string(r.Body); strings.Contains(b, name) || strings.Contains(b, full) || !strings.Contains(b, "已离职员工-"+emp[:8]) {
			t.Fatalf("%s holds her name or ID number, or lacks her pseudonym: %s", p, b)
		}
	}
	if v := mustDo(t, 200, "GET", "/api/v1/audit-log/verify", auditor, nil); v["intact"] != true {
		t.Fatalf("audit chains: %v", v)
	}
}

// hits counts the columns (text, json, jsonb, bytea) of every table that
// hold name or id in the tenant's rows, as the table owner within the
// tenant's row-level-security context; it logs each.
func hits(t *testing.T, tenant, name, id string) int {
	t.Helper()
	db, err := sqlx.Open("postgres", env.DB.OwnerURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Beginx()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	if _, err := tx.Exec(`SELECT set_config('app.tenant_id', $1, true)`, tenant); err != nil {
		t.Fatal(err)
	}
	var cols []struct {
		Table string `db:"table_name"`
		Col   string `db:"column_name"`
		Type  string `db:"data_type"`
	}
	err = tx.Select(&cols, `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
		JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
		WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
		  AND c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'bytea')
		ORDER BY 1, 2`)
	if err != nil {
		t.Fatal(err)
	}
	if len(cols) < 20 {
		t.Fatalf("only %d columns to search", len(cols))
	}
	n := 0
	for _, c := range cols {
		q := fmt.Sprintf(`SELECT count(*) FROM %q WHERE strpos(%q::text, $1) > 0 OR strpos(%q::text, $2) > 0`, c.Table, c.Col, c.Col)
		if c.Type == "bytea" {
			q = fmt.Sprintf(`SELECT count(*) FROM %q WHERE position(convert_to($1, 'UTF8') in %q) > 0
				OR position(convert_to($2, 'UTF8') in %q) > 0`, c.Table, c.Col, c.Col)
		}
		var k int
		if err := tx.Get(&k, q, name, id); err != nil {
			t.Fatalf("%s.%s: %v", c.Table, c.Col, err)
		}
		if k > 0 {
			t.Logf("%s.%s: %d rows", c.Table, c.Col, k)
			n++
		}
	}
	return n
}

// TestRetentionSetting: a tenant keeping data three years anonymises a year
// later than the default; the setting shows its source.
func TestRetentionSetting(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	tn := freshTenant(t)
	mustDo(t, 200, "PUT", "/api/v1/settings", tn.Key, map[string]any{"retention_years_after_separation": 3})
	emp, _ := hire(t, tn.Key, "RET-4", "其其格留存测试", "female", "")
	if r := separate(t, tn.Key, emp, map[string]any{"last_day": "2026-12-30", "kind": "resignation"}); r.Status != 201 {
		t.Fatalf("separation: %d %s", r.Status, r.Body)
	}
	cs := env.Cases()
	for _, day := range []string{"2029-01-03", "2029-12-30"} {
		if _, err := cs.RunProtectionJobFor(context.Background(), tn.ID, leave.MustDate(day)); err != nil {
			t.Fatal(err)
		}
		if e := mustDo(t, 200, "GET", "/api/v1/employees/"+emp, tn.Key, nil); e["anonymised_on"] != nil {
			t.Fatalf("anonymised by %s: %v", day, e)
		}
	}
	if _, err := cs.RunProtectionJobFor(context.Background(), tn.ID, leave.MustDate("2029-12-31")); err != nil {
		t.Fatal(err)
	}
	if e := mustDo(t, 200, "GET", "/api/v1/employees/"+emp, tn.Key, nil); e["anonymised_on"] != "2029-12-31" {
		t.Fatalf("not anonymised on 2029-12-31: %v", e)
	}
	r := env.Do(t, "GET", "/api/v1/settings", tn.Key, nil)
	if !strings.Contains(string(r.Body), `"key":"retention_years_after_separation","label"`) || !strings.Contains(string(r.Body), `"value":3,"default":2`) {
		t.Fatalf("settings: %s", r.Body)
	}
}
