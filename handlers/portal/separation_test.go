package portal_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestSeparationPortal: the 办理离职 form on the employee page, its errors,
// the 已离职 badge, the list's 在职/已离职/全部 filter and the withdrawal.
func TestSeparationPortal(t *testing.T) {
	b := admin(t, 0)
	id := createEmployee(t, b, "SEP-1")
	page := "/employees/" + id
	if p := b.get(page); !strings.Contains(p.Body, `data-testid="separation-form"`) || !strings.Contains(p.Body, "override_reason") {
		t.Fatalf("no separation form for an admin: %s", excerpt(p.Body))
	}
	bad := b.post(page, page+"/separation", url.Values{"last_day": {"2021-06-30"}, "kind": {"termination"}})
	if bad.Status != 422 || !strings.Contains(bad.Body, "单位解除须注明依据") {
		t.Fatalf("termination without ground: %d %s", bad.Status, excerpt(bad.Body))
	}
	if p := admin(t, 1).post("/employees", page+"/separation", url.Values{"last_day": {"2021-06-30"}, "kind": {"resignation"}}); p.Status != 404 {
		t.Fatalf("other tenant: %d", p.Status)
	}
	ok := b.post(page, page+"/separation", url.Values{"last_day": {"2021-06-30"}, "kind": {"resignation"}})
	if ok.Status != 303 {
		t.Fatalf("separate: %d %s", ok.Status, excerpt(ok.Body))
	}
	if p := b.get(ok.Location()); !strings.Contains(p.Body, `data-testid="separated-badge"`) || !strings.Contains(p.Body, "2021-06-30") {
		t.Fatalf("badge: %s", excerpt(p.Body))
	}
	if p := b.get("/employees?q=SEP-1"); strings.Contains(p.Body, "SEP-1</td>") {
		t.Fatal("a former employee in the default (在职) list")
	}
	for _, st := range []string{"former", "all"} {
		if p := b.get("/employees?q=SEP-1&status=" + st); !strings.Contains(p.Body, "SEP-1</td>") || !strings.Contains(p.Body, "已离职") {
			t.Fatalf("status=%s: %s", st, excerpt(p.Body))
		}
	}
	back := b.post(page, page+"/separation/withdraw", nil)
	if back.Status != 303 {
		t.Fatalf("withdraw: %d %s", back.Status, excerpt(back.Body))
	}
	if p := b.get("/employees?q=SEP-1"); !strings.Contains(p.Body, "SEP-1</td>") {
		t.Fatalf("rehired, not listed: %s", excerpt(p.Body))
	}
}
