package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"leaveguard/payroll"
)

// basisSubsidy is the subsidy application's footer.
const basisSubsidy = "《兴安盟优化生育政策促进人口长期均衡发展若干措施》（兴署办发〔2023〕86号）第（十三）项：" +
	"对企业在职工婚假、产假、护理假和育儿假期间支付的社会保险费用，各地可予以适度补贴"

// SubsidyApplication is the input of the social-insurance subsidy
// application (社会保险费补贴申请表), as stored: its lines with the
// employees' names, the parameters and the notes of payroll.SubsidyResult.
// The totals are summed from the lines.
type SubsidyApplication struct {
	Meta
	PeriodFrom string // "YYYY-MM"
	PeriodTo   string // "YYYY-MM"
	Lines      []SubsidyLine
	Parameters []payroll.Param
	Notes      []payroll.Reason
}

// SubsidyLine is one employee-month-leave-type line of an application
// (payroll.SubsidyLine with the employee's name).
type SubsidyLine struct {
	EmployeeName            string
	ExternalID              string
	Month                   string // "YYYY-MM"
	LeaveType               string // leave type code, e.g. "maternity"
	LeaveDays               int
	DaysInMonth             int
	BaseFen                 int64 // contribution base after the floor and ceiling
	EmployerContributionFen int64 // the month's employer contribution
	ClaimableFen            int64
	Reasons                 []payroll.Reason // e.g. capped, ineligible type; optional
}

// SubsidyApplication renders the subsidy application; its line table breaks
// across pages and repeats its header row on each.
func (r *Renderer) SubsidyApplication(a SubsidyApplication) ([]byte, error) {
	if err := a.check("subsidy application"); err != nil {
		return nil, err
	}
	return r.render(a.Meta, "社会保险费补贴申请表", basisSubsidy, a.body)
}

// check reports a missing field.
func (a SubsidyApplication) check(doc string) error { return a.Meta.check(doc) }

// body lays the application out.
func (a SubsidyApplication) body(d *doc) {
	people := map[string]bool{}
	var leaveDays int
	var claimable int64
	for _, l := range a.Lines {
		people[l.EmployeeName+"\x00"+l.ExternalID] = true
		leaveDays += l.LeaveDays
		claimable += l.ClaimableFen
	}
	d.start([]kv{{"申请期间", monthCN(a.PeriodFrom) + " 至 " + monthCN(a.PeriodTo)}},
		[]kv{{"申报人数", strconv.Itoa(len(people)) + " 人"}, {"明细行数", strconv.Itoa(len(a.Lines)) + " 行"}})
	d.section("一、补贴明细")
	t := d.newTable(subsidyColumns)
	for i, l := range a.Lines {
		t.row([]string{strconv.Itoa(i + 1), l.EmployeeName, orDash(l.ExternalID), l.Month,
			label(leaveTypes, l.LeaveType), strconv.Itoa(l.LeaveDays), strconv.Itoa(l.DaysInMonth),
			Yuan(l.BaseFen), Yuan(l.EmployerContributionFen), Yuan(l.ClaimableFen)})
	}
	if len(a.Lines) == 0 {
		t.span("本期无补贴明细")
	}
	total := []cell{{text: "合计", w: 83, align: "C", shade: true, bold: true},
		{text: strconv.Itoa(leaveDays), w: 14, align: "R", shade: true},
		{w: 14 + 21 + 20, shade: true},
		{text: Yuan(claimable), w: 22, align: "R", shade: true, bold: true}}
	t.put(total)
	d.section("二、补贴金额合计")
	d.form([][]kv{{{"可申请补贴合计", Yuan(claimable) + " 元"}}, {{"金额大写", "人民币" + YuanUpper(claimable)}}})
	d.section("三、计算参数及来源")
	d.paramTable(a.Parameters)
	d.section("四、说明")
	d.reasonTable(nil, a.notes())
	d.section("五、单位承诺及签章")
	d.paragraph("本单位承诺：以上职工在所列月份确在休所列假期，单位已按规定足额缴纳社会保险费，"+
		"所填信息真实、准确、完整；如有虚假，愿退回补贴资金并承担相应法律责任。", sizeBody, true)
	d.signatures("经办人（签字）：", "单位负责人（签字）：", "单位（盖章）：")
}

// subsidyColumns are the line table's columns (174 mm).
var subsidyColumns = []column{
	{"序号", 9, "C"}, {"职工姓名", 24, "C"}, {"工号", 16, "C"}, {"月份", 15, "C"},
	{"假期类型", 19, "C"}, {"休假天数", 14, "R"}, {"当月天数", 14, "R"},
	{"缴费基数（元）", 21, "R"}, {"单位缴费（元）", 20, "R"}, {"可申请补贴（元）", 22, "R"},
}

// notes are the application's notes, then each annotated line's note.
func (a SubsidyApplication) notes() []payroll.Reason {
	out := append([]payroll.Reason{}, a.Notes...)
	for i, l := range a.Lines {
		for _, r := range l.Reasons {
			r.Message = fmt.Sprintf("第 %d 行（%s %s %s）：%s", i+1, l.EmployeeName, l.Month, label(leaveTypes, l.LeaveType), r.Message)
			out = append(out, r)
		}
	}
	return out
}

// monthCN formats "2025-01" as "2025年1月"; other text is kept.
func monthCN(m string) string {
	y, mo, ok := strings.Cut(m, "-")
	n, err := strconv.Atoi(mo)
	if !ok || err != nil {
		return orDash(m)
	}
	return y + "年" + strconv.Itoa(n) + "月"
}
