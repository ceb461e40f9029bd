package portal_test

import (
	"net/url"
	"strings"
	"testing"
)

// setWageBasis sets tenant A's average monthly wage (the allowance basis)
// for the years before today and a year ago, through the settings page.
func setWageBasis(t testing.TB, b *browser) {
	t.Helper()
	v := `{"` + day(-400)[:4] + `": 780000, "` + day(-30)[:4] + `": 780000, "2025": 780000}`
	p := b.post("/settings", "/settings", url.Values{"key": {"avg_monthly_wage_fen"}, "value": {v}})
	if p.Status != 303 {
		t.Fatalf("set the wage basis: %d %s", p.Status, excerpt(p.Body))
	}
}

// TestClaimLifecycle: create a claim from a birth, see its parameters and
// sources, go through submit → approve → pay with a difference, see the
// reconciliation and the history; a second claim is a 409 explained.
func TestClaimLifecycle(t *testing.T) {
	b := admin(t, 0)
	setWageBasis(t, b)
	id := createEmployee(t, b, "CL-1")
	birth := recordBirth(t, b, id, day(-20), "1")
	p := b.post("/births/"+birth, "/allowance-claims", url.Values{"birth_id": {birth}})
	if p.Status != 303 || !strings.HasPrefix(p.Location(), "/allowance-claims/") {
		t.Fatalf("create claim: %d %s", p.Status, excerpt(p.Body))
	}
	claim := strings.Split(p.Location(), "?")[0]
	mustHave(t, "claim", b.get(p.Location()), 200, "已创建", "测算金额", "计发基数（月平均工资）", "¥7,800.00", "计发除数",
		"来源", "社会保险法 第五十六条", "草稿", "登记已提交", "重新计算", "下载申领表 PDF")
	dup := b.post("/births/"+birth, "/allowance-claims", url.Values{"birth_id": {birth}})
	mustHave(t, "duplicate claim", dup, 409, "不能重复申领", "错误代码 409")
	if r := b.post(claim, claim+"/recompute", nil); r.Status != 303 {
		t.Fatalf("recompute: %d %s", r.Status, excerpt(r.Body))
	}
	late := b.post(claim, claim+"/submit", url.Values{"submitted_on": {day(5)}})
	mustHave(t, "future submission", late, 400, `data-testid="error-submitted_on"`, "不能晚于今天")
	if r := b.post(claim, claim+"/submit", url.Values{"submitted_on": {day(-1)}}); r.Status != 303 {
		t.Fatalf("submit: %d %s", r.Status, excerpt(r.Body))
	}
	mustHave(t, "submitted", b.get(claim), 200, "已提交经办机构", "决定期限", "登记批准", "登记驳回")
	wrong := b.post(claim, claim+"/pay", url.Values{"paid": {"100"}, "paid_on": {day(0)}})
	mustHave(t, "pay before approval", wrong, 409, "不能登记到账", "错误代码 409")
	if r := b.post(claim, claim+"/approve", url.Values{"decided_on": {day(0)}}); r.Status != 303 {
		t.Fatalf("approve: %d %s", r.Status, excerpt(r.Body))
	}
	bad := b.post(claim, claim+"/pay", url.Values{"paid": {"四万"}, "paid_on": {day(0)}})
	mustHave(t, "bad amount", bad, 400, `data-testid="error-paid"`, "请填写金额")
	if r := b.post(claim, claim+"/pay", url.Values{"paid": {"40,000.00"}, "paid_on": {day(0)}}); r.Status != 303 {
		t.Fatalf("pay: %d %s", r.Status, excerpt(r.Body))
	}
	mustHave(t, "paid", b.get(claim), 200, "已到账", "对账", "差额", "到账金额比测算金额少", "登记到账", "经办机构批准")
	mustHave(t, "claims list", b.get("/allowance-claims?ext=CL-1"), 200, "CL-1", "已到账")
	mustHave(t, "overdue filter", b.get("/allowance-claims?status=overdue&ext=CL-1"), 200, "没有符合条件的申领")
	mustHave(t, "employee claims", b.get("/employees/"+id), 200, "生育津贴", "已到账")
}

// TestSubsidyApplication: a period without rates is a 422 explained next
// to the form; with rates set, a draft with its parameters; overlapping
// periods are a 409; the list filters by period.
func TestSubsidyApplication(t *testing.T) {
	b := admin(t, 0)
	mustHave(t, "subsidy page", b.get("/subsidy-applications"), 200, "社保补贴", "测算并生成草稿", "period_from")
	bad := b.post("/subsidy-applications", "/subsidy-applications", url.Values{"period_from": {"2019-03"}, "period_to": {"2019-01"}})
	mustHave(t, "reversed period", bad, 400, `data-testid="error-period_to"`, "结束月份不能早于开始月份")
	p := b.post("/subsidy-applications", "/subsidy-applications", url.Values{"period_from": {"2019-01"}, "period_to": {"2019-02"}})
	if p.Status != 303 {
		t.Fatalf("create: %d %s", p.Status, excerpt(p.Body))
	}
	app := strings.Split(p.Location(), "?")[0]
	mustHave(t, "application", b.get(app), 200, "2019-01 至 2019-02", "可申报金额合计", "计算参数与来源", "补贴比例", "草稿")
	dup := b.post("/subsidy-applications", "/subsidy-applications", url.Values{"period_from": {"2019-02"}, "period_to": {"2019-03"}})
	mustHave(t, "overlap", dup, 409, "重叠", "错误代码 409")
	mustHave(t, "by period", b.get("/subsidy-applications?from=2019-02&to=2019-02"), 200, "2019-01 至 2019-02")
	mustHave(t, "other period", b.get("/subsidy-applications?from=2017-01&to=2017-12"), 200, "没有符合条件的申报")
	if r := b.post(app, app+"/submit", url.Values{"submitted_on": {day(0)}}); r.Status != 303 {
		t.Fatalf("submit: %d %s", r.Status, excerpt(r.Body))
	}
	rej := b.post(app, app+"/reject", url.Values{"decided_on": {day(0)}})
	mustHave(t, "reject without reason", rej, 400, `data-testid="error-reason"`)
	if r := b.post(app, app+"/reject", url.Values{"decided_on": {day(0)}, "reason": {"材料不全"}}); r.Status != 303 {
		t.Fatalf("reject: %d %s", r.Status, excerpt(r.Body))
	}
	mustHave(t, "rejected", b.get(app), 200, "已驳回", "材料不全", "经办机构驳回")
}

// TestSettingsPage: every setting with its default and source; an admin
// changes one and returns it to the default; a bad value is refused next
// to the field; the calendar years are listed.
func TestSettingsPage(t *testing.T) {
	b := admin(t, 0)
	mustHave(t, "settings", b.get("/settings"), 200, "育儿假计算单位", "默认值", "来源", "生育津贴计发除数",
		"社会保险单位缴费比例", "法定节假日日历", `data-testid="calendar-year-`, `data-testid="setting-input-parental_unit"`)
	p := b.post("/settings", "/settings", url.Values{"key": {"marriage_unit"}, "value": {"working_days"}})
	if p.Status != 303 {
		t.Fatalf("save: %d %s", p.Status, excerpt(p.Body))
	}
	mustHave(t, "saved", b.get("/settings?notice=saved"), 200, "已保存", "单位设置", "恢复默认")
	if p := b.post("/settings", "/settings", url.Values{"key": {"marriage_unit"}, "reset": {"1"}}); p.Status != 303 {
		t.Fatalf("reset: %d", p.Status)
	}
	bad := b.post("/settings", "/settings", url.Values{"key": {"allowance_divisor"}, "value": {"-3"}})
	mustHave(t, "bad number", bad, 400, `data-testid="error-allowance_divisor"`, "请填写非负数")
	out := b.post("/settings", "/settings", url.Values{"key": {"allowance_divisor"}, "value": {"45"}})
	mustHave(t, "out of range", out, 400, `data-testid="error-allowance_divisor"`, "1 到 31", `value="45"`)
	js := b.post("/settings", "/settings", url.Values{"key": {"avg_monthly_wage_fen"}, "value": {`{"25": 1}`}})
	mustHave(t, "bad year", js, 400, `data-testid="error-avg_monthly_wage_fen"`, "年度须为")
}
