package app_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"leaveguard/app"
	"leaveguard/leave"
	"leaveguard/store/dbtest"
)

// TestTenantDeletion: the demo tenant (data in every table) asks for its
// deletion, downloads its full export, cancels, asks again; the daily job
// of the day before the grace period ends keeps it, the job of that day,
// run by two instances at once, removes it. Afterwards no column of any
// table of the schema holds its id, every row of another tenant is still
// there and that tenant's audit chain verifies.
func TestTenantDeletion(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	ctx := context.Background()
	cs := env.Cases()
	key, err := app.LoadDemo(ctx, env.DB.App, cs)
	if err != nil {
		t.Fatal(err)
	}
	demo := app.DemoTenantID
	db := superuser(t)
	fillRemainingTables(t, db, key)
	other := freshTenant(t)
	emp, _ := hire(t, other.Key, "DEL-1", "其他单位员工", "female", "")
	post(t, 201, "/api/v1/employees/"+emp+"/pregnancies", other.Key, map[string]any{"reported_on": "2026-03-01"})

	tables := tenantTables(t, db)
	before := map[string]int{}
	for _, tb := range tables {
		before[tb] = rowsOf(t, db, tb, other.ID)
	}

	files := exportFiles(t, key)
	for _, tb := range append(tables, "tenants") {
		if _, ok := files[tb+".json"]; !ok {
			t.Errorf("export lacks %s.json", tb)
		}
	}
	var emps []map[string]any
	if err := json.Unmarshal(files["employees.json"], &emps); err != nil || len(emps) != rowsOf(t, db, "employees", demo) {
		t.Fatalf("exported employees: %v (%d rows)", err, len(emps))
	}
	if _, ok := emps[0]["national_id_enc"]; ok || emps[0]["national_id_masked"] == nil {
		t.Fatalf("exported employee columns: %v", emps[0])
	}

	deletion := "/api/v1/tenant/deletion"
	if r := env.Do(t, "POST", deletion, key, map[string]any{"confirm_name": "别的单位"}); r.Status != 400 {
		t.Fatalf("wrong confirmation: %d %s", r.Status, r.Body)
	}
	hr := env.NewKey(t, demo, "hr")
	if r := env.Do(t, "POST", deletion, hr, map[string]any{"confirm_name": "兴安盟示范企业有限公司"}); r.Status != 403 {
		t.Fatalf("hr asks for deletion: %d %s", r.Status, r.Body)
	}
	confirm := map[string]any{"confirm_name": "兴安盟示范企业有限公司"}
	d := mustDo(t, 201, "POST", deletion, key, confirm)
	if d["status"] != "scheduled" || d["purge_on"] != "2026-12-28" || d["export_url"] != "/api/v1/tenant/export" {
		t.Fatalf("deletion: %v", d)
	}
	if r := env.Do(t, "POST", deletion, key, confirm); r.Status != 409 || r.Code() != "deletion_already_requested" {
		t.Fatalf("second request: %d %s", r.Status, r.Body)
	}
	if c := mustDo(t, 200, "DELETE", deletion, key, nil); c["status"] != "cancelled" || c["cancelled_on"] != "2026-11-28" {
		t.Fatalf("cancel: %v", c)
	}
	mustDo(t, 404, "GET", deletion, key, nil)
	mustDo(t, 404, "GET", deletion, other.Key, nil)
	mustDo(t, 201, "POST", deletion, key, confirm)
	mustDo(t, 200, "GET", deletion, key, nil)
	for _, tb := range tables {
		if n := rowsOf(t, db, tb, demo); n == 0 {
			t.Errorf("demo tenant has no row in %s: the test would not prove its deletion", tb)
		}
	}

	if gone, err := cs.RunTenantDeletions(ctx, leave.MustDate("2026-12-27")); err != nil || len(gone) != 0 {
		t.Fatalf("a day early: %v %v", gone, err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	purged := 0
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			gone, err := cs.RunTenantDeletions(ctx, leave.MustDate("2026-12-28"))
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			purged += len(gone)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if purged != 1 {
		t.Fatalf("purged %d times", purged)
	}

	if n := mentions(t, db, demo); n != 0 {
		t.Fatalf("%d columns still hold the deleted tenant's id", n)
	}
	for _, tb := range tables {
		if n := rowsOf(t, db, tb, other.ID); n != before[tb] {
			t.Errorf("other tenant's %s: %d rows, was %d", tb, n, before[tb])
		}
	}
	time.Sleep(2 * time.Second) // keys are cached for up to 2 seconds, as a revoked key
	if r := env.Do(t, "GET", "/api/v1/employees", key, nil); r.Status != 401 {
		t.Fatalf("deleted tenant's key: %d", r.Status)
	}
	env.SetToday(t, "2026-12-28")
	auditor := env.NewKey(t, other.ID, "auditor")
	if v := mustDo(t, 200, "GET", "/api/v1/audit-log/verify", auditor, nil); v["intact"] != true {
		t.Fatalf("other tenant's audit chain: %v", v)
	}
}

// fillRemainingTables adds, for the demo tenant, what its seed leaves out:
// a cached idempotent response, a corrected pregnancy (a fact version), a
// leave notice PDF (a filing), the labor-bureau report as PDF and CSV (a
// report document and file) and an outbound delivery attempt, written as the outbox worker
// records one (the worker itself would post to the network).
func fillRemainingTables(t *testing.T, db *sqlx.DB, key string) {
	t.Helper()
	r := env.Do(t, "POST", "/api/v1/api-keys", key, map[string]any{"name": "删除测试", "role": "auditor"}, "Idempotency-Key", "del-1")
	if r.Status != 201 {
		t.Fatalf("api key: %d %s", r.Status, r.Body)
	}
	var p struct {
		ID         string `db:"id"`
		ReportedOn string `db:"reported_on"`
	}
	if err := db.Get(&p, `SELECT id, reported_on::text FROM pregnancies WHERE tenant_id = $1 LIMIT 1`, app.DemoTenantID); err != nil {
		t.Fatal(err)
	}
	mustDo(t, 200, "PUT", "/api/v1/pregnancies/"+p.ID, key, map[string]any{"reported_on": p.ReportedOn})
	var lr string
	if err := db.Get(&lr, `SELECT id FROM leave_requests WHERE tenant_id = $1 AND status = 'approved' LIMIT 1`, app.DemoTenantID); err != nil {
		t.Fatal(err)
	}
	getPDF(t, "/api/v1/leave-requests/"+lr+"/pdf", key)
	for _, f := range []string{"pdf", "csv"} {
		if r := env.Do(t, "GET", "/api/v1/exports/labor-bureau?from=2026-01-01&to=2026-11-28&format="+f, key, nil); r.Status != 200 {
			t.Fatalf("report: %d %s", r.Status, r.Body)
		}
	}
	// A closed month's adjustment and a changed employee, as a late correction leaves them.
	if _, err := db.Exec(`INSERT INTO payroll_adjustments (tenant_id, id, employee_id, month, adjusts_month, adjustment_of, revision, body, created_at, change_seq)
		SELECT tenant_id, gen_random_uuid(), id, '2026-12', '2026-11', gen_random_uuid(), 2, '{}', now(), 1 FROM employees WHERE tenant_id = $1 LIMIT 1`, app.DemoTenantID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO payroll_feed_dirty (tenant_id, employee_id)
		SELECT tenant_id, id FROM employees WHERE tenant_id = $1 LIMIT 1 ON CONFLICT DO NOTHING`, app.DemoTenantID); err != nil {
		t.Fatal(err)
	}
	importReport(t, key, "del.xlsx", xlsxFile(t, [][]string{importRow("DEL-IMP-1")}), false)
	_, err := db.Exec(`INSERT INTO outbox_attempts (tenant_id, event_id, integration_id, attempt, status_code)
		SELECT e.tenant_id, e.id, i.id, 1, 503 FROM outbox_events e JOIN integrations i ON i.tenant_id = e.tenant_id
		WHERE e.tenant_id = $1 LIMIT 1`, app.DemoTenantID)
	if err != nil {
		t.Fatal(err)
	}
}

// exportFiles downloads the tenant's export and returns its files by name.
func exportFiles(t *testing.T, key string) map[string][]byte {
	t.Helper()
	r := env.Do(t, "GET", "/api/v1/tenant/export", key, nil)
	if r.Status != 200 || r.Header["Content-Type"] != "application/zip" {
		t.Fatalf("export: %d %s", r.Status, r.Body)
	}
	z, err := zip.NewReader(bytes.NewReader(r.Body), int64(len(r.Body)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil || !json.Valid(b) {
			t.Fatalf("%s: %v, valid JSON %v", f.Name, err, json.Valid(b))
		}
		out[f.Name] = b
	}
	return out
}

// superuser opens the test database as the superuser, who sees every row
// whatever row-level security says.
func superuser(t *testing.T) *sqlx.DB {
	t.Helper()
	u, err := url.Parse(dbtest.AdminURL())
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + env.DB.Name
	db, err := sqlx.Open("postgres", u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// tenantTables lists every table of the schema with a tenant_id column.
func tenantTables(t *testing.T, db *sqlx.DB) []string {
	t.Helper()
	var out []string
	err := db.Select(&out, `SELECT c.table_name FROM information_schema.columns c
		JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
		WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND tb.table_type = 'BASE TABLE' ORDER BY 1`)
	if err != nil || len(out) < 30 {
		t.Fatalf("tenant tables: %v %v", out, err)
	}
	return out
}

func rowsOf(t *testing.T, db *sqlx.DB, table, tenant string) int {
	t.Helper()
	var n int
	if err := db.Get(&n, fmt.Sprintf(`SELECT count(*) FROM %q WHERE tenant_id = $1`, table), tenant); err != nil {
		t.Fatal(err)
	}
	return n
}

// mentions counts the columns of every table of the schema (with or
// without tenant_id: uuid, text and JSON ones) holding id; it logs each.
func mentions(t *testing.T, db *sqlx.DB, id string) int {
	t.Helper()
	var cols []struct {
		Table string `db:"table_name"`
		Col   string `db:"column_name"`
	}
	err := db.Select(&cols, `SELECT c.table_name, c.column_name FROM information_schema.columns c
		JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
		WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
		  AND c.data_type IN ('uuid', 'text', 'character varying', 'json', 'jsonb') ORDER BY 1, 2`)
	if err != nil || len(cols) < 100 {
		t.Fatalf("columns: %d %v", len(cols), err)
	}
	n := 0
	for _, c := range cols {
		var k int
		q := fmt.Sprintf(`SELECT count(*) FROM %q WHERE strpos(%q::text, $1) > 0`, c.Table, c.Col)
		if err := db.Get(&k, q, id); err != nil {
			t.Fatalf("%s.%s: %v", c.Table, c.Col, err)
		}
		if k > 0 {
			t.Logf("%s.%s: %d rows", c.Table, c.Col, k)
			n++
		}
	}
	return n
}

// TestTenantDeleteCLI: `leaveguard tenant delete --tenant ID` schedules the
// deletion (the admin sees it), `--now` removes the tenant at once, and a
// second run finds no such tenant.
func TestTenantDeleteCLI(t *testing.T) {
	t.Setenv("LEAVEGUARD_ENV", "dev")
	t.Setenv("LEAVEGUARD_DATABASE_URL", env.DB.AppURL)
	tn := freshTenant(t)
	hire(t, tn.Key, "CLI-1", "命令行删除测试", "female", "")
	ctx := context.Background()
	var out bytes.Buffer
	if err := app.Main(ctx, []string{"tenant", "delete", "--tenant", tn.ID}, &out, nil); err != nil {
		t.Fatalf("schedule: %v %s", err, out.String())
	}
	if d := mustDo(t, 200, "GET", "/api/v1/tenant/deletion", tn.Key, nil); d["requested_by"] != "system:cli" {
		t.Fatalf("scheduled: %v", d)
	}
	out.Reset()
	if err := app.Main(ctx, []string{"tenant", "delete", "--tenant", tn.ID, "--now"}, &out, nil); err != nil {
		t.Fatalf("now: %v %s", err, out.String())
	}
	db := superuser(t)
	if n := mentions(t, db, tn.ID); n != 0 {
		t.Fatalf("%d columns still hold the tenant", n)
	}
	if err := app.Main(ctx, []string{"tenant", "delete", "--tenant", tn.ID, "--now"}, &out, nil); err == nil {
		t.Fatal("deleted a tenant twice")
	}
}
