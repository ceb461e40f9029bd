package app_test

import (
	"net/url"
	"testing"
)

// childOf returns the id of the (first) child recorded for employee emp.
func childOf(t *testing.T, key, emp string) string {
	t.Helper()
	ev := mustDo(t, 200, "GET", "/api/v1/employees/"+emp+"/events", key, nil)
	return ev["children"].([]any)[0].(map[string]any)["id"].(string)
}

// feedLines fetches every page of the feed of month with the given page size.
func feedLines(t *testing.T, key, month string, limit string) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	cursor := ""
	for pages := 0; ; pages++ {
		m := mustDo(t, 200, "GET", "/api/v1/payroll/feed?month="+month+"&limit="+limit+"&cursor="+url.QueryEscape(cursor), key, nil)
		for _, it := range m["items"].([]any) {
			l := it.(map[string]any)
			out[l["employee_id"].(string)] = l
		}
		next, _ := m["next_cursor"].(string)
		if next == "" {
			return out
		}
		if cursor = next; pages > 100 {
			t.Fatal("feed pages do not end")
		}
	}
}

func TestPayrollFeed(t *testing.T) {
	tn := freshTenant(t)
	mustDo(t, 200, "PUT", "/api/v1/settings", tn.Key, map[string]any{"avg_monthly_wage_fen": map[string]any{"2024": 720000}})
	mother := staff(t, tn.Key, "female", 900000, true)
	b := birth(t, tn.Key, mother, map[string]any{"birth_date": "2025-03-01", "child_order": 1})
	approvedLeave(t, tn.Key, mother, "maternity", "2025-03-01", 158)
	mustDo(t, 201, "POST", "/api/v1/allowance-claims", tn.Key, map[string]any{"birth_id": b})
	father := staff(t, tn.Key, "male", 700000, true)
	birth(t, tn.Key, father, map[string]any{"birth_date": "2025-03-01", "child_order": 1})
	other := staff(t, tn.Key, "female", 500000, true)

	lines := feedLines(t, tn.Key, "2025-03", "1")
	if len(lines) != 3 {
		t.Fatalf("want 3 lines over 3 pages, got %d", len(lines))
	}
	m := lines[mother]
	ld := m["leave_days"].([]any)
	// 948000 fen of top-up over 158 days is 6000 a day: March has 31.
	if len(ld) != 1 || ld[0].(map[string]any)["leave_type"] != "maternity" || num(ld[0].(map[string]any)["days"]) != 31 ||
		num(m["allowance_replaced_days"]) != 31 || fen(m["top_up_fen"]) != 186000 ||
		fen(m["infant_care_deduction_fen"]) != 0 || m["line_id"] == "" || m["external_id"] == "" {
		t.Fatalf("mother's line (no IIT share declared yet: none, never a silent 100%%): %v", m)
	}
	if fen(lines[father]["infant_care_deduction_fen"]) != 0 || fen(lines[other]["infant_care_deduction_fen"]) != 0 {
		t.Fatalf("father / other: %v / %v", lines[father], lines[other])
	}
	// 50/50 between the parents.
	for _, p := range []string{mother, father} {
		ch := mustDo(t, 200, "PATCH", "/api/v1/children/"+childOf(t, tn.Key, p), tn.Key, map[string]any{"iit_share_percent": 50})
		if num(ch["iit_share_percent"]) != 50 {
			t.Fatalf("patch child: %v", ch)
		}
	}
	if r := env.Do(t, "PATCH", "/api/v1/children/"+childOf(t, tn.Key, mother), tn.Key, map[string]any{"iit_share_percent": 30}); r.Status != 400 {
		t.Fatalf("share 30: %d %s", r.Status, r.Body)
	}
	lines = feedLines(t, tn.Key, "2025-04", "200")
	if fen(lines[mother]["infant_care_deduction_fen"]) != 100000 || fen(lines[father]["infant_care_deduction_fen"]) != 100000 ||
		fen(lines[mother]["top_up_fen"]) != 180000 || num(lines[mother]["allowance_replaced_days"]) != 30 {
		t.Fatalf("April: %v / %v", lines[mother], lines[father])
	}
	// The child died on 2025-05-10: the deduction stops after May.
	mustDo(t, 200, "PATCH", "/api/v1/children/"+childOf(t, tn.Key, father), tn.Key, map[string]any{"died_on": "2025-05-10"})
	if l := feedLines(t, tn.Key, "2025-05", "200")[father]; fen(l["infant_care_deduction_fen"]) != 100000 {
		t.Fatalf("May, the month of the death: %v", l)
	}
	if l := feedLines(t, tn.Key, "2025-06", "200")[father]; fen(l["infant_care_deduction_fen"]) != 0 {
		t.Fatalf("June, after the death: %v", l)
	}
	// The leave ends 2025-08-05: August replaces 5 days; September nothing.
	if l := feedLines(t, tn.Key, "2025-08", "200")[mother]; num(l["allowance_replaced_days"]) != 5 || fen(l["top_up_fen"]) != 30000 {
		t.Fatalf("August: %v", l)
	}

	// ETag: the same page again is 304; a change gives a new tag.
	path := "/api/v1/payroll/feed?month=2025-04"
	r := env.Do(t, "GET", path, tn.Key, nil)
	etag := r.Header["Etag"]
	if r.Status != 200 || etag == "" {
		t.Fatalf("etag: %d %v", r.Status, r.Header)
	}
	if r := env.Do(t, "GET", path, tn.Key, nil, "If-None-Match", etag); r.Status != 304 || len(r.Body) != 0 {
		t.Fatalf("if-none-match: %d %s", r.Status, r.Body)
	}
	mustDo(t, 200, "PATCH", "/api/v1/children/"+childOf(t, tn.Key, father), tn.Key, map[string]any{"iit_share_percent": 0})
	r = env.Do(t, "GET", path, tn.Key, nil, "If-None-Match", etag)
	if r.Status != 200 || r.Header["Etag"] == etag {
		t.Fatalf("after change: %d %v", r.Status, r.Header["Etag"])
	}
	if l := feedLines(t, tn.Key, "2025-04", "200")[father]; fen(l["infant_care_deduction_fen"]) != 0 || l["line_id"] != lines[father]["line_id"] {
		t.Fatalf("father at 0%%: %v", l)
	}

	payrollKey := newKey(t, tn.ID, "payroll")
	mustDo(t, 200, "GET", path, payrollKey, nil)
	if r := env.Do(t, "GET", path, newKey(t, tn.ID, "auditor"), nil); r.Status != 403 {
		t.Fatalf("auditor: %d", r.Status)
	}
	for _, q := range []string{"", "?month=2025-13", "?month=2025-04&limit=0", "?month=2025-04&cursor=zz"} {
		if r := env.Do(t, "GET", "/api/v1/payroll/feed"+q, tn.Key, nil); r.Status != 400 {
			t.Fatalf("%q: %d", q, r.Status)
		}
	}
}
