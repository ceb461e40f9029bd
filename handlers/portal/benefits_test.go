package portal_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestBirthBenefitsChecklist: a birth of twins (2nd and 3rd child) of whom
// one was born dead, recorded through the form: the timeline says so gently,
// the employee page lists the live child's government benefits with their
// due date, and reminds HR that her IIT share is not declared yet. The
// birth is in 2030, so the checklist holds for years to come.
func TestBirthBenefitsChecklist(t *testing.T) {
	env.SetToday(t, "2026-11-28") // the story: a birth announced for 2030, a death after today refused
	b := admin(t, 0)
	id := createEmployee(t, b, "BEN-1")
	emp := "/employees/" + id
	mustHave(t, "birth form", b.get(emp+"/births/new"), 200, "其中未能存活出生的婴儿数")
	p := b.post(emp+"/births/new", emp+"/births", url.Values{"birth_date": {"2030-03-10"}, "child_order": {"2"},
		"babies": {"2"}, "stillborn": {"1"}, "dystocia": {"false"}})
	if p.Status != 303 {
		t.Fatalf("record birth: %d %s", p.Status, excerpt(p.Body))
	}
	page := b.get(emp)
	mustHave(t, "employee page", page, 200, "其中 1 个婴儿未能存活出生", `data-testid="benefit-checklist"`,
		"兴安盟育儿津贴（一次性）", "2,000.00 元", "国家育儿补贴（每年）", "3,600.00 元",
		"新生儿参加城乡居民医保", "请于 2030-06-08 前办理", `data-testid="iit-reminder"`, "第 2 孩（2030-03-10 出生）")
	if strings.Contains(page.Body, "5,000.00") {
		t.Error("the baby born dead (3rd child) must not be listed for the 5,000 yuan allowance")
	}
	// HR records the declared share: the reminder goes; then, sadly, the child's death.
	child := between(page.Body, `action="/children/`, `"`)
	if child == "" {
		t.Fatalf("no child form on the employee page: %s", excerpt(page.Body))
	}
	p = b.post(emp, "/children/"+child, url.Values{"iit_share_percent": {"50"}})
	if p.Status != 303 {
		t.Fatalf("declare share: %d %s", p.Status, excerpt(p.Body))
	}
	if after := b.get(emp); strings.Contains(after.Body, `data-testid="iit-reminder"`) || !strings.Contains(after.Body, `value="50" selected`) {
		t.Errorf("after the declaration: %s", excerpt(after.Body))
	}
	p = b.post(emp, "/children/"+child, url.Values{"died_on": {"2030-06-01"}})
	if p.Status < 400 || p.Status > 422 { // after today: refused
		t.Fatalf("death in the future: %d %s", p.Status, excerpt(p.Body))
	}
	bad := b.post(emp+"/births/new", emp+"/births", url.Values{"birth_date": {"2030-05-10"}, "child_order": {"4"},
		"babies": {"1"}, "stillborn": {"2"}})
	mustHave(t, "more stillborn than babies", bad, 400, `data-testid="error-stillborn"`)
}

// between is the text of s after the first start and before the next end.
func between(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return ""
	}
	s = s[i+len(start):]
	if j := strings.Index(s, end); j >= 0 {
		return s[:j]
	}
	return ""
}
