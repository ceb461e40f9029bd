package portal_test

import (
	"encoding/csv"
	"strings"
	"testing"
)

// TestCrossTenant is the portal's BOLA matrix: every portal route that
// takes an object id, used by tenant A's admin with tenant B's id, answers
// 404 and shows none of B's data. A new route whose object kind has no
// fixture here fails the test.
func TestCrossTenant(t *testing.T) {
	bB := admin(t, 1)
	ids := map[string]string{
		"employees": createEmployee(t, bB, "B-SECRET"),
		"staff":     addUser(t, env.B.ID, "b-staff@example.com", "hr", "b staff password"),
	}
	r := env.Do(t, "POST", "/api/v1/dismissal-checks", env.B.Key, map[string]any{"employee_id": ids["employees"],
		"action": "demotion", "effective_date": "2026-12-01"})
	if r.Status != 200 {
		t.Fatalf("B's dismissal check: %d %s", r.Status, r.Body)
	}
	ids["dismissal-checks"] = r.JSON(t)["id"].(string)
	r = env.Do(t, "POST", "/api/v1/api-keys", env.B.Key, map[string]any{"name": "B 的密钥", "role": "auditor"})
	if r.Status != 201 {
		t.Fatalf("B's API key: %d %s", r.Status, r.Body)
	}
	ids["api-keys"] = r.JSON(t)["id"].(string)
	var sheet strings.Builder
	w := csv.NewWriter(&sheet)
	_ = w.WriteAll([][]string{importHeader, importRow("B-IMPORT")})
	run := bB.upload("/imports", "/imports/employees", "b.csv", []byte(sheet.String()), map[string]string{"mode": "import"})
	if run.Status != 303 {
		t.Fatalf("B's import: %d %s", run.Status, excerpt(run.Body))
	}
	ids["imports"] = strings.TrimPrefix(run.Header.Get("Location"), "/imports/")
	for kind, id := range familyFixtures(t, ids["employees"]) {
		ids[kind] = id
	}
	a := admin(t, 0)
	checked := 0
	for _, rt := range env.Server.GetRoutes(true) {
		if strings.HasPrefix(rt.Path, "/api/") || !strings.Contains(rt.Path, ":id") || rt.Method == "HEAD" {
			continue
		}
		kind := strings.Split(strings.TrimPrefix(rt.Path, "/"), "/")[0]
		id, ok := ids[kind]
		if !ok {
			if kind != "webhooks" {
				t.Errorf("portal route %s %s takes the id of a %q, which the BOLA matrix (handlers/portal/bola_test.go) has no fixture for: add one", rt.Method, rt.Path, kind)
			}
			continue
		}
		path := strings.Replace(strings.Replace(rt.Path, ":id", id, 1), ":event_id", "00000000-0000-4000-8000-00000000e7e7", 1)
		var p page
		if rt.Method == "GET" {
			p = a.get(path)
		} else {
			f := employeeForm("B-SECRET")
			f.Set("role", "admin")
			p = a.post("/", path, f)
		}
		if p.Status != 404 {
			t.Errorf("%s %s as tenant A with B's %s: %d %s", rt.Method, rt.Path, kind, p.Status, excerpt(p.Body))
		}
		for _, leak := range []string{"B-SECRET<", "b-staff@", "测试单位B"} {
			if strings.Contains(p.Body, leak) {
				t.Errorf("%s %s shows tenant B's data (%s)", rt.Method, rt.Path, leak)
			}
		}
		checked++
	}
	if checked < 7 {
		t.Fatalf("only %d portal routes checked", checked)
	}
	t.Logf("%d portal routes with object ids: all 404 for another tenant", checked)
	if p := a.get("/leave-requests/new?employee=" + ids["employees"]); p.Status != 404 || strings.Contains(p.Body, "B-SECRET") {
		t.Errorf("leave form preselecting B's employee: %d", p.Status)
	}
	for _, list := range []string{"/leave-requests?employee=", "/allowance-claims?employee="} {
		if p := a.get(list + ids["employees"]); p.Status != 200 || strings.Contains(p.Body, "B-SECRET") {
			t.Errorf("%s with B's employee: %d", list, p.Status)
		}
	}
	if p := a.get("/employees?q=B-SECRET"); strings.Contains(p.Body, "B-SECRET<") {
		t.Error("B's employee listed for A")
	}
	if p := bB.get("/staff/" + ids["staff"]); strings.Contains(p.Body, "已停用") || p.Status != 200 {
		t.Errorf("B's user changed by A: %d", p.Status)
	}
}

// familyFixtures records, through the API as tenant B, a birth, a
// miscarriage, a leave request, an allowance claim and a subsidy
// application of B's employee, and an integration; their ids by the portal
// path that takes them.
func familyFixtures(t *testing.T, employee string) map[string]string {
	t.Helper()
	out := map[string]string{}
	create := func(kind, path string, body map[string]any) {
		t.Helper()
		r := env.Do(t, "POST", path, env.B.Key, body)
		if r.Status != 200 && r.Status != 201 {
			t.Fatalf("B's %s: %d %s", kind, r.Status, r.Body)
		}
		out[kind] = r.JSON(t)["id"].(string)
	}
	create("births", "/api/v1/employees/"+employee+"/births", map[string]any{"birth_date": day(-10), "child_order": 1})
	if r := env.Do(t, "GET", "/api/v1/employees/"+employee+"/events", env.B.Key, nil); r.Status == 200 {
		out["children"] = r.JSON(t)["children"].([]any)[0].(map[string]any)["id"].(string)
	}
	create("miscarriages", "/api/v1/employees/"+employee+"/miscarriages", map[string]any{"date": day(-400), "gestation_weeks": 8})
	create("leave-requests", "/api/v1/leave-requests", map[string]any{"employee_id": employee, "leave_type": "maternity",
		"start": day(-10), "days": 158})
	if r := env.Do(t, "PUT", "/api/v1/settings", env.B.Key, map[string]any{"avg_monthly_wage_fen": map[string]any{
		day(-400)[:4]: 700000, day(-10)[:4]: 700000, "2025": 700000}}); r.Status != 200 {
		t.Fatalf("B's settings: %d %s", r.Status, r.Body)
	}
	create("allowance-claims", "/api/v1/allowance-claims", map[string]any{"birth_id": out["births"]})
	create("subsidy-applications", "/api/v1/subsidy-applications", map[string]any{"period_from": "2020-01", "period_to": "2020-02"})
	create("integrations", "/api/v1/integrations", map[string]any{"name": "B-SECRET payroll"})
	create("correction-requests", "/api/v1/employees/"+employee+"/correction-requests", map[string]any{
		"subject": "B-SECRET 更正", "received_on": day(-1), "channel": "email"})
	return out
}
