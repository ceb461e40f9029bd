package app_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestPersonalReadsAudited: every read of personal data through the API
// adds exactly one audit row (a list one row, naming how many rows it
// returned and which), written by the use case.
func TestPersonalReadsAudited(t *testing.T) {
	ten := filingTenant(t, "读取审计测试单位", "")
	key := ten.Key
	mother, _ := protectedMother(t, key)
	claim, subsidy := payrollFixtures(t, key)
	_, lr := submitAs(t, key, mother, "parental", "2027-11-02", 2)
	leaveID, _ := lr["id"].(string)
	check := mustDo(t, 200, "POST", "/api/v1/dismissal-checks", key,
		map[string]any{"employee_id": mother, "action": "demotion", "effective_date": "2026-12-01"})["id"].(string)
	if leaveID == "" {
		t.Fatalf("leave request: %v", lr)
	}
	for _, tc := range []struct {
		path, action, listed string // listed: an id the list row must name
	}{
		{"/api/v1/allowance-claims/" + claim, "allowance_claim.read", ""},
		{"/api/v1/allowance-claims", "allowance_claim.list", claim},
		{"/api/v1/alerts/overdue-claims", "allowance_claim.list", ""},
		{"/api/v1/leave-requests/" + leaveID, "leave_request.read", ""},
		{"/api/v1/leave-requests?employee_id=" + mother, "leave_request.list", leaveID},
		{"/api/v1/subsidy-applications/" + subsidy, "subsidy_application.read", ""},
		{"/api/v1/subsidy-applications", "subsidy_application.list", subsidy},
		{"/api/v1/dismissal-checks/" + check, "dismissal_check.read", ""},
		{"/api/v1/dismissal-checks", "dismissal_check.list", check},
		{"/api/v1/employees", "employee.list", mother},
		{"/api/v1/employees/" + mother, "employee.read", ""},
		{"/api/v1/payroll/feed?month=2026-11", "payroll_feed.read", mother},
	} {
		before := auditRows(t, ten.ID, tc.action)
		if r := env.Do(t, "GET", tc.path, key, nil); r.Status != 200 {
			t.Errorf("GET %s: %d %s", tc.path, r.Status, r.Body)
			continue
		}
		after := auditRows(t, ten.ID, tc.action)
		if len(after) != len(before)+1 {
			t.Errorf("GET %s: %d audit rows %s added; want 1", tc.path, len(after)-len(before), tc.action)
			continue
		}
		if tc.listed == "" {
			continue
		}
		var d struct {
			Count int      `json:"count"`
			IDs   []string `json:"ids"`
		}
		_ = json.Unmarshal([]byte(after[len(after)-1]), &d)
		if d.Count != len(d.IDs) || !strings.Contains(strings.Join(d.IDs, ","), tc.listed) {
			t.Errorf("GET %s: audit detail %s does not name %s", tc.path, after[len(after)-1], tc.listed)
		}
	}
}

// auditRows are the details of tenant's audit rows of action, oldest first.
func auditRows(t *testing.T, tenant, action string) []string {
	t.Helper()
	var out []string
	env.Query(t, tenant, &out, `SELECT coalesce(detail::text, '') FROM audit_log WHERE tenant_id = $1 AND action = $2 ORDER BY seq`, tenant, action)
	return out
}
