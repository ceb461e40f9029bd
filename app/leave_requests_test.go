package app_test

import (
	"testing"
)

func submit(t *testing.T, emp, typ, start string, days int) (int, map[string]any) {
	t.Helper()
	r := env.Do(t, "POST", "/api/v1/leave-requests", env.A.Key,
		map[string]any{"employee_id": emp, "leave_type": typ, "start": start, "days": days})
	return r.Status, r.JSON(t)
}

func TestLeaveRequestLifecycle(t *testing.T) {
	env.SetToday(t, "2026-11-28") // the story: October's leave is over, next March's is to come
	mother := female(t, env.A.Key)
	if r := env.Do(t, "POST", "/api/v1/employees/"+mother+"/births", env.A.Key, map[string]any{"birth_date": "2025-06-01", "child_order": 1}); r.Status != 201 {
		t.Fatalf("birth: %s", r.Body)
	}
	// Parental leave, working days: 3 days from 2026-10-08 end on the make-up Saturday 2026-10-10.
	st, m := submit(t, mother, "parental", "2026-10-08", 3)
	if st != 201 || m["end"] != "2026-10-10" || m["status"] != "submitted" || m["unit"] != "working_days" {
		t.Fatalf("parental: %d %v", st, m)
	}
	first := m["id"].(string)
	if st, m := submit(t, mother, "parental", "2026-10-09", 1); st != 422 || m["error"].(map[string]any)["code"] != "overlaps" {
		t.Fatalf("overlap: %d %v", st, m)
	}
	if st, m := submit(t, mother, "parental", "2026-11-02", 8); st != 422 || m["error"].(map[string]any)["code"] != "exceeds_entitlement" {
		t.Fatalf("exceeds: %d %v", st, m)
	}
	if st, m := submit(t, mother, "marriage", "2026-11-02", 3); st != 422 || m["error"].(map[string]any)["code"] != "not_eligible" {
		t.Fatalf("not eligible: %d %v", st, m)
	}
	if st, _ := submit(t, mother, "holiday", "2026-11-02", 3); st != 400 {
		t.Fatalf("unknown type: %d", st)
	}
	if r := env.Do(t, "POST", "/api/v1/leave-requests/"+first+"/approve", env.A.Key, nil); r.Status != 200 || r.JSON(t)["status"] != "approved" {
		t.Fatalf("approve: %d %s", r.Status, r.Body)
	}
	if r := env.Do(t, "POST", "/api/v1/leave-requests/"+first+"/approve", env.A.Key, nil); r.Status != 409 || r.Code() != "invalid_transition" {
		t.Fatalf("approve twice: %d %s", r.Status, r.Body)
	}
	// It ended before today: it cannot be cancelled.
	if r := env.Do(t, "POST", "/api/v1/leave-requests/"+first+"/cancel", env.A.Key, nil); r.Status != 409 {
		t.Fatalf("cancel ended leave: %d %s", r.Status, r.Body)
	}
	st, m = submit(t, mother, "parental", "2027-03-01", 5)
	if st != 201 {
		t.Fatalf("2027 parental: %d %v", st, m)
	}
	future := m["id"].(string)
	env.Do(t, "POST", "/api/v1/leave-requests/"+future+"/approve", env.A.Key, nil)
	if r := env.Do(t, "POST", "/api/v1/leave-requests/"+future+"/cancel", env.A.Key, nil); r.Status != 200 || r.JSON(t)["status"] != "cancelled" {
		t.Fatalf("cancel future leave: %d %s", r.Status, r.Body)
	}
	r := env.Do(t, "GET", "/api/v1/employees/"+mother+"/ledger", env.A.Key, nil)
	kinds := map[string]int{}
	for _, e := range r.JSON(t)["items"].([]any) {
		kinds[e.(map[string]any)["kind"].(string)]++
	}
	if kinds["debit"] != 2 || kinds["reversal"] != 1 || kinds["credit"] < 2 {
		t.Fatalf("ledger kinds %v: %s", kinds, r.Body)
	}
	r = env.Do(t, "GET", "/api/v1/employees/"+mother+"/entitlements?as_of=2026-12-01", env.A.Key, nil)
	taken := -1
	for _, it := range r.JSON(t)["items"].([]any) {
		m := it.(map[string]any)
		if m["leave_type"] == "parental" && m["period"].(map[string]any)["from"] == "2026-01-01" {
			taken = num(m["taken"])
		}
	}
	if taken != 3 {
		t.Fatalf("parental 2026 taken %d: %s", taken, r.Body)
	}
	var events []string
	env.Query(t, env.A.ID, &events, `SELECT type FROM outbox_events WHERE payload->>'employee_id' = $1 ORDER BY created_at`, mother)
	if len(events) != 3 || events[0] != "leave.approved" || events[1] != "leave.approved" || events[2] != "leave.cancelled" {
		t.Fatalf("outbox events: %v", events)
	}
}

// TestBalanceByLeaveDates: an approval typed in on 2026-11-28 for leave
// taken in October counts as taken by the end of October (the dates of the
// leave, not of the approval); a later approved leave is booked, a submitted
// one pending, and remaining is entitled - taken - booked.
func TestBalanceByLeaveDates(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	mother := female(t, env.A.Key)
	if r := env.Do(t, "POST", "/api/v1/employees/"+mother+"/births", env.A.Key, map[string]any{"birth_date": "2025-06-01", "child_order": 1}); r.Status != 201 {
		t.Fatalf("birth: %s", r.Body)
	}
	approve := func(start string, days int) {
		t.Helper()
		st, m := submit(t, mother, "parental", start, days)
		if st != 201 {
			t.Fatalf("submit %s: %d %v", start, st, m)
		}
		if r := env.Do(t, "POST", "/api/v1/leave-requests/"+m["id"].(string)+"/approve", env.A.Key, nil); r.Status != 200 {
			t.Fatalf("approve %s: %d %s", start, r.Status, r.Body)
		}
	}
	approve("2026-10-12", 2) // back-dated: approved on 11-28
	approve("2026-12-14", 3)
	if st, m := submit(t, mother, "parental", "2026-12-21", 1); st != 201 {
		t.Fatalf("pending: %d %v", st, m)
	}
	for _, tc := range []struct {
		asOf                              string
		taken, booked, pending, remaining int
	}{{"2026-10-01", 0, 5, 1, 5}, {"2026-10-12", 1, 4, 1, 5}, {"2026-10-31", 2, 3, 1, 5}, {"2026-12-15", 4, 1, 1, 5}, {"2026-12-31", 5, 0, 1, 5}} {
		r := env.Do(t, "GET", "/api/v1/employees/"+mother+"/entitlements?as_of="+tc.asOf, env.A.Key, nil)
		found := false
		for _, it := range r.JSON(t)["items"].([]any) {
			m := it.(map[string]any)
			if m["leave_type"] != "parental" || m["period"].(map[string]any)["from"] != "2026-01-01" {
				continue
			}
			found = true
			if num(m["taken"]) != tc.taken || num(m["booked"]) != tc.booked || num(m["pending"]) != tc.pending || num(m["remaining"]) != tc.remaining {
				t.Errorf("as of %s: %v, want taken %d booked %d pending %d remaining %d", tc.asOf, m, tc.taken, tc.booked, tc.pending, tc.remaining)
			}
		}
		if !found {
			t.Fatalf("as of %s: no 2026 parental item: %s", tc.asOf, r.Body)
		}
	}
}

func TestSettings(t *testing.T) {
	r := env.Do(t, "GET", "/api/v1/settings", env.B.Key, nil)
	if r.Status != 200 || len(r.JSON(t)["items"].([]any)) < 5 {
		t.Fatalf("settings: %d %s", r.Status, r.Body)
	}
	if r := env.Do(t, "PUT", "/api/v1/settings", env.B.Key, map[string]any{"nope": 1}); r.Status != 400 {
		t.Fatalf("unknown key: %d", r.Status)
	}
	if r := env.Do(t, "PUT", "/api/v1/settings", env.B.Key, map[string]any{"parental_unit": "weeks"}); r.Status != 400 {
		t.Fatalf("bad value: %d %s", r.Status, r.Body)
	}
	r = env.Do(t, "PUT", "/api/v1/settings", env.B.Key, map[string]any{"parental_unit": "calendar_days"})
	if r.Status != 200 {
		t.Fatalf("put: %d %s", r.Status, r.Body)
	}
	for _, it := range r.JSON(t)["items"].([]any) {
		m := it.(map[string]any)
		if m["key"] == "parental_unit" && (m["value"] != "calendar_days" || m["overridden"] != true || m["source"] != "单位设置") {
			t.Fatalf("parental_unit not overridden: %v", m)
		}
	}
	env.Do(t, "PUT", "/api/v1/settings", env.B.Key, map[string]any{"parental_unit": nil})
}
