package app_test

import (
	"strings"
	"testing"
)

// TestCorrectionRequests: HR records an employee's correction request and
// later its outcome (a rejection needs its reason; an outcome is set once);
// both are audited and listed in her access copy. Another tenant's key
// gets 404 for her requests, payroll 403.
func TestCorrectionRequests(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	tn, other := freshTenant(t), freshTenant(t)
	emp, _ := hire(t, tn.Key, "COR-1", "更正申请测试", "female", "")
	base := "/api/v1/employees/" + emp + "/correction-requests"
	in := map[string]any{"subject": "入职日期应为 2020-03-02", "received_on": "2026-11-20", "channel": "written"}
	if r := env.Do(t, "POST", base, tn.Key, map[string]any{"subject": "x", "received_on": "2026-12-01", "channel": "fax"}); r.Status != 400 ||
		!strings.Contains(string(r.Body), "received_on") || !strings.Contains(string(r.Body), "channel") {
		t.Fatalf("bad request: %d %s", r.Status, r.Body)
	}
	cr := mustDo(t, 201, "POST", base, tn.Key, in)
	if cr["status"] != "open" || cr["received_on"] != "2026-11-20" || cr["decided_on"] != nil {
		t.Fatalf("request: %v", cr)
	}
	id := cr["id"].(string)
	outcome := "/api/v1/correction-requests/" + id + "/outcome"
	if r := env.Do(t, "POST", outcome, tn.Key, map[string]any{"outcome": "rejected"}); r.Status != 400 || !strings.Contains(string(r.Body), "note") {
		t.Fatalf("rejection without reason: %d %s", r.Status, r.Body)
	}
	for _, k := range []string{other.Key} {
		mustDo(t, 404, "POST", outcome, k, map[string]any{"outcome": "corrected"})
		mustDo(t, 404, "POST", base, k, in)
		mustDo(t, 404, "GET", base, k, nil)
	}
	payroll := newKey(t, tn.ID, "payroll")
	mustDo(t, 403, "GET", base, payroll, nil)
	d := mustDo(t, 200, "POST", outcome, tn.Key, map[string]any{"outcome": "rejected", "note": "劳动合同载明入职日期为 2020-03-01"})
	if d["status"] != "rejected" || d["decided_on"] != "2026-11-28" || !strings.HasPrefix(d["decided_by"].(string), "api_key:") {
		t.Fatalf("outcome: %v", d)
	}
	if r := env.Do(t, "POST", outcome, tn.Key, map[string]any{"outcome": "corrected"}); r.Status != 409 || r.Code() != "already_decided" {
		t.Fatalf("second outcome: %d %s", r.Status, r.Body)
	}
	list := mustDo(t, 200, "GET", base, tn.Key, nil)["items"].([]any)
	if len(list) != 1 {
		t.Fatalf("list: %v", list)
	}
	ac := mustDo(t, 200, "GET", "/api/v1/employees/"+emp+"/access-copy", tn.Key, nil)
	crs := ac["correction_requests"].([]any)
	if len(crs) != 1 || crs[0].(map[string]any)["outcome_note"] != "劳动合同载明入职日期为 2020-03-01" {
		t.Fatalf("access copy corrections: %v", ac["correction_requests"])
	}
	var actions []string
	env.Query(t, tn.ID, &actions, `SELECT action FROM audit_log WHERE object_id = $1 AND action LIKE 'correction_request.%' ORDER BY seq`, emp)
	if strings.Join(actions, ",") != "correction_request.create,correction_request.decide" {
		t.Fatalf("audit: %v", actions)
	}
	if r := env.Do(t, "GET", "/api/v1/employees/"+emp+"/access-copy?format=pdf", tn.Key, nil); r.Status != 200 {
		t.Fatalf("pdf: %d %s", r.Status, r.Body)
	}
}

// TestSensitiveNotices: a pregnancy recorded with the notice given stores
// an "informed" record; a birth without one is still recorded, with a
// "not_recorded" notice, until HR records the notice later; a notice
// without its date is refused. The records are in her access copy; another
// tenant's key, or a fact of another employee, gets 404.
func TestSensitiveNotices(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	tn, other := freshTenant(t), freshTenant(t)
	emp, _ := hire(t, tn.Key, "NOT-1", "告知测试", "female", "")
	colleague, _ := hire(t, tn.Key, "NOT-2", "告知测试同事", "female", "")
	ev := "/api/v1/employees/" + emp
	if r := env.Do(t, "POST", ev+"/pregnancies", tn.Key, map[string]any{"reported_on": "2026-03-01",
		"notice": map[string]any{"informed": true, "method": "written"}}); r.Status != 400 || !strings.Contains(string(r.Body), "notice.informed_on") {
		t.Fatalf("notice without date: %d %s", r.Status, r.Body)
	}
	post(t, 201, ev+"/pregnancies", tn.Key, map[string]any{"reported_on": "2026-03-01",
		"notice": map[string]any{"informed": true, "informed_on": "2026-03-01", "method": "written"}})
	b := birth(t, tn.Key, emp, map[string]any{"birth_date": "2026-10-01", "child_order": 1})
	notices := mustDo(t, 200, "GET", ev+"/sensitive-notices", tn.Key, nil)["items"].([]any)
	if len(notices) != 2 || notices[0].(map[string]any)["status"] != "informed" || notices[1].(map[string]any)["status"] != "not_recorded" ||
		notices[1].(map[string]any)["fact_id"] != b {
		t.Fatalf("notices: %v", notices)
	}
	later := map[string]any{"fact_type": "birth", "fact_id": b, "informed": true, "informed_on": "2026-11-27", "method": "electronic"}
	mustDo(t, 404, "POST", ev+"/sensitive-notices", other.Key, later)
	mustDo(t, 404, "GET", ev+"/sensitive-notices", other.Key, nil)
	mustDo(t, 404, "POST", "/api/v1/employees/"+colleague+"/sensitive-notices", tn.Key, later)
	n := mustDo(t, 201, "POST", ev+"/sensitive-notices", tn.Key, later)
	if n["status"] != "informed" || n["informed_on"] != "2026-11-27" {
		t.Fatalf("later notice: %v", n)
	}
	ac := mustDo(t, 200, "GET", ev+"/access-copy", tn.Key, nil)
	if got := ac["sensitive_notices"].([]any); len(got) != 3 {
		t.Fatalf("access copy notices: %v", got)
	}
}
