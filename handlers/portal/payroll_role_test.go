package portal_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestPayrollPortalNoFamilyFacts: a payroll user's verdict page has the
// verdict but not the protection behind it; her employee page has no
// protection section; leave, claims and subsidy pages are refused.
func TestPayrollPortalNoFamilyFacts(t *testing.T) {
	b := admin(t, 0)
	id := pregnantEmployee(t, b, env.A.Key, "PAY-ROLE-1")
	addUser(t, env.A.ID, "payroll-role@example.com", "payroll", "payroll password 1")
	pay := newBrowser(t)
	pay.login("payroll-role@example.com", "payroll password 1")
	p := pay.post("/dismissal-checks", "/dismissal-checks", url.Values{"employee_id": {id}, "action": {"termination"},
		"ground": {"art40"}, "effective_date": {day(0)}})
	if p.Status != 303 {
		t.Fatalf("check as payroll: %d %s", p.Status, excerpt(p.Body))
	}
	verdict := pay.get(p.Location())
	if !strings.Contains(verdict.Body, "禁止") {
		t.Errorf("payroll's verdict page lacks the verdict: %s", excerpt(verdict.Body))
	}
	for _, leak := range []string{"孕期", "三期阶段", "保护期自", "预产期"} {
		if strings.Contains(verdict.Body, leak) {
			t.Errorf("payroll's verdict page shows %q", leak)
		}
	}
	if e := pay.get("/employees/" + id); e.Status != 200 || strings.Contains(e.Body, "孕期") {
		t.Errorf("payroll's employee page shows the protection: %d", e.Status)
	}
	for _, path := range []string{"/leave-requests", "/allowance-claims", "/subsidy-applications"} {
		if r := pay.get(path); r.Status != 403 {
			t.Errorf("payroll GET %s: %d", path, r.Status)
		}
	}
}
