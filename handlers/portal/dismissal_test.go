package portal_test

import (
	"net/url"
	"strings"
	"testing"
)

// pregnantEmployee adds an employee through the portal of b and records her
// pregnancy (reported a month ago, due in five months) through the API.
func pregnantEmployee(t testing.TB, b *browser, key, ext string) string {
	t.Helper()
	id := createEmployee(t, b, ext)
	r := env.Do(t, "POST", "/api/v1/employees/"+id+"/pregnancies", key, map[string]any{
		"reported_on": day(-30), "expected_due_date": day(150)})
	if r.Status != 201 {
		t.Fatalf("record pregnancy: %d %s", r.Status, r.Body)
	}
	return id
}

func TestDismissalCheck(t *testing.T) {
	b := admin(t, 0)
	id := pregnantEmployee(t, b, env.A.Key, "DIS-1")
	show := b.get("/employees/" + id)
	if !strings.Contains(show.Body, "三期保护") || !strings.Contains(show.Body, "孕期") || !strings.Contains(show.Body, "发起合规检查") {
		t.Fatalf("employee page lacks the protection section: %s", excerpt(show.Body))
	}
	form := b.get("/dismissal-checks?employee=" + id)
	if !strings.Contains(form.Body, "DIS-1") {
		t.Fatalf("check form not preselected: %s", excerpt(form.Body))
	}
	today := day(0)
	p := b.post("/dismissal-checks", "/dismissal-checks", url.Values{"employee_id": {id}, "action": {"termination"},
		"ground": {"art40"}, "effective_date": {today}})
	if p.Status != 303 || !strings.HasPrefix(p.Location(), "/dismissal-checks/") {
		t.Fatalf("check: %d %s", p.Status, excerpt(p.Body))
	}
	verdict := b.get(p.Location())
	for _, want := range []string{"禁止", "单方解除劳动合同", "第四十条", "孕期", "理由与依据", "DIS-1",
		"保护期自", "按预产期前 280 天估算"} {
		if !strings.Contains(verdict.Body, want) {
			t.Errorf("verdict page lacks %q: %s", want, excerpt(verdict.Body))
		}
	}
	// Termination by operation of law (Art. 44): needs review inside the period, with Art. 46 severance.
	p = b.post("/dismissal-checks", "/dismissal-checks", url.Values{"employee_id": {id}, "action": {"termination"},
		"ground": {"art44_closure"}, "effective_date": {today}})
	if p.Status != 303 {
		t.Fatalf("Art. 44 check: %d %s", p.Status, excerpt(p.Body))
	}
	mustHave(t, "Art. 44 verdict", b.get(p.Location()), 200, "第四十四条", "第四十六条")
	list := b.get("/dismissal-checks")
	if !strings.Contains(list.Body, "DIS-1") || !strings.Contains(list.Body, "禁止") {
		t.Errorf("check not listed: %s", excerpt(list.Body))
	}
	if f := b.get("/dismissal-checks?ext=DIS-1"); !strings.Contains(f.Body, "禁止") {
		t.Errorf("filter by 员工编号: %s", excerpt(f.Body))
	}
	if f := b.get("/dismissal-checks?ext=NOBODY"); !strings.Contains(f.Body, "没有符合条件的检查记录") {
		t.Errorf("filter by unknown 员工编号: %s", excerpt(f.Body))
	}
	if trail := b.get("/employees/" + id); !strings.Contains(trail.Body, "结论：禁止") {
		t.Errorf("audit trail lacks the check: %s", excerpt(trail.Body))
	}
	bad := b.post("/dismissal-checks", "/dismissal-checks", url.Values{"external_id": {"NO-SUCH"}, "action": {"demotion"},
		"effective_date": {today}})
	if bad.Status != 400 || !strings.Contains(bad.Body, "本单位没有该员工编号的员工") || !strings.Contains(bad.Body, `value="NO-SUCH"`) {
		t.Errorf("unknown employee: %d %s", bad.Status, excerpt(bad.Body))
	}
	noDate := b.post("/dismissal-checks", "/dismissal-checks", url.Values{"external_id": {"DIS-1"}, "action": {"demotion"}})
	if noDate.Status != 400 || !strings.Contains(noDate.Body, `data-testid="error-effective_date"`) {
		t.Errorf("missing date: %d %s", noDate.Status, excerpt(noDate.Body))
	}
}
