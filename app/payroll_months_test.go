package app_test

import (
	"net/url"
	"testing"
)

// feedLine returns the kind "line" item of emp in a feed page (nil if none)
// and her adjustments.
func feedItemsOf(m map[string]any, emp string) (map[string]any, []map[string]any) {
	var line map[string]any
	var adjs []map[string]any
	for _, it := range m["items"].([]any) {
		l := it.(map[string]any)
		if l["employee_id"] != emp {
			continue
		}
		if l["kind"] == "adjustment" {
			adjs = append(adjs, l)
		} else {
			line = l
		}
	}
	return line, adjs
}

// TestPayrollMonthClose: a published line has revision 1; closing March
// freezes it (a second close is 409, a future month 422); a birth
// correction that changes March's infant-care deduction leaves March as it
// was and puts the difference in an adjustment line of April (adjustment_of
// = March's line id) with payroll.feed.changed; a change to an open month's
// published line is its revision 2; ?changed_since lists only what changed.
func TestPayrollMonthClose(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	tn := freshTenant(t)
	mustDo(t, 200, "PUT", "/api/v1/settings", tn.Key, map[string]any{"avg_monthly_wage_fen": map[string]any{"2025": 720000}})
	mother := staff(t, tn.Key, "female", 900000, true)
	b := birth(t, tn.Key, mother, map[string]any{"birth_date": "2026-03-01", "child_order": 1})
	approvedLeave(t, tn.Key, mother, "maternity", "2026-03-01", 158)
	mustDo(t, 201, "POST", "/api/v1/allowance-claims", tn.Key, map[string]any{"birth_id": b})

	march, _ := feedItemsOf(mustDo(t, 200, "GET", "/api/v1/payroll/feed?month=2026-03", tn.Key, nil), mother)
	if march == nil || num(march["revision"]) != 1 || march["kind"] != "line" || march["month_closed"] != false || march["updated_at"] == "" {
		t.Fatalf("March before the close: %v", march)
	}
	closed := mustDo(t, 200, "POST", "/api/v1/payroll/months/2026-03/close", tn.Key, nil)
	if closed["month"] != "2026-03" || num(closed["lines"]) != 1 {
		t.Fatalf("close: %v", closed)
	}
	mustDo(t, 409, "POST", "/api/v1/payroll/months/2026-03/close", tn.Key, nil)
	mustDo(t, 422, "POST", "/api/v1/payroll/months/2027-01/close", tn.Key, nil)
	mustDo(t, 400, "POST", "/api/v1/payroll/months/2026-13/close", tn.Key, nil)
	start := mustDo(t, 200, "GET", "/api/v1/payroll/feed?changed_since=0", tn.Key, nil)["next_cursor"].(string)

	// A late correction: she declares the infant-care deduction (100%),
	// which March already carried nothing of.
	child := childOf(t, tn.Key, mother)
	mustDo(t, 200, "PATCH", "/api/v1/children/"+child, tn.Key, map[string]any{"iit_share_percent": 100})
	after, _ := feedItemsOf(mustDo(t, 200, "GET", "/api/v1/payroll/feed?month=2026-03", tn.Key, nil), mother)
	if after["month_closed"] != true || fen(after["infant_care_deduction_fen"]) != 0 || num(after["revision"]) != 1 {
		t.Fatalf("a closed month changed: %v -> %v", march, after)
	}
	april, adjs := feedItemsOf(mustDo(t, 200, "GET", "/api/v1/payroll/feed?month=2026-04", tn.Key, nil), mother)
	if len(adjs) != 1 || april == nil || num(april["revision"]) != 1 {
		t.Fatalf("April: line %v, adjustments %v", april, adjs)
	}
	a := adjs[0]
	full := fen(april["infant_care_deduction_fen"])
	if a["adjustment_of"] != march["line_id"] || a["adjusts_month"] != "2026-03" || a["month"] != "2026-04" ||
		num(a["revision"]) != 2 || full == 0 || fen(a["infant_care_deduction_fen"]) != full ||
		fen(a["top_up_fen"]) != 0 || num(a["allowance_replaced_days"]) != 0 || a["line_id"] == march["line_id"] {
		t.Fatalf("adjustment: %v", a)
	}
	var ev []string
	env.Query(t, tn.ID, &ev, `SELECT concat_ws(' ', payload->>'month', payload->>'revision', payload->>'adjustment_month', external_id <> '', sequence IS NOT NULL)
		FROM outbox_events WHERE type = 'payroll.feed.changed'`)
	if len(ev) != 1 || ev[0] != "2026-03 2 2026-04 t t" {
		t.Fatalf("payroll.feed.changed: %v", ev)
	}
	// Reading again changes nothing more.
	if _, again := feedItemsOf(mustDo(t, 200, "GET", "/api/v1/payroll/feed?month=2026-04", tn.Key, nil), mother); len(again) != 1 {
		t.Fatalf("adjustments after a second read: %v", again)
	}

	// She changes it to 50%: April's published line is revision 2, and
	// March gets a second adjustment (half back), revision 3.
	mustDo(t, 200, "PATCH", "/api/v1/children/"+child, tn.Key, map[string]any{"iit_share_percent": 50})
	april2, adjs := feedItemsOf(mustDo(t, 200, "GET", "/api/v1/payroll/feed?month=2026-04", tn.Key, nil), mother)
	if num(april2["revision"]) != 2 || fen(april2["infant_care_deduction_fen"]) != full/2 || april2["updated_at"] == april["updated_at"] {
		t.Fatalf("April after the share changed: %v (was %v)", april2, april)
	}
	if len(adjs) != 2 || num(adjs[1]["revision"]) != 3 || fen(adjs[1]["infant_care_deduction_fen"]) != -full/2 {
		t.Fatalf("second adjustment: %v", adjs)
	}

	// changed_since: the two adjustments and April's line (changed twice,
	// listed once), nothing of March's frozen line.
	ch := mustDo(t, 200, "GET", "/api/v1/payroll/feed?changed_since="+url.QueryEscape(start), tn.Key, nil)
	kinds := map[string]int{}
	for _, it := range ch["items"].([]any) {
		l := it.(map[string]any)
		kinds[l["kind"].(string)+" "+l["month"].(string)]++
	}
	if len(kinds) != 2 || kinds["adjustment 2026-04"] != 2 || kinds["line 2026-04"] != 1 {
		t.Fatalf("changes since the close: %v", kinds)
	}
	if n := mustDo(t, 200, "GET", "/api/v1/payroll/feed?changed_since="+url.QueryEscape(ch["next_cursor"].(string)), tn.Key, nil); len(n["items"].([]any)) != 0 {
		t.Fatalf("nothing changed since: %v", n)
	}
	mustDo(t, 400, "GET", "/api/v1/payroll/feed?changed_since=zz", tn.Key, nil)
}
