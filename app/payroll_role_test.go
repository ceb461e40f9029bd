package app_test

import (
	"strings"
	"testing"
)

// TestPayrollSeesVerdictWithoutProtection: a dismissal check answered to a
// payroll key (created, listed, read by id) says the verdict on the action
// and its date, never the phase, the protected or estimated dates or a
// reason naming her pregnancy or birth; HR sees all of it.
func TestPayrollSeesVerdictWithoutProtection(t *testing.T) {
	ten := filingTenant(t, "薪酬角色测试单位", "")
	pay := env.NewKey(t, ten.ID, "payroll")
	mother, _ := protectedMother(t, ten.Key)
	body := map[string]any{"employee_id": mother, "action": "termination", "ground": "art40", "effective_date": "2026-12-01"}
	full := mustDo(t, 200, "POST", "/api/v1/dismissal-checks", ten.Key, body)
	if full["phase"] == nil || full["protected_until"] == nil {
		t.Fatalf("HR's verdict lacks the protection: %v", full)
	}
	created := env.Do(t, "POST", "/api/v1/dismissal-checks", pay, body)
	id, _ := created.JSON(t)["id"].(string)
	list := env.Do(t, "GET", "/api/v1/dismissal-checks?employee_id="+mother, pay, nil)
	byID := env.Do(t, "GET", "/api/v1/dismissal-checks/"+id, pay, nil)
	for name, r := range map[string]string{"POST": string(created.Body), "list": string(list.Body), "GET": string(byID.Body)} {
		if !strings.Contains(r, `"verdict":"prohibited"`) {
			t.Errorf("%s as payroll: no verdict: %s", name, r)
		}
		for _, leak := range []string{"phase", "protected_", "allowed_from", "extended_contract_end", "孕", "产", "哺乳", "2027-10-01"} {
			if strings.Contains(r, leak) {
				t.Errorf("%s as payroll shows %q: %s", name, leak, r)
			}
		}
	}
	for _, path := range []string{"/api/v1/employees/" + mother + "/protection", "/api/v1/leave-requests",
		"/api/v1/allowance-claims", "/api/v1/subsidy-applications", "/api/v1/alerts/overdue-claims"} {
		if r := env.Do(t, "GET", path, pay, nil); r.Status != 403 {
			t.Errorf("GET %s as payroll: %d", path, r.Status)
		}
	}
}
