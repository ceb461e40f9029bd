package app_test

import (
	"leaveguard/app/apptest"

	"strings"
	"testing"
)

func separate(t *testing.T, key, id string, body map[string]any) apptest.Response {
	t.Helper()
	return env.Do(t, "POST", "/api/v1/employees/"+id+"/separation", key, body)
}

func findingCodes(m map[string]any) map[string]bool {
	out := map[string]bool{}
	for _, f := range m["findings"].([]any) {
		out[f.(map[string]any)["code"].(string)] = true
	}
	return out
}

func TestSeparationGate(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	id, _ := protectedMother(t, env.A.Key)
	term := map[string]any{"last_day": "2026-12-31", "kind": "termination", "ground": "art40"}
	if r := separate(t, env.A.Key, id, term); r.Status != 422 || r.Code() != "dismissal_check_required" {
		t.Fatalf("no check: %d %s", r.Status, r.Body)
	}
	chk := env.Do(t, "POST", "/api/v1/dismissal-checks", env.A.Key, map[string]any{"employee_id": id,
		"action": "termination", "ground": "art40", "effective_date": "2026-12-31"})
	if chk.JSON(t)["verdict"] != "prohibited" {
		t.Fatalf("check: %s", chk.Body)
	}
	term["dismissal_check_id"] = chk.JSON(t)["id"]
	if r := separate(t, env.A.Key, id, term); r.Status != 422 || r.Code() != "prohibited_by_check" {
		t.Fatalf("prohibited check: %d %s", r.Status, r.Body)
	}
	other := map[string]any{"last_day": "2026-12-30", "kind": "termination", "ground": "art40", "dismissal_check_id": term["dismissal_check_id"]}
	if r := separate(t, env.A.Key, id, other); r.Status != 422 || r.Code() != "dismissal_check_required" {
		t.Fatalf("check of another date: %d %s", r.Status, r.Body)
	}
	reason := "董事会决议关闭本地分支机构，已与工会协商并书面告知员工本人"
	term["override_reason"] = reason
	if r := separate(t, newKey(t, env.A.ID, "hr"), id, term); r.Status != 403 || r.Code() != "override_forbidden" {
		t.Fatalf("hr override: %d %s", r.Status, r.Body)
	}
	term["override_reason"] = "太短的理由"
	if r := separate(t, env.A.Key, id, term); r.Status != 400 || !strings.Contains(string(r.Body), "override_reason") {
		t.Fatalf("short reason: %d %s", r.Status, r.Body)
	}
	term["override_reason"] = reason
	if r := separate(t, env.B.Key, id, term); r.Status != 404 {
		t.Fatalf("cross-tenant: %d %s", r.Status, r.Body)
	}
	r := separate(t, env.A.Key, id, term)
	m := r.JSON(t)
	if r.Status != 201 || m["overridden"] != true || !findingCodes(m)["override"] || !findingCodes(m)["protected_at_separation"] {
		t.Fatalf("admin override: %d %s", r.Status, r.Body)
	}
	if r := separate(t, env.A.Key, id, term); r.Status != 409 || r.Code() != "already_separated" {
		t.Fatalf("twice: %d %s", r.Status, r.Body)
	}
	var audited []string
	env.Query(t, env.A.ID, &audited, `SELECT detail::jsonb->>'override_reason' FROM audit_log WHERE action = 'employee.separate' AND object_id = $1`, id)
	if len(audited) != 1 || audited[0] != reason {
		t.Fatalf("audit: %v", audited)
	}
}

func TestSeparationReviewAndKinds(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	id, _ := protectedMother(t, env.A.Key)
	chk := env.Do(t, "POST", "/api/v1/dismissal-checks", env.A.Key, map[string]any{"employee_id": id,
		"action": "termination", "ground": "art39", "effective_date": "2026-12-15"})
	body := map[string]any{"last_day": "2026-12-15", "kind": "termination", "ground": "art39", "dismissal_check_id": chk.JSON(t)["id"]}
	if r := separate(t, env.A.Key, id, body); r.Status != 422 || r.Code() != "review_required" {
		t.Fatalf("review needed: %d %s", r.Status, r.Body)
	}
	body["reviewed_by"], body["review_note"] = "法务 张律师", "严重违纪事实清楚，证据已存档"
	if r := separate(t, env.A.Key, id, body); r.Status != 201 || !findingCodes(r.JSON(t))["reviewed"] {
		t.Fatalf("reviewed: %d %s", r.Status, r.Body)
	}
	other, _ := protectedMother(t, env.A.Key)
	if r := separate(t, env.A.Key, other, map[string]any{"last_day": "2026-12-31", "kind": "closure"}); r.Status != 422 || r.Code() != "review_required" {
		t.Fatalf("closure: %d %s", r.Status, r.Body)
	}
	r := separate(t, env.A.Key, other, map[string]any{"last_day": "2026-12-31", "kind": "resignation"})
	if r.Status != 201 || !findingCodes(r.JSON(t))["protected_at_separation"] {
		t.Fatalf("resignation: %d %s", r.Status, r.Body)
	}
	for name, b := range map[string]map[string]any{
		"badKind":      {"last_day": "2026-12-31", "kind": "fired"},
		"groundNeeded": {"last_day": "2026-12-31", "kind": "termination"},
		"groundExtra":  {"last_day": "2026-12-31", "kind": "resignation", "ground": "art40"},
		"noDay":        {"kind": "resignation"},
		"beforeHire":   {"last_day": "2019-12-31", "kind": "resignation"},
	} {
		if r := separate(t, env.A.Key, female(t, env.A.Key), b); r.Status != 400 || r.JSON(t)["error"].(map[string]any)["fields"] == nil {
			t.Errorf("%s: %d %s", name, r.Status, r.Body)
		}
	}
}

func TestSeparationClosesLeave(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	mother := female(t, env.A.Key)
	env.Do(t, "POST", "/api/v1/employees/"+mother+"/births", env.A.Key, map[string]any{"birth_date": "2025-06-01", "child_order": 1})
	st, m := submit(t, mother, "parental", "2027-03-01", 5)
	if st != 201 {
		t.Fatalf("parental: %d %v", st, m)
	}
	approved := m["id"].(string)
	env.Do(t, "POST", "/api/v1/leave-requests/"+approved+"/approve", env.A.Key, nil)
	_, m = submit(t, mother, "parental", "2027-04-01", 2)
	pending := m["id"].(string)
	r := separate(t, env.A.Key, mother, map[string]any{"last_day": "2026-12-31", "kind": "resignation"})
	if f := findingCodes(r.JSON(t)); r.Status != 201 || !f["approved_leave_cancelled"] || !f["leave_requests_closed"] || f["protected_at_separation"] {
		t.Fatalf("separate: %d %s", r.Status, r.Body)
	}
	for _, lr := range []string{approved, pending} {
		g := env.Do(t, "GET", "/api/v1/leave-requests/"+lr, env.A.Key, nil).JSON(t)
		if g["status"] != "cancelled" || g["note"] != "员工已离职" {
			t.Fatalf("request %s: %v", lr, g)
		}
	}
	var kinds []string
	env.Query(t, env.A.ID, &kinds, `SELECT kind || ':' || request_id FROM ledger_entries WHERE employee_id = $1 AND kind <> 'credit' ORDER BY seq`, mother)
	if strings.Join(kinds, ",") != "debit:"+approved+",reversal:"+approved {
		t.Fatalf("ledger: %v", kinds)
	}
	if st, m := submit(t, mother, "parental", "2027-01-04", 1); st != 422 || m["error"].(map[string]any)["code"] != "employee_separated" {
		t.Fatalf("new leave: %d %v", st, m)
	}
	ext := env.Do(t, "GET", "/api/v1/employees/"+mother, env.A.Key, nil).JSON(t)
	if ext["separated_on"] != "2026-12-31" {
		t.Fatalf("employee: %v", ext)
	}
	list := func(q string) int {
		return len(env.Do(t, "GET", "/api/v1/employees?external_id="+ext["external_id"].(string)+q, env.A.Key, nil).JSON(t)["items"].([]any))
	}
	if list("") != 1 || list("&status=former") != 0 {
		t.Fatal("before the last day she is still employed")
	}
	env.SetToday(t, "2027-01-05")
	if list("") != 0 || list("&status=former") != 1 || list("&status=all") != 1 {
		t.Fatal("after the last day she is a former employee")
	}
	if r := env.Do(t, "DELETE", "/api/v1/employees/"+mother+"/separation", env.B.Key, nil); r.Status != 404 {
		t.Fatalf("cross-tenant withdraw: %d", r.Status)
	}
	if r := env.Do(t, "DELETE", "/api/v1/employees/"+mother+"/separation", env.A.Key, nil); r.Status != 200 || r.JSON(t)["event"] != "withdrawn" {
		t.Fatalf("withdraw: %d %s", r.Status, r.Body)
	}
	if r := env.Do(t, "DELETE", "/api/v1/employees/"+mother+"/separation", env.A.Key, nil); r.Status != 409 {
		t.Fatalf("withdraw twice: %d %s", r.Status, r.Body)
	}
	if list("") != 1 {
		t.Fatal("rehired: employed again")
	}
	var events []string
	env.Query(t, env.A.ID, &events, `SELECT type FROM outbox_events WHERE payload->>'employee_id' = $1 AND type LIKE 'employee.%' ORDER BY created_at`, mother)
	if strings.Join(events, ",") != "employee.separated,employee.separation_withdrawn" {
		t.Fatalf("events: %v", events)
	}
	var hist []string
	env.Query(t, env.A.ID, &hist, `SELECT event FROM separations WHERE employee_id = $1 ORDER BY created_at`, mother)
	if strings.Join(hist, ",") != "recorded,withdrawn" {
		t.Fatalf("history: %v", hist)
	}
}
