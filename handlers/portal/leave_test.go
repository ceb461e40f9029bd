package portal_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
)

// TestLeaveRequestFlow: compute before submitting (form post and JSON),
// submit, approve, a second approval refused with 409 explained, cancel;
// reject needs a reason; the list filters and explains empty results.
func TestLeaveRequestFlow(t *testing.T) {
	b := admin(t, 0)
	id := createEmployee(t, b, "LV-1")
	recordBirth(t, b, id, day(-3), "2")
	form := url.Values{"employee_id": {id}, "leave_type": {"maternity"}, "start": {day(-3)}, "days": {"158"}, "op": {"preview"}}
	newForm := "/leave-requests/new?employee=" + id
	mustHave(t, "leave form", b.get(newForm+"&leave_type=maternity"), 200, "申请假期", "LV-1", `value="maternity" selected`, "计算")
	preview := b.post(newForm, "/leave-requests", form)
	mustHave(t, "preview", preview, 200, "计算结果（尚未提交）", day(-3+157), "法律依据", "女职工劳动保护特别规定")
	j := b.post(newForm, "/leave-requests/preview", form)
	var res struct {
		OK   bool   `json:"ok"`
		HTML string `json:"html"`
	}
	if err := json.Unmarshal([]byte(j.Body), &res); err != nil || !res.OK || !strings.Contains(res.HTML, day(-3+157)) {
		t.Fatalf("JSON preview: %d %v %s", j.Status, err, excerpt(j.Body))
	}
	tooMany := url.Values{"employee_id": {id}, "leave_type": {"maternity"}, "start": {day(-3)}, "days": {"400"}, "op": {"preview"}}
	over := b.post(newForm, "/leave-requests", tooMany)
	if over.Status != 422 || !strings.Contains(over.Body, "错误代码 422") || !strings.Contains(over.Body, `data-testid="explain"`) {
		t.Errorf("over the entitlement: %d %s", over.Status, excerpt(over.Body))
	}
	noDays := b.post(newForm, "/leave-requests", url.Values{"employee_id": {id}, "leave_type": {"maternity"}, "days": {"x"}})
	mustHave(t, "bad days", noDays, 400, `data-testid="error-days"`, "请填写整数")
	unknown := b.post("/leave-requests/new", "/leave-requests", url.Values{"external_id": {"NOBODY"}, "leave_type": {"marriage"}})
	mustHave(t, "unknown employee", unknown, 400, "本单位没有该员工编号的员工", `value="NOBODY"`)
	form.Set("op", "submit")
	p := b.post(newForm, "/leave-requests", form)
	if p.Status != 303 || !strings.HasPrefix(p.Location(), "/leave-requests/") {
		t.Fatalf("submit: %d %s", p.Status, excerpt(p.Body))
	}
	detail := strings.Split(p.Location(), "?")[0]
	mustHave(t, "submitted", b.get(p.Location()), 200, "请假申请已提交", "待审批", "批准", "驳回理由")
	if r := b.post(detail, detail+"/approve", nil); r.Status != 303 {
		t.Fatalf("approve: %d %s", r.Status, excerpt(r.Body))
	}
	mustHave(t, "approved", b.get(detail), 200, "已批准", "下载休假审批通知书", "撤销申请")
	again := b.post(detail, detail+"/approve", nil)
	mustHave(t, "approved twice", again, 409, "不能批准", "错误代码 409")
	list := b.get("/leave-requests?status=approved&ext=LV-1")
	mustHave(t, "filtered list", list, 200, "LV-1", "已批准")
	mustHave(t, "window list", b.get("/leave-requests?ext=LV-1&from="+day(100)+"&to="+day(120)), 200, "LV-1")
	mustHave(t, "empty window", b.get("/leave-requests?ext=LV-1&from="+day(400)), 200, "没有符合条件的请假")
	mustHave(t, "bad date", b.get("/leave-requests?from=2026-13-01"), 200, "起始日期格式应为")
	if r := b.post(detail, detail+"/cancel", nil); r.Status != 303 {
		t.Fatalf("cancel: %d %s", r.Status, excerpt(r.Body))
	}
	mustHave(t, "cancelled", b.get(detail), 200, "已撤销")
	// Marriage leave, rejected: the reason is required.
	p = b.post("/employees/"+id+"/marriages/new", "/employees/"+id+"/marriages", url.Values{"registered_on": {day(-1)}})
	// It starts after her maternity leave: the recorded birth's leave blocks other leave even though
	// its request was cancelled (rules.md §1).
	m := url.Values{"employee_id": {id}, "leave_type": {"marriage"}, "start": {day(-3 + 160)}, "days": {"3"}, "op": {"submit"}}
	p = b.post(newForm, "/leave-requests", m)
	if p.Status != 303 {
		t.Fatalf("marriage leave: %d %s", p.Status, excerpt(p.Body))
	}
	detail = strings.Split(p.Location(), "?")[0]
	mustHave(t, "reject without reason", b.post(detail, detail+"/reject", url.Values{}), 400, `data-testid="error-reason"`)
	if r := b.post(detail, detail+"/reject", url.Values{"reason": {"与年度排班冲突"}}); r.Status != 303 {
		t.Fatalf("reject: %d", r.Status)
	}
	mustHave(t, "rejected", b.get(detail), 200, "已驳回", "驳回理由", "与年度排班冲突")
	mustHave(t, "employee leave history", b.get("/employees/"+id), 200, "请假记录", "婚假", "已驳回", "已撤销")
}
