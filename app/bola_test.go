package app_test

import (
	"strings"
	"testing"
)

// bolaFixtures creates one object of every kind in tenant B and returns
// its id by the route segment that names it.
func bolaFixtures(t *testing.T) map[string]string {
	t.Helper()
	ids := map[string]string{}
	emp, _ := protectedMother(t, env.B.Key)
	ids["employees"] = emp
	r := env.Do(t, "GET", "/api/v1/employees/"+emp+"/events", env.B.Key, nil)
	ids["births"] = r.JSON(t)["births"].([]any)[0].(map[string]any)["id"].(string)
	ids["children"] = r.JSON(t)["children"].([]any)[0].(map[string]any)["id"].(string)
	ids["pregnancies"] = r.JSON(t)["pregnancies"].([]any)[0].(map[string]any)["id"].(string)
	r = env.Do(t, "POST", "/api/v1/employees/"+emp+"/marriages", env.B.Key, map[string]any{"registered_on": "2025-05-20"})
	ids["marriages"] = r.JSON(t)["id"].(string)
	r = env.Do(t, "POST", "/api/v1/employees/"+female(t, env.B.Key)+"/miscarriages", env.B.Key, map[string]any{"date": "2026-06-01", "gestation_weeks": 10})
	ids["miscarriages"] = r.JSON(t)["id"].(string)
	_, m := submitAs(t, env.B.Key, emp, "parental", "2027-03-15", 2) // after her maternity leave (to 2027-03-07)
	ids["leave-requests"] = m["id"].(string)
	r = env.Do(t, "POST", "/api/v1/dismissal-checks", env.B.Key, map[string]any{"employee_id": emp, "action": "demotion", "effective_date": "2026-12-01"})
	ids["dismissal-checks"] = r.JSON(t)["id"].(string)
	ids["allowance-claims"], ids["subsidy-applications"] = payrollFixtures(t, env.B.Key)
	if r = env.Do(t, "POST", "/api/v1/integrations", env.B.Key, map[string]any{"name": "B 的工资系统"}); r.Status == 201 {
		ids["integrations"] = r.JSON(t)["id"].(string)
	}
	if r = env.Do(t, "POST", "/api/v1/api-keys", env.B.Key, map[string]any{"name": "B 的密钥", "role": "auditor"}); r.Status == 201 {
		ids["api-keys"] = r.JSON(t)["id"].(string)
	}
	r = env.Do(t, "POST", "/api/v1/employees/"+emp+"/correction-requests", env.B.Key, map[string]any{
		"subject": "B 的更正", "received_on": "2026-11-01", "channel": "email"})
	ids["correction-requests"] = r.JSON(t)["id"].(string)
	r = env.Do(t, "GET", "/api/v1/employees/"+emp+"/contract-extension-notice.pdf", env.B.Key, nil)
	ids["filings"] = r.Header["X-Filing-Id"]
	ids["imports"] = importReport(t, env.B.Key, "b.csv", csvFile(t, [][]string{importRow("B-IMP-1")}, false), false)["id"].(string)
	return ids
}

func submitAs(t *testing.T, key, emp, typ, start string, days int) (int, map[string]any) {
	t.Helper()
	r := env.Do(t, "POST", "/api/v1/leave-requests", key, map[string]any{"employee_id": emp, "leave_type": typ, "start": start, "days": days})
	return r.Status, r.JSON(t)
}

// bolaBodies are valid bodies, so that a route answers 404 for the missing
// object rather than 400 for the body.
var bolaBodies = map[string]any{
	"PATCH /api/v1/employees/:id":                    map[string]any{"name": "某人"},
	"POST /api/v1/employees/:id/pregnancies":         map[string]any{"reported_on": "2026-01-05"},
	"POST /api/v1/employees/:id/births":              map[string]any{"birth_date": "2026-03-10", "child_order": 1},
	"POST /api/v1/employees/:id/miscarriages":        map[string]any{"date": "2026-06-01", "gestation_weeks": 10},
	"POST /api/v1/employees/:id/marriages":           map[string]any{"registered_on": "2026-05-20"},
	"POST /api/v1/employees/:id/separation":          map[string]any{"last_day": "2026-06-30", "kind": "resignation"},
	"PUT /api/v1/births/:id":                         map[string]any{"birth_date": "2026-03-12", "child_order": 1},
	"PUT /api/v1/miscarriages/:id":                   map[string]any{"date": "2026-06-02", "gestation_weeks": 12},
	"PUT /api/v1/marriages/:id":                      map[string]any{"registered_on": "2025-05-18"},
	"PUT /api/v1/pregnancies/:id":                    map[string]any{"reported_on": "2026-03-02"},
	"POST /api/v1/leave-requests/:id/reject":         map[string]any{"reason": "测试"},
	"PATCH /api/v1/children/:id":                     map[string]any{"iit_share_percent": 50},
	"PATCH /api/v1/integrations/:id":                 map[string]any{"name": "某系统"},
	"POST /api/v1/allowance-claims/:id/reject":       map[string]any{"reason": "测试"},
	"POST /api/v1/allowance-claims/:id/pay":          map[string]any{"paid_fen": 100, "paid_on": "2026-11-01"},
	"POST /api/v1/subsidy-applications/:id/reject":   map[string]any{"reason": "测试"},
	"POST /api/v1/subsidy-applications/:id/pay":      map[string]any{"paid_fen": 100, "paid_on": "2026-11-01"},
	"POST /api/v1/employees/:id/correction-requests": map[string]any{"subject": "某项", "received_on": "2026-11-01", "channel": "email"},
	"POST /api/v1/correction-requests/:id/outcome":   map[string]any{"outcome": "corrected"},
	"POST /api/v1/employees/:id/sensitive-notices": map[string]any{"fact_type": "birth",
		"fact_id": "00000000-0000-4000-8000-000000000000", "informed": false},
}

// TestBOLAMatrix: every API route that takes an object id, called by tenant
// A with tenant B's id, answers 404 and returns none of B's data.
func TestBOLAMatrix(t *testing.T) {
	ids := bolaFixtures(t)
	checked := 0
	for _, rt := range env.Server.GetRoutes(true) {
		if !strings.HasPrefix(rt.Path, "/api/v1/") || !strings.Contains(rt.Path, ":id") || rt.Method == "HEAD" {
			continue
		}
		kind := strings.Split(strings.TrimPrefix(rt.Path, "/api/v1/"), "/")[0]
		id, ok := ids[kind]
		if !ok {
			t.Errorf("route %s %s takes the id of a %q, which the BOLA matrix (app/bola_test.go) has no fixture for: add one", rt.Method, rt.Path, kind)
			continue
		}
		path := strings.Replace(rt.Path, ":id", id, 1)
		path = strings.Replace(path, ":event_id", "00000000-0000-4000-8000-000000000000", 1)
		if strings.Contains(path, ":") {
			t.Errorf("route %s %s has a second id parameter: extend the BOLA matrix", rt.Method, rt.Path)
			continue
		}
		r := env.Do(t, rt.Method, path, env.A.Key, bolaBodies[rt.Method+" "+rt.Path])
		if r.Status != 404 {
			t.Errorf("%s %s as tenant A with B's %s: %d %s", rt.Method, rt.Path, kind, r.Status, r.Body)
		}
		for _, v := range ids {
			if strings.Contains(string(r.Body), v) {
				t.Errorf("%s %s leaked an id of tenant B", rt.Method, rt.Path)
			}
		}
		checked++
	}
	if checked < 15 {
		t.Fatalf("only %d routes checked", checked)
	}
	t.Logf("%d routes with object ids: all 404 for another tenant", checked)
}

// TestAccessCopyCrossTenant: tenant A asking for the copy of B's employee,
// as JSON or PDF, gets 404 and nothing of hers; B's log records no copy.
func TestAccessCopyCrossTenant(t *testing.T) {
	emp, _ := protectedMother(t, env.B.Key)
	for _, q := range []string{"", "?format=json", "?format=pdf"} {
		r := env.Do(t, "GET", "/api/v1/employees/"+emp+"/access-copy"+q, env.A.Key, nil)
		if r.Status != 404 || strings.Contains(string(r.Body), emp) || strings.Contains(string(r.Body), "乌兰") {
			t.Errorf("A's copy%s of B's employee: %d %s", q, r.Status, r.Body)
		}
	}
	var n []int
	env.Query(t, env.B.ID, &n, `SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND object_id = $2 AND action = 'employee.access_copy'`, env.B.ID, emp)
	if len(n) != 1 || n[0] != 0 {
		t.Errorf("access_copy audit rows in B for A's attempts: %v", n)
	}
}
