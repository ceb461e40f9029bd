package portal_test

import (
	"bytes"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Regression tests of the bugs seen in a working day (issue 18).

// Bug 1: the 三期 tile opens the employee list filtered to protected
// employees, with a 三期 column; auditors see it, payroll does not.
func TestEmployeeListPhase(t *testing.T) {
	b := admin(t, 0)
	pregnant := pregnantEmployee(t, b, env.A.Key, "PH-PREG")
	other := createEmployee(t, b, "PH-NONE")
	dash := b.get("/")
	mustHave(t, "dashboard", dash, 200, `href="/employees?phase=protected"`)
	list := b.get("/employees?phase=protected")
	mustHave(t, "protected list", list, 200, "<th>三期</th>", pregnant, `data-testid="employee-phase-cell"><span class="badge badge-warn">孕期`,
		`<option value="protected" selected>`)
	if strings.Contains(list.Body, other) {
		t.Error("an employee outside 三期 is listed under phase=protected")
	}
	if p := b.get("/employees?phase=pregnancy&q=PH-"); !strings.Contains(p.Body, pregnant) || strings.Contains(p.Body, other) {
		t.Errorf("phase=pregnancy: %s", excerpt(p.Body))
	}
	if p := b.get("/employees?phase=nursing&q=PH-"); strings.Contains(p.Body, pregnant) || !strings.Contains(p.Body, "没有符合条件的员工") {
		t.Errorf("phase=nursing lists a pregnant employee: %s", excerpt(p.Body))
	}
	all := b.get("/employees?q=PH-")
	mustHave(t, "whole list", all, 200, pregnant, other, "<th>三期</th>")
	addUser(t, env.A.ID, "phase-payroll@example.com", "payroll", adminPassword)
	pay := newBrowser(t)
	pay.login("phase-payroll@example.com", adminPassword)
	if p := pay.get("/employees?phase=protected"); p.Status != 200 || strings.Contains(p.Body, "<th>三期</th>") ||
		strings.Contains(p.Body, "employee-phase") || !strings.Contains(p.Body, other) {
		t.Errorf("payroll sees 三期 or a filtered list: %d %s", p.Status, excerpt(p.Body))
	}
}

var cardLinks = regexp.MustCompile(`<a class="card[^"]*" href="([^"]*)" data-testid="card">\s*<span class="card-label">([^<]+)</span>`)

// Bug 2: the tile 14 天内结束的假期 links to the leave ending in the next 14
// days, not to the list of 14 天内开始的假期; the list filters by end day.
func TestLeaveEndingTile(t *testing.T) {
	b := admin(t, 0)
	ending := createEmployee(t, b, "END-1")
	recordBirth(t, b, ending, day(-150), "1")
	endingLeave := approvedMaternity(t, b, ending, day(-150))
	long := createEmployee(t, b, "END-2")
	recordBirth(t, b, long, day(-3), "1")
	longLeave := approvedMaternity(t, b, long, day(-3))

	links := map[string]string{}
	for _, m := range cardLinks.FindAllStringSubmatch(b.get("/").Body, -1) {
		links[m[2]] = strings.ReplaceAll(m[1], "&amp;", "&")
	}
	start, end := links["14 天内开始的假期"], links["14 天内结束的假期"]
	if start == "" || end == "" || start == end || !strings.Contains(end, "dates=end") || !strings.Contains(start, "dates=start") {
		t.Fatalf("tile links: starting %q, ending %q", start, end)
	}
	p := b.get(end)
	if !strings.Contains(p.Body, endingLeave) || strings.Contains(p.Body, longLeave) {
		t.Errorf("the ending list should hold the leave ending within 14 days only: %s", excerpt(p.Body))
	}
	mustHave(t, "ending list", p, 200, `<option value="end" selected>期间内结束</option>`)
	overlap := b.get(withoutParam(end, "dates"))
	if !strings.Contains(overlap.Body, endingLeave) || !strings.Contains(overlap.Body, longLeave) {
		t.Errorf("the overlap window should hold both leaves: %s", excerpt(overlap.Body))
	}
}

// approvedMaternity submits and approves a 158-day maternity leave from
// start; it returns the request's id.
func approvedMaternity(t *testing.T, b *browser, employee, start string) string {
	t.Helper()
	p := b.post("/leave-requests/new?employee="+employee, "/leave-requests", url.Values{"employee_id": {employee},
		"leave_type": {"maternity"}, "start": {start}, "days": {"158"}, "op": {"submit"}})
	if p.Status != 303 {
		t.Fatalf("submit leave: %d %s", p.Status, excerpt(p.Body))
	}
	detail := strings.Split(p.Location(), "?")[0]
	if a := b.post(detail, detail+"/approve", nil); a.Status != 303 {
		t.Fatalf("approve leave: %d %s", a.Status, excerpt(a.Body))
	}
	return strings.TrimPrefix(detail, "/leave-requests/")
}

func withoutParam(link, name string) string {
	u, _ := url.Parse(link)
	q := u.Query()
	q.Del(name)
	u.RawQuery = q.Encode()
	return u.String()
}

// Bug 3: an employee whose contract ends in her protected period sees the
// warning and the 顺延通知书 on her page; /contract-extensions is in the menu.
func TestEmployeeContractExtensionWarning(t *testing.T) {
	b := admin(t, 0)
	form := employeeForm("EXT-WARN")
	form.Set("contract_end", day(60))
	p := b.post("/employees/new", "/employees", form)
	if p.Status != 303 {
		t.Fatalf("create: %d %s", p.Status, excerpt(p.Body))
	}
	id := strings.TrimPrefix(strings.Split(p.Location(), "?")[0], "/employees/")
	if r := env.Do(t, "POST", "/api/v1/employees/"+id+"/pregnancies", env.A.Key, map[string]any{
		"reported_on": day(-30), "expected_due_date": day(150)}); r.Status != 201 {
		t.Fatalf("pregnancy: %d %s", r.Status, r.Body)
	}
	page := b.get("/employees/" + id)
	mustHave(t, "employee page", page, 200, `data-testid="extension-warning"`, "劳动合同须顺延", day(60),
		`href="/employees/`+id+`/contract-extension-notice.pdf"`, `data-testid="nav-extensions"`, `href="/contract-extensions"`)
	pdf := b.get("/employees/" + id + "/contract-extension-notice.pdf")
	if pdf.Status != 200 || !strings.HasPrefix(pdf.Body, "%PDF") {
		t.Fatalf("notice PDF: %d", pdf.Status)
	}
	if other := b.get("/employees/" + createEmployee(t, b, "EXT-NONE")); strings.Contains(other.Body, "extension-warning") {
		t.Error("an employee with no protected period is warned")
	}
	mustHave(t, "extensions page", b.get("/contract-extensions"), 200, `aria-current="page"`, "EXT-WARN")
}

// Bug 4: a request over the balance says so once, at 天数.
func TestLeaveOverBalanceOnce(t *testing.T) {
	b := admin(t, 0)
	id := createEmployee(t, b, "OVER-1")
	recordBirth(t, b, id, day(-3), "1")
	for _, op := range []string{"submit", "preview"} {
		p := b.post("/leave-requests/new?employee="+id, "/leave-requests", url.Values{"employee_id": {id},
			"leave_type": {"maternity"}, "start": {day(-3)}, "days": {"400"}, "op": {op}})
		if p.Status != 422 {
			t.Fatalf("%s: %d %s", op, p.Status, excerpt(p.Body))
		}
		msg := regexp.MustCompile(`data-testid="error-days">([^<]+)<`).FindStringSubmatch(p.Body)
		if msg == nil {
			t.Fatalf("%s: no message at 天数: %s", op, excerpt(p.Body))
		}
		if n := strings.Count(p.Body, msg[1]); n != 1 {
			t.Errorf("%s: %q shown %d times, want once", op, msg[1], n)
		}
	}
}

// Bug 5: in the exported 三期 sheet, 阶段起始日 of 产期 is the first day of
// the maternity leave and of 哺乳期 the day after it, never the day the
// pregnancy was reported.
func TestExportPhaseStartDays(t *testing.T) {
	b := admin(t, 0)
	id := createEmployee(t, b, "XLS-PH")
	if r := env.Do(t, "POST", "/api/v1/employees/"+id+"/pregnancies", env.A.Key, map[string]any{
		"reported_on": day(-400), "expected_due_date": day(-198)}); r.Status != 201 {
		t.Fatalf("pregnancy: %d %s", r.Status, r.Body)
	}
	birth := day(-200) // the leave is over, she is in 哺乳期

	recordBirth(t, b, id, birth, "1")
	p := b.get("/exports/labor-bureau?" + url.Values{"from": {day(-300)}, "to": {day(0)}, "format": {"xlsx"}}.Encode())
	if p.Status != 200 {
		t.Fatalf("export: %d %s", p.Status, excerpt(p.Body))
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(p.Body)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("三期女职工")
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	starts := map[string]string{}
	for _, r := range rows {
		if len(col) == 0 && slices.Contains(r, "阶段") && slices.Contains(r, "阶段起始日") {
			for i, name := range r {
				col[name] = i
			}
			continue
		}
		if len(col) > 0 && len(r) > col["阶段起始日"] && r[col["工号"]] == "XLS-PH" {
			starts[r[col["阶段"]]] = r[col["阶段起始日"]]
		}
	}
	if starts["产期"] != birth {
		t.Errorf("产期 starts %q, want the birth day %s (rows %v)", starts["产期"], birth, starts)
	}
	if starts["哺乳期"] != day(-200+158) { // the day after 158 days of leave from the birth

		t.Errorf("哺乳期 starts %q (rows %v)", starts["哺乳期"], starts)
	}
}

// Bug 6: one's own views of an employee page fold into one row of its
// 查看与变更记录, and the record pages.
func TestEmployeeTrailFoldsAndPages(t *testing.T) {
	b := admin(t, 0)
	id := createEmployee(t, b, "TRAIL-1")
	for range 8 {
		b.get("/employees/" + id)
	}
	trail := between(b.get("/employees/"+id).Body, `data-testid="employee-trail"`, "</section>")
	if n := strings.Count(trail, "<tr>"); n != 3 { // header, the folded views, the creation
		t.Errorf("trail: %d rows, want the views folded into one after the creation: %s", n-1, excerpt(trail))
	}
	mustContain(t, "folded row", trail, "连续查看", "新增员工")
	// Two people alternating cannot fold: the record pages, 20 rows a page.
	addUser(t, env.A.ID, "trail-hr@example.com", "hr", adminPassword)
	hr := newBrowser(t)
	hr.login("trail-hr@example.com", adminPassword)
	for range 12 {
		hr.get("/employees/" + id)
		b.get("/employees/" + id)
	}
	first := b.get("/employees/" + id)
	next := regexp.MustCompile(`href="(/employees/[^"]+\?trail_before=\d+)#trail" data-testid="trail-next"`).FindStringSubmatch(first.Body)
	if n := strings.Count(between(first.Body, `data-testid="employee-trail"`, "</section>"), "<tr>") - 1; n != 20 || next == nil {
		t.Fatalf("first page of the trail: %d rows, next link %v", n, next)
	}
	older := b.get(next[1])
	mustHave(t, "older page", older, 200, "« 最新记录", "新增员工")
}

// Bug 7: the leave list shows the newest request first and sorts by start,
// end and submission time from its column headings.
func TestLeaveListOrder(t *testing.T) {
	b := admin(t, 0)
	id := createEmployee(t, b, "SORT-1")
	recordBirth(t, b, id, day(-100), "1")
	old := approvedMaternity(t, b, id, day(-100)) // made first, starts earlier
	other := createEmployee(t, b, "SORT-2")
	recordBirth(t, b, other, day(-400), "1")
	newer := approvedMaternity(t, b, other, day(-400)) // made second, starts earliest
	order := func(path string) bool {
		t.Helper()
		body := b.get(path).Body
		i, j := strings.Index(body, old), strings.Index(body, newer)
		if i < 0 || j < 0 {
			t.Fatalf("%s: both requests should be listed", path)
		}
		return j < i // the newer request comes first
	}
	if !order("/leave-requests") {
		t.Error("default order: the newest request should come first")
	}
	if order("/leave-requests?sort=created") {
		t.Error("sort=created: oldest first")
	}
	if !order("/leave-requests?sort=start") || order("/leave-requests?sort=-start") {
		t.Error("sort by start day")
	}
	list := b.get("/leave-requests?sort=start")
	mustHave(t, "headings", list, 200, `aria-sort="ascending"><a class="sort" href="/leave-requests?sort=-start"`,
		`href="/leave-requests?sort=end"`, `href="/leave-requests?sort=created"`, `name="sort" value="start"`)
}
