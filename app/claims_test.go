package app_test

import (
	"testing"
)

func TestAllowanceClaimLifecycle(t *testing.T) {
	tn := freshTenant(t)
	mustDo(t, 200, "PUT", "/api/v1/settings", tn.Key, map[string]any{"avg_monthly_wage_fen": map[string]any{"2024": 720000}})
	mother := staff(t, tn.Key, "female", 900000, true)
	b := birth(t, tn.Key, mother, map[string]any{"birth_date": "2025-03-01", "child_order": 1})

	c := mustDo(t, 201, "POST", "/api/v1/allowance-claims", tn.Key, map[string]any{"birth_id": b})
	if num(c["paid_days"]) != 158 || fen(c["amount_fen"]) != 3792000 || fen(c["basis_monthly_wage_fen"]) != 720000 ||
		fen(c["employee_wage_fen"]) != 4740000 || fen(c["top_up_fen"]) != 948000 || c["status"] != "draft" ||
		c["divisor"] != float64(30) || c["employee_id"] != mother || len(c["parameters"].([]any)) < 5 {
		t.Fatalf("claim: %v", c)
	}
	id := c["id"].(string)
	if r := env.Do(t, "POST", "/api/v1/allowance-claims", tn.Key, map[string]any{"birth_id": b}); r.Status != 409 || r.Code() != "claim_exists" {
		t.Fatalf("duplicate: %d %s", r.Status, r.Body)
	}
	// Illegal transitions from draft.
	for a, body := range map[string]any{"approve": nil, "reject": map[string]any{"reason": "材料不全"},
		"pay": map[string]any{"paid_fen": 1, "paid_on": "2025-05-01"}} {
		if r := env.Do(t, "POST", "/api/v1/allowance-claims/"+id+"/"+a, tn.Key, body); r.Status != 409 || r.Code() != "invalid_transition" {
			t.Fatalf("%s from draft: %d %s", a, r.Status, r.Body)
		}
	}
	// The tenant changes the divisor: recompute while draft.
	mustDo(t, 200, "PUT", "/api/v1/settings", tn.Key, map[string]any{"allowance_divisor": 30.4})
	c = mustDo(t, 200, "POST", "/api/v1/allowance-claims/"+id+"/recompute", tn.Key, nil)
	if c["divisor"] != 30.4 || fen(c["amount_fen"]) != 3742105 { // 720000 × 158 ÷ 30.4 = 3742105.26
		t.Fatalf("recompute: %v", c)
	}
	mustDo(t, 200, "PUT", "/api/v1/settings", tn.Key, map[string]any{"allowance_divisor": nil})
	mustDo(t, 200, "POST", "/api/v1/allowance-claims/"+id+"/recompute", tn.Key, nil)

	if r := env.Do(t, "POST", "/api/v1/allowance-claims/"+id+"/submit", tn.Key, map[string]any{"submitted_on": "2099-01-01"}); r.Status != 400 {
		t.Fatalf("future submit: %d %s", r.Status, r.Body)
	}
	c = mustDo(t, 200, "POST", "/api/v1/allowance-claims/"+id+"/submit", tn.Key, map[string]any{"submitted_on": "2025-09-30"})
	// 10 working days after 2025-09-30: the National Day holiday (10-01..10-08) is skipped, 10-11 is a make-up Saturday.
	if c["status"] != "submitted" || c["submitted_on"] != "2025-09-30" || c["decision_due"] != "2025-10-21" || c["overdue"] != true {
		t.Fatalf("submit: %v", c)
	}
	if r := env.Do(t, "POST", "/api/v1/allowance-claims/"+id+"/recompute", tn.Key, nil); r.Status != 409 {
		t.Fatalf("recompute after submit: %d", r.Status)
	}
	over := mustDo(t, 200, "GET", "/api/v1/alerts/overdue-claims", tn.Key, nil)
	if items := over["items"].([]any); len(items) != 1 || items[0].(map[string]any)["id"] != id {
		t.Fatalf("overdue: %v", over)
	}
	if r := env.Do(t, "POST", "/api/v1/allowance-claims/"+id+"/reject", tn.Key, map[string]any{}); r.Status != 400 {
		t.Fatalf("reject without reason: %d %s", r.Status, r.Body)
	}
	c = mustDo(t, 200, "POST", "/api/v1/allowance-claims/"+id+"/approve", tn.Key, map[string]any{"decided_on": "2025-10-28"})
	if c["status"] != "approved" || c["decided_on"] != "2025-10-28" || c["overdue"] != false {
		t.Fatalf("approve: %v", c)
	}
	if items := mustDo(t, 200, "GET", "/api/v1/alerts/overdue-claims", tn.Key, nil)["items"].([]any); len(items) != 0 {
		t.Fatalf("overdue after approval: %v", items)
	}
	c = mustDo(t, 200, "POST", "/api/v1/allowance-claims/"+id+"/pay", tn.Key, map[string]any{"paid_fen": 3790000, "paid_on": "2025-11-10"})
	rec := c["reconciliation"].(map[string]any)
	if c["status"] != "paid" || fen(c["difference_fen"]) != -2000 || rec["status"] != "underpaid" || fen(rec["difference_fen"]) != -2000 {
		t.Fatalf("pay: %v", c)
	}
	if r := env.Do(t, "POST", "/api/v1/allowance-claims/"+id+"/pay", tn.Key, map[string]any{"paid_fen": 1, "paid_on": "2025-11-10"}); r.Status != 409 || r.Code() != "invalid_transition" {
		t.Fatalf("pay twice: %d %s", r.Status, r.Body)
	}
	g := mustDo(t, 200, "GET", "/api/v1/allowance-claims/"+id, tn.Key, nil)
	if h := g["history"].([]any); len(h) != 6 { // create, recompute ×2, submit, approve, pay
		t.Fatalf("history: %v", g["history"])
	}
	var events []string
	env.Query(t, tn.ID, &events, `SELECT type FROM outbox_events WHERE payload->>'claim_id' = $1`, id)
	if len(events) != 1 || events[0] != "allowance_claim.paid" {
		t.Fatalf("outbox: %v", events)
	}
	var audits []string
	env.Query(t, tn.ID, &audits, `SELECT action FROM audit_log WHERE object_id = $1 ORDER BY seq`, id)
	if len(audits) != 7 || audits[5] != "allowance_claim.pay" || audits[6] != "allowance_claim.read" { // the GET above is audited

		t.Fatalf("audit: %v", audits)
	}
	list := mustDo(t, 200, "GET", "/api/v1/allowance-claims?status=paid&from=2025-01-01&to=2025-12-31&employee_id="+mother, tn.Key, nil)
	if items := list["items"].([]any); len(items) != 1 {
		t.Fatalf("list: %v", list)
	}
}
