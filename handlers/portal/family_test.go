package portal_test

import (
	"net/url"
	"strings"
	"testing"
)

// day is today in China shifted by n days, as YYYY-MM-DD.
func day(n int) string {
	return env.Today.AddDays(n).String()
}

// recordBirth records a birth through the portal form; returns its id.
func recordBirth(t testing.TB, b *browser, employeeID, date, order string) string {
	t.Helper()
	p := b.post("/employees/"+employeeID+"/births/new", "/employees/"+employeeID+"/births",
		url.Values{"birth_date": {date}, "child_order": {order}, "babies": {"1"}, "dystocia": {"false"}})
	if p.Status != 303 || !strings.HasPrefix(p.Location(), "/births/") {
		t.Fatalf("record birth: %d %s", p.Status, excerpt(p.Body))
	}
	return strings.TrimPrefix(strings.Split(p.Location(), "?")[0], "/births/")
}

func mustHave(t testing.TB, what string, p page, status int, wants ...string) {
	t.Helper()
	if p.Status != status {
		t.Fatalf("%s: status %d, want %d: %s", what, p.Status, status, excerpt(p.Body))
	}
	for _, w := range wants {
		if !strings.Contains(p.Body, w) {
			t.Errorf("%s lacks %q: %s", what, w, excerpt(p.Body))
		}
	}
}

// TestFamilyEvents: record a pregnancy and a birth through the forms, see
// the plan with its basis, the timeline, correct the birth (version 2).
func TestFamilyEvents(t *testing.T) {
	b := admin(t, 0)
	id := createEmployee(t, b, "FAM-1")
	emp := "/employees/" + id
	mustHave(t, "pregnancy form", b.get(emp+"/pregnancies/new"), 200, "登记怀孕", "报告怀孕日期", `name="_csrf"`)
	p := b.post(emp+"/pregnancies/new", emp+"/pregnancies", url.Values{"reported_on": {day(-200)}, "expected_due_date": {day(-10)}})
	if p.Status != 303 || p.Location() != emp+"?notice=pregnancies" {
		t.Fatalf("pregnancy: %d %s", p.Status, excerpt(p.Body))
	}
	bad := b.post(emp+"/births/new", emp+"/births", url.Values{"child_order": {"一"}, "babies": {"1"}})
	mustHave(t, "birth with a mistake", bad, 400, `data-testid="error-child_order"`, "请填写整数", `value="一"`)
	missing := b.post(emp+"/births/new", emp+"/births", url.Values{"child_order": {"1"}})
	mustHave(t, "birth without a date", missing, 400, `data-testid="error-birth_date"`)
	future := b.post(emp+"/births/new", emp+"/births", url.Values{"birth_date": {day(-10)}, "child_order": {"1"},
		"leave_start": {day(-40)}})
	mustHave(t, "leave start too early", future, 422, `data-testid="error-leave_start"`, "错误代码 422")
	birth := recordBirth(t, b, id, day(-10), "1")
	plan := b.get("/births/" + birth + "?notice=births")
	mustHave(t, "birth plan", plan, 200, "已登记分娩", "158 天", day(-10), "国家规定产假", "内蒙古延长产假",
		"女职工劳动保护特别规定", "哺乳期至", "三期保护至", "版本历史", "第 1 版", "申领生育津贴", "按计划申请产假")
	page := b.get(emp)
	mustHave(t, "employee page", page, 200, "家庭事件与时间线", `data-testid="timeline-svg"`, "孕期", "产期", "哺乳期",
		"今天", "假期额度与余额", "产假", "请假记录", "生育津贴", "查看计划")
	if strings.Contains(page.Body, " style=") || strings.Contains(page.Body, "<script>") {
		t.Error("inline style or script on the employee page (the CSP forbids them)")
	}
	edit := b.get("/births/" + birth + "/edit")
	mustHave(t, "correction form", edit, 200, "更正分娩信息", `value="`+day(-10)+`"`)
	p = b.post("/births/"+birth+"/edit", "/births/"+birth, url.Values{"birth_date": {day(-10)}, "child_order": {"3"},
		"babies": {"1"}, "dystocia": {"true"}})
	if p.Status != 303 {
		t.Fatalf("correct: %d %s", p.Status, excerpt(p.Body))
	}
	mustHave(t, "corrected plan", b.get(p.Location()), 200, "已更正", "203 天", "第 2 版", "难产增加")
	trail := b.get(emp)
	mustHave(t, "audit trail", trail, 200, "登记分娩", "更正分娩信息", "查看家庭事件")
	if m := b.get(emp + "/miscarriages/new"); m.Status != 200 {
		t.Fatalf("miscarriage form: %d", m.Status)
	}
	p = b.post(emp+"/marriages/new", emp+"/marriages", url.Values{"registered_on": {day(-3)}})
	if p.Status != 303 {
		t.Fatalf("marriage: %d %s", p.Status, excerpt(p.Body))
	}
	mustHave(t, "after marriage", b.get(p.Location()), 200, "婚假已记入假期余额", "婚假")
}

// TestFamilyMiscarriageAndMale: a miscarriage's plan; a male employee has
// no pregnancy form and his spouse's birth gives spousal nursing leave.
func TestFamilyMiscarriageAndMale(t *testing.T) {
	b := admin(t, 0)
	id := createEmployee(t, b, "FAM-2")
	p := b.post("/employees/"+id+"/miscarriages/new", "/employees/"+id+"/miscarriages",
		url.Values{"date": {day(-5)}, "gestation_weeks": {"10"}})
	if p.Status != 303 || !strings.HasPrefix(p.Location(), "/miscarriages/") {
		t.Fatalf("miscarriage: %d %s", p.Status, excerpt(p.Body))
	}
	mustHave(t, "miscarriage plan", b.get(p.Location()), 200, "流产假", "15 天", "申领生育津贴")
	f := employeeForm("FAM-3")
	f.Set("gender", "male")
	r := b.post("/employees/new", "/employees", f)
	male := strings.TrimPrefix(strings.Split(r.Location(), "?")[0], "/employees/")
	if g := b.get("/employees/" + male + "/pregnancies/new"); g.Status != 422 || !strings.Contains(g.Body, "仅适用于女职工") {
		t.Fatalf("pregnancy form for a man: %d %s", g.Status, excerpt(g.Body))
	}
	birth := recordBirth(t, b, male, day(-2), "1")
	mustHave(t, "father's plan", b.get("/births/"+birth), 200, "配偶护理假", "25 天")
	if strings.Contains(b.get("/births/"+birth).Body, `data-testid="create-claim"`) {
		t.Error("a father's birth offers an allowance claim")
	}
}
