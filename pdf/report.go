package pdf

import (
	"strconv"

	"leaveguard/leave"
)

// basisReport is the compliance report's footer.
const basisReport = "《中华人民共和国劳动合同法》第四十二条、第四十五条、第八十七条；《女职工劳动保护特别规定》第五条、第七条、第八条；" +
	"《中华人民共和国社会保险法》第五十六条；《内蒙古自治区人口与计划生育条例》第三十条"

// ComplianceReport is the input of the compliance report for a period
// (合规报告), the PDF form of the labor-bureau export.
type ComplianceReport struct {
	Meta
	From       leave.Date
	To         leave.Date
	Protected  []ProtectedRow
	Leaves     []LeaveRow
	Dismissals []DismissalRow
	Claims     []ClaimRow
	Extensions []ExtensionRow
}

// ProtectedRow is an employee in a protected period (三期) during the period.
type ProtectedRow struct {
	EmployeeName string
	ExternalID   string
	Phase        string // "pregnancy", "maternity_leave" or "nursing"
	From         leave.Date
	Until        leave.Date // last protected day
	Estimated    bool       // Until estimated from the due date
}

// LeaveRow is a leave granted in the period against its statutory
// entitlement; granted below entitled is flagged as a shortfall.
type LeaveRow struct {
	EmployeeName string
	ExternalID   string
	LeaveType    string // leave type code
	Start        leave.Date
	End          leave.Date
	EntitledDays int
	GrantedDays  int
	Unit         string // "calendar_days" or "working_days"
}

// DismissalRow is a dismissal check made in the period and its verdict.
type DismissalRow struct {
	EmployeeName   string
	ExternalID     string
	Action         string // "termination", "non_renewal", ...
	Ground         string // "art39", "art40", "art41" or ""
	EffectiveDate  leave.Date
	Verdict        string     // "prohibited", "requires_review", "allowed", "extend_contract"
	ProtectedUntil leave.Date // zero when not protected
	Reason         string     // the main reason's message
}

// ClaimRow is a maternity allowance claim and its status.
type ClaimRow struct {
	EmployeeName string
	ExternalID   string
	Event        string // "birth" or "miscarriage"
	EventDate    leave.Date
	PaidDays     int
	AmountFen    int64
	Status       string     // "draft", "submitted", "approved", "rejected", "paid", "reconciled"
	SubmittedOn  leave.Date // zero when not submitted
	Overdue      bool       // the bureau has not decided within 10 working days
}

// ExtensionRow is a contract that ends inside a protected period and must be
// extended.
type ExtensionRow struct {
	EmployeeName   string
	ExternalID     string
	ContractEnd    leave.Date
	ProtectedUntil leave.Date
	ExtendedEnd    leave.Date
}

// ComplianceReport renders the compliance report; each section's table
// breaks across pages with its header row repeated.
func (r *Renderer) ComplianceReport(rep ComplianceReport) ([]byte, error) {
	if err := rep.Meta.check("compliance report"); err != nil {
		return nil, err
	}
	return r.render(rep.Meta, "合规报告", basisReport, rep.body)
}

// body lays the report out.
func (rep ComplianceReport) body(d *doc) {
	d.start([]kv{{"报告期间", cnDate(rep.From) + " 至 " + cnDate(rep.To)}})
	d.section("概要")
	d.form(rep.summary())
	d.section("一、处于孕期、产期、哺乳期（三期）的女职工")
	rep.protectedTable(d)
	d.section("二、休假与法定应享天数核对")
	rep.leaveTable(d)
	d.section("三、解除、终止劳动合同等事项检查")
	rep.dismissalTable(d)
	d.section("四、生育津贴申领情况")
	rep.claimTable(d)
	d.section("五、应顺延的劳动合同")
	rep.extensionTable(d)
	d.section("编制与审核")
	d.signatures("编制人（签字）：", "审核人（签字）：", "单位（盖章）：")
}

// summary counts each section and its findings.
func (rep ComplianceReport) summary() [][]kv {
	short, prohibited, overdue := 0, 0, 0
	for _, l := range rep.Leaves {
		if l.GrantedDays < l.EntitledDays {
			short++
		}
	}
	for _, c := range rep.Dismissals {
		if c.Verdict == "prohibited" {
			prohibited++
		}
	}
	for _, c := range rep.Claims {
		if c.Overdue {
			overdue++
		}
	}
	n := func(k int, unit string) string { return strconv.Itoa(k) + " " + unit }
	return [][]kv{
		{{"三期女职工", n(len(rep.Protected), "人")}, {"应顺延合同", n(len(rep.Extensions), "份")}},
		{{"休假核对", n(len(rep.Leaves), "项") + "，其中不足法定天数 " + n(short, "项")},
			{"解除/终止检查", n(len(rep.Dismissals), "次") + "，其中禁止 " + n(prohibited, "次")}},
		{{"生育津贴申领", n(len(rep.Claims), "件") + "，其中逾期未决 " + n(overdue, "件")}},
	}
}
