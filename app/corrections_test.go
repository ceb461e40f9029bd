package app_test

import (
	"strings"
	"testing"
)

// TestBirthCorrectionPropagates: a birth recorded on 2026-03-10 and corrected
// to 2026-03-12 leaves one consistent story: the ledger withdraws the old
// credits and credits the new buckets (both visible), the approved
// parental leave moves to the new bucket, the draft claim is recomputed, a
// submitted claim of another birth whose amount changes is flagged with the
// difference, and birth.corrected carries the old and new dates.
func TestBirthCorrectionPropagates(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	tn := freshTenant(t)
	mustDo(t, 200, "PUT", "/api/v1/settings", tn.Key, map[string]any{"avg_monthly_wage_fen": map[string]any{"2025": 720000}})
	mother := staff(t, tn.Key, "female", 900000, true)
	b := birth(t, tn.Key, mother, map[string]any{"birth_date": "2026-03-10", "child_order": 1})
	lr := mustDo(t, 201, "POST", "/api/v1/leave-requests", tn.Key, map[string]any{"employee_id": mother, "leave_type": "parental", "start": "2026-11-02", "days": 2})
	mustDo(t, 200, "POST", "/api/v1/leave-requests/"+lr["id"].(string)+"/approve", tn.Key, nil)
	claim := mustDo(t, 201, "POST", "/api/v1/allowance-claims", tn.Key, map[string]any{"birth_id": b})

	out := mustDo(t, 200, "PUT", "/api/v1/births/"+b, tn.Key, map[string]any{"birth_date": "2026-03-12", "child_order": 1, "dystocia": true})
	corr, _ := out["correction"].(map[string]any)
	if corr == nil || len(corr["moved_requests"].([]any)) != 1 || len(corr["recomputed_claims"].([]any)) != 1 {
		t.Fatalf("correction: %v", out["correction"])
	}
	kinds := map[string][]string{}
	for _, e := range mustDo(t, 200, "GET", "/api/v1/employees/"+mother+"/ledger", tn.Key, nil)["items"].([]any) {
		m := e.(map[string]any)
		kinds[m["kind"].(string)] = append(kinds[m["kind"].(string)], m["bucket"].(string))
	}
	joined := func(k string) string { return strings.Join(kinds[k], " ") }
	if !strings.Contains(joined("withdrawal"), "maternity:2026-03-10") || !strings.Contains(joined("withdrawal"), "parental:birth:2026-03-10#1") ||
		!strings.Contains(joined("credit"), "maternity:2026-03-12") || !strings.Contains(joined("credit"), "parental:birth:2026-03-12#1") ||
		len(kinds["reversal"]) != 1 || len(kinds["debit"]) != 2 || !strings.Contains(kinds["debit"][1], "2026-03-12") {
		t.Fatalf("ledger: %v", kinds)
	}
	req := mustDo(t, 200, "GET", "/api/v1/leave-requests/"+lr["id"].(string), tn.Key, nil)
	if req["status"] != "approved" {
		t.Fatalf("moved request: %v", req)
	}
	c := mustDo(t, 200, "GET", "/api/v1/allowance-claims/"+claim["id"].(string), tn.Key, nil)
	if num(c["paid_days"]) != 173 || fen(c["amount_fen"]) == fen(claim["amount_fen"]) {
		t.Fatalf("draft claim not recomputed for dystocia: %v", c)
	}
	var ev []string
	env.Query(t, tn.ID, &ev, `SELECT payload->>'old_birth_date' || ' ' || (payload->>'new_birth_date') FROM outbox_events WHERE type = 'birth.corrected'`)
	if len(ev) != 1 || ev[0] != "2026-03-10 2026-03-12" {
		t.Fatalf("birth.corrected events: %v", ev)
	}

	// A submitted claim is flagged with the difference, not rewritten.
	mustDo(t, 200, "POST", "/api/v1/allowance-claims/"+claim["id"].(string)+"/submit", tn.Key, map[string]any{"submitted_on": "2026-11-20"})
	before := fen(mustDo(t, 200, "GET", "/api/v1/allowance-claims/"+claim["id"].(string), tn.Key, nil)["amount_fen"])
	out = mustDo(t, 200, "PUT", "/api/v1/births/"+b, tn.Key, map[string]any{"birth_date": "2026-03-12", "child_order": 1})
	amend := out["correction"].(map[string]any)["claims_needing_amendment"].([]any)
	if len(amend) != 1 || fen(amend[0].(map[string]any)["difference_fen"]) >= 0 {
		t.Fatalf("amendment: %v", out["correction"])
	}
	if after := fen(mustDo(t, 200, "GET", "/api/v1/allowance-claims/"+claim["id"].(string), tn.Key, nil)["amount_fen"]); after != before {
		t.Fatalf("a submitted claim was rewritten: %d -> %d", before, after)
	}
}

// TestInfantDeathFlagsLaterLeave: parental leave approved for a child who
// then dies before it starts is flagged for HR (not cancelled silently),
// and child.death_recorded says so.
func TestInfantDeathFlagsLaterLeave(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	tn := freshTenant(t)
	mother := staff(t, tn.Key, "female", 700000, true)
	birth(t, tn.Key, mother, map[string]any{"birth_date": "2026-01-15", "child_order": 1})
	lr := mustDo(t, 201, "POST", "/api/v1/leave-requests", tn.Key, map[string]any{"employee_id": mother, "leave_type": "parental", "start": "2026-12-14", "days": 2})
	mustDo(t, 200, "POST", "/api/v1/leave-requests/"+lr["id"].(string)+"/approve", tn.Key, nil)
	mustDo(t, 200, "PATCH", "/api/v1/children/"+childOf(t, tn.Key, mother), tn.Key, map[string]any{"died_on": "2026-11-01"})
	req := mustDo(t, 200, "GET", "/api/v1/leave-requests/"+lr["id"].(string), tn.Key, nil)
	if req["status"] != "approved" || req["review_note"] == nil || req["review_note"] == "" {
		t.Fatalf("leave after the death: %v", req)
	}
	var ev []string
	env.Query(t, tn.ID, &ev, `SELECT payload->>'flagged_requests' FROM outbox_events WHERE type = 'child.death_recorded'`)
	if len(ev) != 1 || ev[0] != "1" {
		t.Fatalf("child.death_recorded events: %v", ev)
	}
}
