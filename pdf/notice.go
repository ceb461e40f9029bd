package pdf

import (
	"fmt"
	"strconv"

	"leaveguard/leave"
)

// basisLeave is the leave notice's footer.
const basisLeave = "《女职工劳动保护特别规定》第七条；《内蒙古自治区人口与计划生育条例》第三十条；" +
	"《兴安盟优化生育政策促进人口长期均衡发展若干措施》（兴署办发〔2023〕86号）第（十三）项"

// payKept is the rule every family leave notice states (rules.md §1).
const payKept = "休假期间，你的工资、奖金和福利待遇不变（《内蒙古自治区人口与计划生育条例》第三十条第二款）。"

// LeaveNotice is the input of the approved-leave notice to the employee
// (休假审批通知书).
type LeaveNotice struct {
	Meta
	EmployeeName string
	ExternalID   string
	Department   string // optional
	LeaveType    string // leave type code, e.g. "maternity"
	Start        leave.Date
	End          leave.Date
	Days         int
	Unit         string   // "calendar_days" or "working_days"
	Basis        []string // the legal basis of the entitlement, one source per line
	Approver     string
	ApprovedOn   leave.Date
	Remarks      string // optional
}

// LeaveNotice renders the approved-leave notice.
func (r *Renderer) LeaveNotice(n LeaveNotice) ([]byte, error) {
	if err := n.Meta.check("leave notice"); err != nil {
		return nil, err
	}
	if err := requireName("leave notice", n.EmployeeName); err != nil {
		return nil, err
	}
	if n.Start.IsZero() || n.End.IsZero() {
		return nil, fmt.Errorf("pdf: leave notice: %w: start, end", ErrIncomplete)
	}
	return r.render(n.Meta, "休假审批通知书", basisLeave, n.body)
}

// body lays the notice out.
func (n LeaveNotice) body(d *doc) {
	kind := label(leaveTypes, n.LeaveType)
	d.start()
	d.gap(4)
	d.paragraph(n.EmployeeName+"（工号："+orDash(n.ExternalID)+"）：", sizeBody, false)
	d.paragraph("你申请的"+kind+"已经本单位审批同意。现将休假安排通知如下：", sizeBody, true)
	d.gap(2)
	unit := label(units, n.Unit)
	d.form([][]kv{
		{{"职工姓名", n.EmployeeName}, {"所在部门", orDash(n.Department)}},
		{{"假期类型", kind}, {"计算单位", unit}},
		{{"开始日期", cnDate(n.Start)}, {"结束日期", cnDate(n.End)}},
		{{"休假天数", strconv.Itoa(n.Days) + " 天（按" + unit + "计算）"}, {"返岗日期", "假期结束后的次一工作日"}},
		{{"审批人", orDash(n.Approver)}, {"审批日期", cnDate(n.ApprovedOn)}},
		{{"备注", orDash(n.Remarks)}},
	})
	d.section("法律依据")
	basis := n.Basis
	if len(basis) == 0 {
		basis = []string{basisLeave}
	}
	for i, b := range basis {
		d.paragraph(strconv.Itoa(i+1)+". "+b, sizeBody, false)
	}
	d.section("注意事项")
	d.paragraph(payKept+"请于假期结束后按时返岗；如需提前返岗、延长或变更假期，请提前向人力资源部门书面申请。", sizeBody, true)
	d.sealLine()
	d.receipt("本人已收到" + d.meta.TenantName + "出具的休假审批通知书（编号：" + d.meta.DocNo + "），知悉上述休假安排。")
}
