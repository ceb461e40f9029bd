package app_test

import (
	"strings"
	"testing"
)

// TestStillbirthAndInfantDeath: a stillbirth gives maternity leave and
// protection to its last day but no child, benefit or parental leave; a
// child's death after the maternity leave turns a termination before what
// would have been the 1st birthday into requires_review (rules.md §2).
func TestStillbirthAndInfantDeath(t *testing.T) {
	env.SetToday(t, "2026-11-28") // the story: births in January 2026, a death in April
	tn := freshTenant(t)
	k := tn.Key
	still := staff(t, k, "female", 600000, true)
	m := mustDo(t, 201, "POST", "/api/v1/employees/"+still+"/births", k,
		map[string]any{"birth_date": "2026-01-15", "child_order": 1, "stillborn": 1})
	plan := m["leave_plan"].(map[string]any)
	if plan["protected_until"] != "2026-06-21" || plan["nursing_period_end"] != nil || num(m["stillborn"]) != 1 ||
		len(m["benefits"].([]any)) != 0 {
		t.Fatalf("stillbirth: %v", m)
	}
	if ev := mustDo(t, 200, "GET", "/api/v1/employees/"+still+"/events", k, nil); len(ev["children"].([]any)) != 0 {
		t.Fatalf("a baby born dead is listed as a child: %v", ev["children"])
	}
	if r := env.Do(t, "POST", "/api/v1/employees/"+still+"/births", k,
		map[string]any{"birth_date": "2026-02-15", "child_order": 2, "stillborn": 2}); r.Status != 400 {
		t.Fatalf("stillborn > babies: %d %s", r.Status, r.Body)
	}
	twins := staff(t, k, "female", 600000, true)
	m = mustDo(t, 201, "POST", "/api/v1/employees/"+twins+"/births", k,
		map[string]any{"birth_date": "2026-01-15", "child_order": 2, "babies": 2, "stillborn": 1})
	if n := len(m["benefits"].([]any)); n != 3 { // one live child: XAM allowance, national subsidy, newborn insurance
		t.Fatalf("benefits of one live twin: %v", m["benefits"])
	}
	// Corrections keep the children in step: both twins alive; the first record's baby alive, then not.
	mustDo(t, 200, "PUT", "/api/v1/births/"+m["id"].(string), k,
		map[string]any{"birth_date": "2026-01-15", "child_order": 2, "babies": 2, "stillborn": 0})
	stillID := mustDo(t, 200, "GET", "/api/v1/employees/"+still+"/events", k, nil)["births"].([]any)[0].(map[string]any)["id"].(string)
	mustDo(t, 200, "PUT", "/api/v1/births/"+stillID, k, map[string]any{"birth_date": "2026-01-15", "child_order": 1, "stillborn": 0})
	for emp, want := range map[string]int{twins: 2, still: 1} {
		if ev := mustDo(t, 200, "GET", "/api/v1/employees/"+emp+"/events", k, nil); len(ev["children"].([]any)) != want {
			t.Fatalf("children after the correction: %v, want %d", ev["children"], want)
		}
	}
	mustDo(t, 200, "PUT", "/api/v1/births/"+stillID, k, map[string]any{"birth_date": "2026-01-15", "child_order": 1, "stillborn": 1})
	if ev := mustDo(t, 200, "GET", "/api/v1/employees/"+still+"/events", k, nil); len(ev["children"].([]any)) != 0 {
		t.Fatalf("children after correcting back to a stillbirth: %v", ev["children"])
	}

	mother := staff(t, k, "female", 600000, true)
	birth(t, k, mother, map[string]any{"birth_date": "2026-01-15", "child_order": 1})
	check := func(on string) map[string]any {
		return mustDo(t, 200, "POST", "/api/v1/dismissal-checks", k,
			map[string]any{"employee_id": mother, "action": "termination", "ground": "art40", "effective_date": on})
	}
	if v := check("2026-08-01"); v["verdict"] != "prohibited" {
		t.Fatalf("nursing, child alive: %v", v)
	}
	mustDo(t, 200, "PATCH", "/api/v1/children/"+childOf(t, k, mother), k, map[string]any{"died_on": "2026-04-15"})
	for on, want := range map[string]string{"2026-06-21": "prohibited", "2026-08-01": "requires_review", "2027-01-15": "requires_review", "2027-01-16": "allowed"} {
		if v := check(on); v["verdict"] != want {
			t.Errorf("after the child's death, %s: %v, want %s", on, v["verdict"], want)
		}
	}
	if r := env.Do(t, "PATCH", "/api/v1/children/"+childOf(t, k, mother), k, map[string]any{"died_on": "2025-01-01"}); r.Status != 400 {
		t.Fatalf("died before birth: %d %s", r.Status, r.Body)
	}
}

// TestRequestsAgainstRecordedBirths: a leave overlapping the maternity leave
// of a recorded birth that was never requested is refused (422 overlaps);
// pre-natal leave over 15 days is refused with how to split it.
func TestRequestsAgainstRecordedBirths(t *testing.T) {
	tn := freshTenant(t)
	k := tn.Key
	mother := staff(t, k, "female", 600000, true)
	birth(t, k, mother, map[string]any{"birth_date": "2026-01-15", "child_order": 1}) // leave to 2026-06-21
	r := env.Do(t, "POST", "/api/v1/leave-requests", k,
		map[string]any{"employee_id": mother, "leave_type": "parental", "start": "2026-06-15", "days": 3})
	if r.Status != 422 || r.Code() != "overlaps" || !strings.Contains(string(r.Body), "2026-06-21") {
		t.Fatalf("parental leave inside the maternity leave: %d %s", r.Status, r.Body)
	}
	mustDo(t, 201, "POST", "/api/v1/leave-requests", k,
		map[string]any{"employee_id": mother, "leave_type": "parental", "start": "2026-06-22", "days": 3})

	other := staff(t, k, "female", 600000, true)
	r = env.Do(t, "POST", "/api/v1/employees/"+other+"/births", k,
		map[string]any{"birth_date": "2026-01-15", "child_order": 1, "leave_start": "2025-12-26"})
	if r.Status != 422 || r.Code() != "leave_start_too_early" ||
		!strings.Contains(string(r.Body), "2025-12-31") || !strings.Contains(string(r.Body), "共5天") {
		t.Fatalf("20 days before the birth: %d %s", r.Status, r.Body)
	}
}

// TestPregnancyProtectedFromItsStart: protection runs from the due date −
// 280 days (estimated), or from an earlier medically confirmed start, not
// from the day the pregnancy was reported.
func TestPregnancyProtectedFromItsStart(t *testing.T) {
	tn := freshTenant(t)
	k := tn.Key
	protection := func(emp, on string) map[string]any {
		return mustDo(t, 200, "GET", "/api/v1/employees/"+emp+"/protection?as_of="+on, k, nil)
	}
	est := staff(t, k, "female", 600000, true)
	mustDo(t, 201, "POST", "/api/v1/employees/"+est+"/pregnancies", k,
		map[string]any{"reported_on": "2026-09-01", "expected_due_date": "2027-05-10"})
	if p := protection(est, "2026-08-03"); p["protected"] != true || p["from"] != "2026-08-03" || p["from_estimated"] != true {
		t.Fatalf("estimated start: %v", p)
	}
	if p := protection(est, "2026-08-02"); p["protected"] != false {
		t.Fatalf("day before the estimated start: %v", p)
	}
	v := mustDo(t, 200, "POST", "/api/v1/dismissal-checks", k,
		map[string]any{"employee_id": est, "action": "termination", "ground": "art40", "effective_date": "2026-07-25"})
	if v["verdict"] != "requires_review" || !hasReason(v, "pregnancy_start_uncertain") {
		t.Fatalf("within 14 days before the estimated start: %v", v)
	}
	conf := staff(t, k, "female", 600000, true)
	mustDo(t, 201, "POST", "/api/v1/employees/"+conf+"/pregnancies", k,
		map[string]any{"reported_on": "2026-09-01", "expected_due_date": "2027-05-10", "confirmed_start": "2026-07-20"})
	if p := protection(conf, "2026-07-20"); p["protected"] != true || p["from_estimated"] != false {
		t.Fatalf("confirmed start: %v", p)
	}
	if r := env.Do(t, "POST", "/api/v1/employees/"+conf+"/pregnancies", k,
		map[string]any{"reported_on": "2026-09-01", "confirmed_start": "2026-09-02"}); r.Status != 400 {
		t.Fatalf("confirmed start after the report: %d %s", r.Status, r.Body)
	}
}
