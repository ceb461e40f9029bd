package portal_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestDataRightsPortal: a pregnancy recorded with the 已告知 box ticked
// (and a missing date refused in Chinese) needs no reminder; a birth
// recorded without it shows the reminder until the notice is recorded from
// the employee page; a correction request is recorded, a rejection without
// a reason is refused, and with one it shows; the notice template prints.
func TestDataRightsPortal(t *testing.T) {
	b := admin(t, 0)
	id := createEmployee(t, b, "RIGHTS-1")
	emp := "/employees/" + id
	mustHave(t, "pregnancy form", b.get(emp+"/pregnancies/new"), 200, `data-testid="notice-fields"`, `href="/notice-template"`)
	bad := b.post(emp+"/pregnancies/new", emp+"/pregnancies", url.Values{"reported_on": {day(-100)},
		"notice.informed": {"true"}, "notice.method": {"written"}})
	mustHave(t, "notice without date", bad, 400, `data-testid="error-notice.informed_on"`)
	p := b.post(emp+"/pregnancies/new", emp+"/pregnancies", url.Values{"reported_on": {day(-100)},
		"notice.informed": {"true"}, "notice.informed_on": {day(-100)}, "notice.method": {"written"}})
	if p.Status != 303 {
		t.Fatalf("pregnancy: %d %s", p.Status, excerpt(p.Body))
	}
	page := b.get(emp)
	mustHave(t, "employee page", page, 200, `data-testid="data-rights"`, `data-testid="sensitive-notices"`, "已告知")
	if strings.Contains(page.Body, `data-testid="notice-reminder"`) {
		t.Fatal("reminder though she was informed")
	}
	if p = b.post(emp+"/births/new", emp+"/births", url.Values{"birth_date": {day(-5)}, "child_order": {"1"}, "babies": {"1"}, "dystocia": {"false"}}); p.Status != 303 {
		t.Fatalf("birth: %d %s", p.Status, excerpt(p.Body))
	}
	page = b.get(emp)
	mustHave(t, "reminder", page, 200, `data-testid="notice-reminder"`, "未记录是否告知")
	birthID := strings.Split(strings.Split(page.Body, `name="fact_id" value="`)[1], `"`)[0]
	p = b.post(emp, emp+"/sensitive-notices", url.Values{"fact_type": {"birth"}, "fact_id": {birthID},
		"informed_on": {day(-4)}, "method": {"oral"}})
	if p.Status != 303 {
		t.Fatalf("notice later: %d %s", p.Status, excerpt(p.Body))
	}
	if page = b.get(emp); strings.Contains(page.Body, `data-testid="notice-reminder"`) {
		t.Fatal("reminder after the notice was recorded")
	}

	p = b.post(emp, emp+"/correction-requests", url.Values{"subject": {"入职日期有误"}, "received_on": {day(-2)}, "channel": {"written"}})
	if p.Status != 303 {
		t.Fatalf("correction request: %d %s", p.Status, excerpt(p.Body))
	}
	page = b.get(emp)
	mustHave(t, "request listed", page, 200, "入职日期有误", "处理中", `data-testid="outcome-form"`)
	reqID := strings.Split(strings.Split(page.Body, `action="/correction-requests/`)[1], "/")[0]
	out := "/correction-requests/" + reqID + "/outcome"
	mustHave(t, "rejection without reason", b.post(emp, out, url.Values{"outcome": {"rejected"}, "employee_id": {id}}), 400,
		`data-testid="error-note"`)
	p = b.post(emp, out, url.Values{"outcome": {"rejected"}, "note": {"与劳动合同一致"}, "employee_id": {id}})
	if p.Status != 303 {
		t.Fatalf("outcome: %d %s", p.Status, excerpt(p.Body))
	}
	mustHave(t, "decided", b.get(p.Location()), 200, "不予更正", "与劳动合同一致", "已记录更正申请的处理结果")
	mustHave(t, "notice template", b.get("/notice-template"), 200, "敏感个人信息处理告知书", "处理目的", "保存期限", "您的权利")
}

// TestTenantDeletionPortal: the admin reaches 注销与数据删除 from the
// settings, downloads the export, a wrong name is refused, the request is
// shown with its day and can be cancelled.
func TestTenantDeletionPortal(t *testing.T) {
	b := admin(t, 1)
	mustHave(t, "settings", b.get("/settings"), 200, `href="/tenant-deletion"`)
	mustHave(t, "page", b.get("/tenant-deletion"), 200, `data-testid="deletion-form"`, "/tenant-deletion/export.zip")
	if p := b.get("/tenant-deletion/export.zip"); p.Status != 200 || !strings.HasPrefix(p.Body, "PK") {
		t.Fatalf("export: %d %.80s", p.Status, p.Body)
	}
	mustHave(t, "wrong name", b.post("/tenant-deletion", "/tenant-deletion", url.Values{"confirm_name": {"别的单位"}}), 400,
		`data-testid="error-confirm_name"`)
	p := b.post("/tenant-deletion", "/tenant-deletion", url.Values{"confirm_name": {"测试单位B"}})
	if p.Status != 303 {
		t.Fatalf("request: %d %s", p.Status, excerpt(p.Body))
	}
	mustHave(t, "scheduled", b.get(p.Location()), 200, `data-testid="deletion-scheduled"`, "已申请删除本单位全部数据")
	p = b.post("/tenant-deletion", "/tenant-deletion/cancel", nil)
	if p.Status != 303 {
		t.Fatalf("cancel: %d %s", p.Status, excerpt(p.Body))
	}
	mustHave(t, "cancelled", b.get(p.Location()), 200, `data-testid="deletion-form"`, "已撤销删除申请")
}
