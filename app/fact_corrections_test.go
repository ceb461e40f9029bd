package app_test

import (
	"strings"
	"testing"
)

// ledgerKinds lists the buckets of an employee's ledger entries by kind.
func ledgerKinds(t *testing.T, key, emp string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, e := range mustDo(t, 200, "GET", "/api/v1/employees/"+emp+"/ledger", key, nil)["items"].([]any) {
		m := e.(map[string]any)
		out[m["kind"].(string)] = strings.TrimSpace(out[m["kind"].(string)] + " " + m["bucket"].(string))
	}
	return out
}

// outboxPayload returns one field of every outbox event of type typ.
func outboxPayload(t *testing.T, tenant, typ, field string) []string {
	t.Helper()
	var out []string
	env.Query(t, tenant, &out, `SELECT coalesce(payload->>$1, '') FROM outbox_events WHERE type = $2 ORDER BY created_at`, field, typ)
	return out
}

// TestMiscarriageCorrectionPropagates: a miscarriage at 20 weeks on
// 2026-10-01 (42 days) corrected to 10 weeks on 2026-10-02 (15 days)
// withdraws the old credit and credits the new bucket, flags the approved
// 30-day leave the corrected facts no longer allow, recomputes the draft
// claim, keeps both versions and emits miscarriage.corrected; corrected
// back once the claim is submitted, the claim is flagged, not rewritten.
func TestMiscarriageCorrectionPropagates(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	tn := freshTenant(t)
	mustDo(t, 200, "PUT", "/api/v1/settings", tn.Key, map[string]any{"avg_monthly_wage_fen": map[string]any{"2025": 720000}})
	emp := staff(t, tn.Key, "female", 900000, true)
	m := mustDo(t, 201, "POST", "/api/v1/employees/"+emp+"/miscarriages", tn.Key, map[string]any{"date": "2026-10-01", "gestation_weeks": 20})
	id := m["id"].(string)
	lr := approvedLeave(t, tn.Key, emp, "miscarriage", "2026-10-01", 30)
	claim := mustDo(t, 201, "POST", "/api/v1/allowance-claims", tn.Key, map[string]any{"miscarriage_id": id})
	if num(claim["paid_days"]) != 42 {
		t.Fatalf("claim before: %v", claim)
	}

	bad := env.Do(t, "PUT", "/api/v1/miscarriages/"+id, tn.Key, map[string]any{"date": "2026-10-02", "gestation_weeks": 50})
	if bad.Status != 400 || !strings.Contains(string(bad.Body), "孕周须为 1 到 45") {
		t.Fatalf("invalid gestation: %d %s", bad.Status, bad.Body)
	}
	out := mustDo(t, 200, "PUT", "/api/v1/miscarriages/"+id, tn.Key, map[string]any{"date": "2026-10-02", "gestation_weeks": 10})
	corr := out["correction"].(map[string]any)
	if num(out["version"]) != 2 || len(corr["flagged_requests"].([]any)) != 1 || len(corr["recomputed_claims"].([]any)) != 1 {
		t.Fatalf("correction: %v", out)
	}
	k := ledgerKinds(t, tn.Key, emp)
	if k["withdrawal"] != "miscarriage:2026-10-01" || !strings.Contains(k["credit"], "miscarriage:2026-10-02") {
		t.Fatalf("ledger: %v", k)
	}
	req := mustDo(t, 200, "GET", "/api/v1/leave-requests/"+lr, tn.Key, nil)
	if req["status"] != "approved" || !strings.Contains(req["review_note"].(string), "更正后的事实不再支持") {
		t.Fatalf("flagged request: %v", req)
	}
	if c := mustDo(t, 200, "GET", "/api/v1/allowance-claims/"+claim["id"].(string), tn.Key, nil); num(c["paid_days"]) != 15 {
		t.Fatalf("draft claim not recomputed: %v", c)
	}
	if ev := outboxPayload(t, tn.ID, "miscarriage.corrected", "old_date"); len(ev) != 1 || ev[0] != "2026-10-01" {
		t.Fatalf("miscarriage.corrected old_date: %v", ev)
	}
	if ev := outboxPayload(t, tn.ID, "miscarriage.corrected", "new_gestation_weeks"); len(ev) != 1 || ev[0] != "10" {
		t.Fatalf("miscarriage.corrected new_gestation_weeks: %v", ev)
	}
	got := mustDo(t, 200, "GET", "/api/v1/miscarriages/"+id, tn.Key, nil)
	if h := got["history"].([]any); num(got["version"]) != 2 || len(h) != 2 ||
		num(h[0].(map[string]any)["facts"].(map[string]any)["gestation_weeks"]) != 20 {
		t.Fatalf("versions kept: %v", got)
	}

	// A submitted claim is flagged with the difference, not rewritten.
	mustDo(t, 200, "POST", "/api/v1/allowance-claims/"+claim["id"].(string)+"/submit", tn.Key, map[string]any{"submitted_on": "2026-11-20"})
	out = mustDo(t, 200, "PUT", "/api/v1/miscarriages/"+id, tn.Key, map[string]any{"date": "2026-10-01", "gestation_weeks": 20})
	amend := out["correction"].(map[string]any)["claims_needing_amendment"].([]any)
	if len(amend) != 1 || fen(amend[0].(map[string]any)["difference_fen"]) <= 0 {
		t.Fatalf("amendment: %v", out["correction"])
	}
	if c := mustDo(t, 200, "GET", "/api/v1/allowance-claims/"+claim["id"].(string), tn.Key, nil); num(c["paid_days"]) != 15 {
		t.Fatalf("a submitted claim was rewritten: %v", c)
	}
}

// TestMarriageCorrectionPropagates: a marriage registered on 2026-05-20
// corrected to 2026-05-18 withdraws the old marriage-leave credit, credits
// the new bucket, moves the approved marriage leave there (reversal and
// debit) and emits marriage.corrected.
func TestMarriageCorrectionPropagates(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	tn := freshTenant(t)
	emp := staff(t, tn.Key, "male", 900000, true)
	m := mustDo(t, 201, "POST", "/api/v1/employees/"+emp+"/marriages", tn.Key, map[string]any{"registered_on": "2026-05-20"})
	id := m["id"].(string)
	approvedLeave(t, tn.Key, emp, "marriage", "2026-06-01", 3)

	if r := env.Do(t, "PUT", "/api/v1/marriages/"+id, tn.Key, map[string]any{}); r.Status != 400 || !strings.Contains(string(r.Body), "registered_on") {
		t.Fatalf("missing date: %d %s", r.Status, r.Body)
	}
	out := mustDo(t, 200, "PUT", "/api/v1/marriages/"+id, tn.Key, map[string]any{"registered_on": "2026-05-18"})
	corr := out["correction"].(map[string]any)
	if out["registered_on"] != "2026-05-18" || num(out["version"]) != 2 || len(corr["moved_requests"].([]any)) != 1 {
		t.Fatalf("correction: %v", out)
	}
	k := ledgerKinds(t, tn.Key, emp)
	if k["withdrawal"] != "marriage:2026-05-20" || !strings.Contains(k["credit"], "marriage:2026-05-18") ||
		k["reversal"] != "marriage:2026-05-20" || k["debit"] != "marriage:2026-05-20 marriage:2026-05-18" {
		t.Fatalf("ledger: %v", k)
	}
	if ev := outboxPayload(t, tn.ID, "marriage.corrected", "new_registered_on"); len(ev) != 1 || ev[0] != "2026-05-18" {
		t.Fatalf("marriage.corrected: %v", ev)
	}
	if ev := outboxPayload(t, tn.ID, "marriage.corrected", "moved_requests"); len(ev) != 1 || ev[0] != "1" {
		t.Fatalf("marriage.corrected moved_requests: %v", ev)
	}
}

// TestPregnancyCorrectionMovesProtection: correcting the expected due date
// posts nothing to the ledger, moves the protected period (computed from
// the facts) and emits pregnancy.corrected with the old and new dates.
func TestPregnancyCorrectionMovesProtection(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	tn := freshTenant(t)
	emp := staff(t, tn.Key, "female", 900000, true)
	p := mustDo(t, 201, "POST", "/api/v1/employees/"+emp+"/pregnancies", tn.Key,
		map[string]any{"reported_on": "2026-04-01", "expected_due_date": "2026-12-01"})
	id := p["id"].(string)
	before := mustDo(t, 200, "GET", "/api/v1/employees/"+emp+"/protection?as_of=2026-06-01", tn.Key, nil)

	r := env.Do(t, "PUT", "/api/v1/pregnancies/"+id, tn.Key, map[string]any{"reported_on": "2026-04-01", "expected_due_date": "2026-03-01"})
	if r.Status != 400 || !strings.Contains(string(r.Body), "预产期不能早于报告怀孕日期") {
		t.Fatalf("due before report: %d %s", r.Status, r.Body)
	}
	out := mustDo(t, 200, "PUT", "/api/v1/pregnancies/"+id, tn.Key, map[string]any{"reported_on": "2026-04-01", "expected_due_date": "2026-11-20"})
	if out["expected_due_date"] != "2026-11-20" || num(out["version"]) != 2 {
		t.Fatalf("correction: %v", out)
	}
	after := mustDo(t, 200, "GET", "/api/v1/employees/"+emp+"/protection?as_of=2026-06-01", tn.Key, nil)
	if before["from"] != "2026-02-24" || after["from"] != "2026-02-13" {
		t.Fatalf("protection from: before %v, after %v", before["from"], after["from"])
	}
	if k := ledgerKinds(t, tn.Key, emp); len(k) != 0 {
		t.Fatalf("a pregnancy correction posted to the ledger: %v", k)
	}
	old := outboxPayload(t, tn.ID, "pregnancy.corrected", "old_expected_due_date")
	cur := outboxPayload(t, tn.ID, "pregnancy.corrected", "new_expected_due_date")
	if len(old) != 1 || old[0] != "2026-12-01" || cur[0] != "2026-11-20" {
		t.Fatalf("pregnancy.corrected: %v %v", old, cur)
	}
}
