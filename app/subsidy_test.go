package app_test

import (
	"strings"
	"testing"
)

// subsidyRates are a tenant's confirmed rates for 2025 (2370 bp) and 2026 (2490 bp).
var subsidyRates = map[string]any{
	"2025": map[string]any{"pension_bp": 1600, "medical_bp": 700, "unemployment_bp": 50, "work_injury_bp": 20,
		"base_floor_fen": 400000, "base_ceiling_fen": 2000000},
	"2026": map[string]any{"pension_bp": 1600, "medical_bp": 800, "unemployment_bp": 50, "work_injury_bp": 40,
		"base_floor_fen": 420000, "base_ceiling_fen": 2100000},
}

// lineKey finds a subsidy line by employee and month.
func lineKey(lines []any) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, l := range lines {
		m := l.(map[string]any)
		out[m["employee_id"].(string)+" "+m["month"].(string)] = m
	}
	return out
}

func TestSubsidyApplication(t *testing.T) {
	env.SetToday(t, "2026-11-28") // the story's dates: a 2026 birth, claims filed in its months
	tn := freshTenant(t)
	// Marriage leave across New Year: 2025-12-20 + 18 days = Dec 12, Jan 6.
	wed := staff(t, tn.Key, "female", 800000, true)
	mustDo(t, 201, "POST", "/api/v1/employees/"+wed+"/marriages", tn.Key, map[string]any{"registered_on": "2025-11-01"})
	approvedLeave(t, tn.Key, wed, "marriage", "2025-12-20", 18)
	// Maternity leave of 158 days from 2025-11-15 on a wage above the ceiling.
	rich := staff(t, tn.Key, "female", 3000000, true)
	birth(t, tn.Key, rich, map[string]any{"birth_date": "2025-11-15", "child_order": 1})
	approvedLeave(t, tn.Key, rich, "maternity", "2025-11-15", 158)
	// Parental leave of 5 working days from Thu 2026-01-29 (Jan 2, Feb 3) on a wage below the floor.
	dad := staff(t, tn.Key, "male", 300000, true)
	birth(t, tn.Key, dad, map[string]any{"birth_date": "2025-06-01", "child_order": 1})
	approvedLeave(t, tn.Key, dad, "parental", "2026-01-29", 5)

	period := map[string]any{"period_from": "2025-12", "period_to": "2026-02"}
	if r := env.Do(t, "POST", "/api/v1/subsidy-applications", tn.Key, period); r.Status != 422 || r.Code() != "missing_rates" ||
		!strings.Contains(string(r.Body), "2025") {
		t.Fatalf("missing rates: %d %s", r.Status, r.Body)
	}
	mustDo(t, 200, "PUT", "/api/v1/settings", tn.Key, map[string]any{"contribution_rates": subsidyRates,
		"subsidy_program": map[string]any{"ratio_bp": 5000}})
	a := mustDo(t, 201, "POST", "/api/v1/subsidy-applications", tn.Key, period)
	lines := lineKey(a["lines"].([]any))
	for key, want := range map[string]int64{
		wed + " 2025-12": 36697, wed + " 2026-01": 19277, // 800000 × 2370bp × 12/31 × 50%; × 2490bp × 6/31 × 50%
		rich + " 2025-12": 237000, rich + " 2026-01": 261450, rich + " 2026-02": 261450, // ceilings 2000000 / 2100000
		dad + " 2026-01": 3374, dad + " 2026-02": 5603, // floor 420000 × 2490bp × 2/31, 3/28 × 50% (5602.5 rounds up)
	} {
		if lines[key] == nil || fen(lines[key]["claimable_fen"]) != want {
			t.Fatalf("line %s: want %d, got %v", key, want, lines[key])
		}
	}
	if len(lines) != 7 || fen(a["total_claimable_fen"]) != 824851 || a["status"] != "draft" {
		t.Fatalf("application: %d lines, total %v, %v", len(lines), a["total_claimable_fen"], a["status"])
	}
	if l := lines[wed+" 2025-12"]; num(l["leave_days"]) != 12 || num(l["days_in_month"]) != 31 || fen(l["base_fen"]) != 800000 ||
		fen(l["employer_contribution_fen"]) != 189600 || l["leave_type"] != "marriage" {
		t.Fatalf("pro-rated line: %v", l)
	}
	id := a["id"].(string)
	for _, p := range []map[string]any{period, {"period_from": "2026-02", "period_to": "2026-04"}} {
		if r := env.Do(t, "POST", "/api/v1/subsidy-applications", tn.Key, p); r.Status != 409 || r.Code() != "application_exists" {
			t.Fatalf("overlap %v: %d %s", p, r.Status, r.Body)
		}
	}
	for _, p := range []map[string]any{{"period_from": "2026-03", "period_to": "2026-02"},
		{"period_from": "2026-01", "period_to": "2027-01"}, {"period_from": "2026-1", "period_to": "2026-02"}} {
		if r := env.Do(t, "POST", "/api/v1/subsidy-applications", tn.Key, p); r.Status != 400 {
			t.Fatalf("bad period %v: %d %s", p, r.Status, r.Body)
		}
	}
	// Full ratio, then recompute the draft.
	mustDo(t, 200, "PUT", "/api/v1/settings", tn.Key, map[string]any{"subsidy_program": map[string]any{"ratio_bp": 10000}})
	a = mustDo(t, 200, "POST", "/api/v1/subsidy-applications/"+id+"/recompute", tn.Key, nil)
	if fen(a["total_claimable_fen"]) != 1649701 || len(a["lines"].([]any)) != 7 {
		t.Fatalf("recompute: %v", a["total_claimable_fen"])
	}
	if r := env.Do(t, "POST", "/api/v1/subsidy-applications/"+id+"/approve", tn.Key, nil); r.Status != 409 || r.Code() != "invalid_transition" {
		t.Fatalf("approve draft: %d %s", r.Status, r.Body)
	}
	mustDo(t, 200, "POST", "/api/v1/subsidy-applications/"+id+"/submit", tn.Key, map[string]any{"submitted_on": "2026-03-05"})
	mustDo(t, 200, "POST", "/api/v1/subsidy-applications/"+id+"/approve", tn.Key, map[string]any{"decided_on": "2026-04-01"})
	a = mustDo(t, 200, "POST", "/api/v1/subsidy-applications/"+id+"/pay", tn.Key, map[string]any{"paid_fen": 1649801, "paid_on": "2026-04-20"})
	if a["status"] != "paid" || fen(a["difference_fen"]) != 100 || a["reconciliation"].(map[string]any)["status"] != "overpaid" {
		t.Fatalf("pay: %v", a)
	}
	g := mustDo(t, 200, "GET", "/api/v1/subsidy-applications/"+id, tn.Key, nil)
	if len(g["lines"].([]any)) != 7 || len(g["history"].([]any)) != 5 || g["period_from"] != "2025-12" {
		t.Fatalf("get: %v", g["history"])
	}
	var events []string
	env.Query(t, tn.ID, &events, `SELECT type FROM outbox_events WHERE payload->>'application_id' = $1`, id)
	if len(events) != 1 || events[0] != "subsidy_application.paid" {
		t.Fatalf("outbox: %v", events)
	}
	// A rejected application frees its months.
	b := mustDo(t, 201, "POST", "/api/v1/subsidy-applications", tn.Key, map[string]any{"period_from": "2026-03", "period_to": "2026-04"})
	if fen(b["total_claimable_fen"]) == 0 {
		t.Fatalf("March-April: %v", b)
	}
	bid := b["id"].(string)
	mustDo(t, 200, "POST", "/api/v1/subsidy-applications/"+bid+"/submit", tn.Key, nil)
	mustDo(t, 200, "POST", "/api/v1/subsidy-applications/"+bid+"/reject", tn.Key, map[string]any{"reason": "材料不全"})
	mustDo(t, 201, "POST", "/api/v1/subsidy-applications", tn.Key, map[string]any{"period_from": "2026-03", "period_to": "2026-03"})
	list := mustDo(t, 200, "GET", "/api/v1/subsidy-applications?status=paid", tn.Key, nil)
	if items := list["items"].([]any); len(items) != 1 || items[0].(map[string]any)["id"] != id {
		t.Fatalf("list: %v", list)
	}
}
