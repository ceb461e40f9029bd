package app_test

import (
	"strings"
	"testing"
)

func TestAllowanceClaimRules(t *testing.T) {
	tn := freshTenant(t)
	mother := staff(t, tn.Key, "female", 900000, true)
	b := birth(t, tn.Key, mother, map[string]any{"birth_date": "2026-02-10", "child_order": 2, "babies": 2, "dystocia": true})
	r := env.Do(t, "POST", "/api/v1/allowance-claims", tn.Key, map[string]any{"birth_id": b})
	if r.Status != 422 || r.Code() != "missing_wage_basis" || !strings.Contains(string(r.Body), "2025") {
		t.Fatalf("missing basis: %d %s", r.Status, r.Body)
	}
	mustDo(t, 200, "PUT", "/api/v1/settings", tn.Key, map[string]any{"avg_monthly_wage_fen": map[string]any{"2025": 750000}})
	c := mustDo(t, 201, "POST", "/api/v1/allowance-claims", tn.Key, map[string]any{"birth_id": b})
	// Twins recorded as the 2nd and 3rd child: the birth includes a 3rd child
	// (multiple_birth_order_basis = last_baby), so 98 + 90 + 15 (dystocia) +
	// 15 (twins) = 218 days; 750000 × 218 ÷ 30 = 5450000.
	if num(c["paid_days"]) != 218 || fen(c["amount_fen"]) != 5450000 || num(c["basis_year"]) != 2025 {
		t.Fatalf("twins with dystocia: %v", c)
	}
	// National days only: 98 + 15 + 15 = 128.
	mustDo(t, 200, "PUT", "/api/v1/settings", tn.Key, map[string]any{"allowance_paid_days_mode": "national"})
	c = mustDo(t, 200, "POST", "/api/v1/allowance-claims/"+c["id"].(string)+"/recompute", tn.Key, nil)
	if num(c["paid_days"]) != 128 {
		t.Fatalf("national days: %v", c["paid_days"])
	}
	if r := env.Do(t, "PUT", "/api/v1/settings", tn.Key, map[string]any{"allowance_paid_days_mode": "fixed"}); r.Status != 400 {
		t.Fatalf("fixed without days: %d %s", r.Status, r.Body)
	}
	mustDo(t, 200, "PUT", "/api/v1/settings", tn.Key, map[string]any{"allowance_paid_days_mode": nil})

	father := staff(t, tn.Key, "male", 800000, true)
	fb := birth(t, tn.Key, father, map[string]any{"birth_date": "2026-02-10", "child_order": 1})
	if r := env.Do(t, "POST", "/api/v1/allowance-claims", tn.Key, map[string]any{"birth_id": fb}); r.Status != 422 || r.Code() != "not_eligible" {
		t.Fatalf("father: %d %s", r.Status, r.Body)
	}

	// A miscarriage at 16 weeks: 42 days on the 2025 basis.
	m := staff(t, tn.Key, "female", 600000, true)
	mis := mustDo(t, 201, "POST", "/api/v1/employees/"+m+"/miscarriages", tn.Key, map[string]any{"date": "2026-03-01", "gestation_weeks": 16})
	c = mustDo(t, 201, "POST", "/api/v1/allowance-claims", tn.Key, map[string]any{"miscarriage_id": mis["id"]})
	if num(c["paid_days"]) != 42 || fen(c["amount_fen"]) != 1050000 || c["event"] != "miscarriage" || fen(c["top_up_fen"]) != 0 {
		t.Fatalf("miscarriage: %v", c)
	}
	// Rejected: the event may be claimed again.
	mid := c["id"].(string)
	mustDo(t, 200, "POST", "/api/v1/allowance-claims/"+mid+"/submit", tn.Key, nil)
	c = mustDo(t, 200, "POST", "/api/v1/allowance-claims/"+mid+"/reject", tn.Key, map[string]any{"reason": "缺少医疗证明"})
	if c["status"] != "rejected" || c["reject_reason"] != "缺少医疗证明" {
		t.Fatalf("reject: %v", c)
	}
	mustDo(t, 201, "POST", "/api/v1/allowance-claims", tn.Key, map[string]any{"miscarriage_id": mis["id"]})

	// Uninsured: the employer owes the allowance at her own wage, flagged.
	u := staff(t, tn.Key, "female", 510000, false)
	ub := birth(t, tn.Key, u, map[string]any{"birth_date": "2026-04-01", "child_order": 1})
	c = mustDo(t, 201, "POST", "/api/v1/allowance-claims", tn.Key, map[string]any{"birth_id": ub})
	gaps := c["compliance_gaps"].([]any)
	if c["payer"] != "employer" || fen(c["amount_fen"]) != 2686000 || len(gaps) != 1 ||
		gaps[0].(map[string]any)["code"] != "maternity_uninsured" {
		t.Fatalf("uninsured: %v", c)
	}

	if r := env.Do(t, "POST", "/api/v1/allowance-claims", tn.Key, map[string]any{}); r.Status != 400 {
		t.Fatalf("no event: %d", r.Status)
	}
	if r := env.Do(t, "POST", "/api/v1/allowance-claims", tn.Key, map[string]any{"birth_id": "00000000-0000-4000-8000-000000000000"}); r.Status != 404 {
		t.Fatalf("unknown birth: %d", r.Status)
	}
	auditor := newKey(t, tn.ID, "auditor")
	if r := env.Do(t, "POST", "/api/v1/allowance-claims", auditor, map[string]any{"birth_id": ub}); r.Status != 403 {
		t.Fatalf("auditor create: %d", r.Status)
	}
	mustDo(t, 200, "GET", "/api/v1/allowance-claims", auditor, nil)
}

func TestAllowanceSettings(t *testing.T) {
	tn := freshTenant(t)
	items := mustDo(t, 200, "GET", "/api/v1/settings", tn.Key, nil)["items"].([]any)
	got := map[string]map[string]any{}
	for _, it := range items {
		m := it.(map[string]any)
		got[m["key"].(string)] = m
	}
	for _, k := range []string{"avg_monthly_wage_fen", "allowance_divisor", "allowance_paid_days_mode", "allowance_fixed_days",
		"allowance_top_up", "allowance_payee", "contribution_rates", "subsidy_program"} {
		if got[k] == nil || got[k]["overridden"] != false || got[k]["source"] == "" {
			t.Fatalf("setting %s: %v", k, got[k])
		}
	}
	if got["allowance_divisor"]["default"] != float64(30) || got["allowance_top_up"]["value"] != true ||
		!strings.HasPrefix(got["contribution_rates"]["source"].(string), "按国家框架默认，请按当地通知设置") {
		t.Fatalf("defaults: %v %v %v", got["allowance_divisor"], got["allowance_top_up"], got["contribution_rates"])
	}
	for _, bad := range []map[string]any{
		{"avg_monthly_wage_fen": map[string]any{"1999": 100}},
		{"avg_monthly_wage_fen": map[string]any{"2025": 0}},
		{"avg_monthly_wage_fen": map[string]any{"2025": 1.5}},
		{"allowance_divisor": 30.456}, {"allowance_divisor": 0}, {"allowance_payee": "hr"},
		{"allowance_top_up": "yes"}, {"contribution_rates": map[string]any{"2025": map[string]any{"pension_bp": 20000, "base_ceiling_fen": 1}}},
		{"contribution_rates": map[string]any{"2025": map[string]any{"base_floor_fen": 500, "base_ceiling_fen": 100}}},
		{"contribution_rates": map[string]any{"2025": map[string]any{"pension": 1600, "base_ceiling_fen": 100}}},
		{"subsidy_program": map[string]any{"ratio_bp": -1}}, {"subsidy_program": map[string]any{"ratio": 5000}},
		{"subsidy_program": map[string]any{"eligible_leave_types": []string{"sick"}}},
	} {
		if r := env.Do(t, "PUT", "/api/v1/settings", tn.Key, bad); r.Status != 400 {
			t.Fatalf("%v: %d %s", bad, r.Status, r.Body)
		}
	}
	r := mustDo(t, 200, "PUT", "/api/v1/settings", tn.Key, map[string]any{"allowance_divisor": "30.4", "allowance_payee": "employer",
		"contribution_rates": map[string]any{"2025": map[string]any{"base_floor_fen": 400000, "base_ceiling_fen": 2000000}}})
	for _, it := range r["items"].([]any) {
		m := it.(map[string]any)
		if m["key"] == "allowance_divisor" && (m["value"] != 30.4 || m["overridden"] != true || m["source"] != "单位设置") {
			t.Fatalf("divisor: %v", m)
		}
		if m["key"] == "contribution_rates" {
			y := m["value"].(map[string]any)["2025"].(map[string]any)
			if num(y["pension_bp"]) != 1600 || y["confirmed"] != false || fen(y["base_ceiling_fen"]) != 2000000 {
				t.Fatalf("rates: %v", y)
			}
		}
	}
}
