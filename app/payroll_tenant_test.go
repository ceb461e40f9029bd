package app_test

import (
	"testing"
)

// TestPayrollCrossTenant calls every claim, application and child route
// that takes an id as tenant B with tenant A's ids: all 404, and A's
// objects are unchanged.
func TestPayrollCrossTenant(t *testing.T) {
	mustDo(t, 200, "PUT", "/api/v1/settings", env.A.Key, map[string]any{"avg_monthly_wage_fen": map[string]any{"2025": 700000}})
	mother := staff(t, env.A.Key, "female", 800000, true)
	b := birth(t, env.A.Key, mother, map[string]any{"birth_date": "2026-01-05", "child_order": 1})
	claim := mustDo(t, 201, "POST", "/api/v1/allowance-claims", env.A.Key, map[string]any{"birth_id": b})["id"].(string)
	app := mustDo(t, 201, "POST", "/api/v1/subsidy-applications", env.A.Key,
		map[string]any{"period_from": "2031-01", "period_to": "2031-03"})["id"].(string)
	child := childOf(t, env.A.Key, mother)

	calls := []struct {
		method, path string
		body         any
	}{
		{"POST", "/api/v1/allowance-claims", map[string]any{"birth_id": b}},
		{"GET", "/api/v1/allowance-claims/" + claim, nil},
		{"POST", "/api/v1/allowance-claims/" + claim + "/recompute", nil},
		{"POST", "/api/v1/allowance-claims/" + claim + "/submit", map[string]any{"submitted_on": "2026-02-01"}},
		{"POST", "/api/v1/allowance-claims/" + claim + "/approve", nil},
		{"POST", "/api/v1/allowance-claims/" + claim + "/reject", map[string]any{"reason": "x"}},
		{"POST", "/api/v1/allowance-claims/" + claim + "/pay", map[string]any{"paid_fen": 1, "paid_on": "2026-03-01"}},
		{"GET", "/api/v1/subsidy-applications/" + app, nil},
		{"POST", "/api/v1/subsidy-applications/" + app + "/recompute", nil},
		{"POST", "/api/v1/subsidy-applications/" + app + "/submit", nil},
		{"POST", "/api/v1/subsidy-applications/" + app + "/approve", nil},
		{"POST", "/api/v1/subsidy-applications/" + app + "/reject", map[string]any{"reason": "x"}},
		{"POST", "/api/v1/subsidy-applications/" + app + "/pay", map[string]any{"paid_fen": 1, "paid_on": "2026-03-01"}},
		{"PATCH", "/api/v1/children/" + child, map[string]any{"iit_share_percent": 50}},
	}
	for _, c := range calls {
		r := env.Do(t, c.method, c.path, env.B.Key, c.body)
		if r.Status != 404 || r.Code() != "not_found" {
			t.Errorf("%s %s as tenant B: %d %s", c.method, c.path, r.Status, r.Body)
		}
	}
	if m := mustDo(t, 200, "GET", "/api/v1/allowance-claims/"+claim, env.A.Key, nil); m["status"] != "draft" || len(m["history"].([]any)) != 1 {
		t.Fatalf("A's claim changed: %v", m)
	}
	if m := mustDo(t, 200, "GET", "/api/v1/subsidy-applications/"+app, env.A.Key, nil); m["status"] != "draft" {
		t.Fatalf("A's application changed: %v", m)
	}
	for _, path := range []string{"/api/v1/allowance-claims?employee_id=" + mother, "/api/v1/subsidy-applications"} {
		for _, it := range mustDo(t, 200, "GET", path, env.B.Key, nil)["items"].([]any) {
			if id := it.(map[string]any)["id"]; id == claim || id == app {
				t.Fatalf("B lists A's object at %s", path)
			}
		}
	}
	for id := range feedLines(t, env.B.Key, "2026-01", "1000") {
		if id == mother {
			t.Fatal("B's feed shows A's employee")
		}
	}
}

// payrollFixtures creates an allowance claim and a subsidy application in
// the tenant of key, for the BOLA matrix, and returns their ids.
func payrollFixtures(t *testing.T, key string) (claim, application string) {
	t.Helper()
	mustDo(t, 200, "PUT", "/api/v1/settings", key, map[string]any{"avg_monthly_wage_fen": map[string]any{"2025": 700000}})
	mother := staff(t, key, "female", 800000, true)
	b := birth(t, key, mother, map[string]any{"birth_date": "2026-01-05", "child_order": 1})
	claim = mustDo(t, 201, "POST", "/api/v1/allowance-claims", key, map[string]any{"birth_id": b})["id"].(string)
	r := env.Do(t, "POST", "/api/v1/subsidy-applications", key, map[string]any{"period_from": "2032-01", "period_to": "2032-03"})
	if r.Status == 201 {
		return claim, r.JSON(t)["id"].(string)
	}
	items := mustDo(t, 200, "GET", "/api/v1/subsidy-applications", key, nil)["items"].([]any)
	if len(items) == 0 {
		t.Fatalf("subsidy fixture: %d %s", r.Status, r.Body)
	}
	return claim, items[0].(map[string]any)["id"].(string)
}
