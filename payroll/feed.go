package payroll

import (
	"cmp"
	"fmt"
	"slices"

	"leaveguard/leave"
)

// FeedClaim is an allowance claim as the feed needs it: the first day the
// allowance pays for, its paid days (AllowanceResult.PaidDays), the top-up
// total (AllowanceResult.TopUpFen), the payee and whether she is insured.
type FeedClaim struct {
	ClaimID          string     `json:"claim_id,omitempty"`
	Start            leave.Date `json:"start"`
	PaidDays         int        `json:"paid_days"`
	TopUpFen         int64      `json:"top_up_fen"`
	Payee            Payee      `json:"payee,omitempty"`
	MaternityInsured bool       `json:"maternity_insured"`
}

// FeedEmployee is one employee's facts for the feed. Leave holds approved
// leave days per month and type (entries of other months are ignored).
type FeedEmployee struct {
	EmployeeID string      `json:"employee_id"`
	Leave      []LeaveDays `json:"leave"`
	Claims     []FeedClaim `json:"claims"`
	Children   []Child     `json:"children"`
}

// FeedFacts are the facts of a payroll feed. Version enters every line id;
// empty means DefaultFeedVersion.
type FeedFacts struct {
	Version   string         `json:"version,omitempty"`
	Employees []FeedEmployee `json:"employees"`
}

// TypeDays is a number of leave days of one type.
type TypeDays struct {
	LeaveType LeaveType `json:"leave_type"`
	Days      int       `json:"days"`
}

// FeedLine is what payroll needs about one employee for one month: leave
// days by type, the days whose pay the allowance replaces (payroll pays no
// wage for them, only the top-up), the top-up due this month, and the
// infant-care IIT deduction. LineID is stable (see FeedLineID).
type FeedLine struct {
	LineID                 string           `json:"line_id"`
	EmployeeID             string           `json:"employee_id"`
	Month                  Month            `json:"month"`
	Version                string           `json:"version"`
	LeaveDays              []TypeDays       `json:"leave_days"`
	AllowanceReplacedDays  int              `json:"allowance_replaced_days"`
	TopUpFen               int64            `json:"top_up_fen"`
	InfantCareDeductionFen int64            `json:"infant_care_deduction_fen"`
	InfantCare             []ChildDeduction `json:"infant_care"`
	Reasons                []Reason         `json:"reasons"`
	Parameters             []Param          `json:"parameters"`
}

// Feed returns one line per employee, in input order, for month mo
// (rules.md §3 payee, §5 infant care). A claim replaces pay only when she is
// insured and the allowance is paid to her; then the claim's top-up is spread
// over its paid days (TopUpShare). When the allowance goes to the employer,
// or she is uninsured, payroll pays her wage as usual and the line says so.
// Invalid facts give FieldErrors (wrapped).
func Feed(mo Month, f FeedFacts) ([]FeedLine, error) {
	if mo.IsZero() {
		return nil, fmt.Errorf("payroll: feed: %w", FieldErrors{"month": "请填写月份（YYYY-MM）"})
	}
	version := cmp.Or(f.Version, DefaultFeedVersion)
	seen := make(map[string]bool, len(f.Employees))
	lines := make([]FeedLine, 0, len(f.Employees))
	for i, e := range f.Employees {
		if e.EmployeeID == "" || seen[e.EmployeeID] {
			return nil, fmt.Errorf("payroll: feed: %w", FieldErrors{
				fmt.Sprintf("employees[%d].employee_id", i): "职工编号不能为空或重复"})
		}
		seen[e.EmployeeID] = true
		l, err := feedLine(mo, version, e)
		if err != nil {
			return nil, fmt.Errorf("payroll: feed: %w", withPrefix(fmt.Sprintf("employees[%d].", i), err))
		}
		lines = append(lines, l)
	}
	return lines, nil
}

func feedLine(mo Month, version string, e FeedEmployee) (FeedLine, error) {
	l := FeedLine{
		LineID: FeedLineID(e.EmployeeID, mo, version), EmployeeID: e.EmployeeID,
		Month: mo, Version: version, LeaveDays: monthLeave(mo, e.Leave),
		InfantCare: []ChildDeduction{}, Reasons: []Reason{}, Parameters: []Param{},
	}
	for j, c := range e.Claims {
		if err := l.addClaim(mo, c); err != nil {
			return FeedLine{}, withPrefix(fmt.Sprintf("claims[%d].", j), err)
		}
	}
	if l.AllowanceReplacedDays > mo.Days() {
		return FeedLine{}, FieldErrors{"claims": "同一月份的生育津贴期间重叠"}
	}
	l.explainMismatch()
	for j, c := range e.Children {
		d, err := InfantCareDeduction(mo, c)
		if err != nil {
			return FeedLine{}, withPrefix(fmt.Sprintf("children[%d].", j), err)
		}
		l.InfantCare = append(l.InfantCare, d)
		l.InfantCareDeductionFen += d.DeductionFen
	}
	if l.InfantCareDeductionFen > 0 {
		std, src := InfantCareStandard(mo)
		l.Parameters = append(l.Parameters, intParam("infant_care_standard_fen", std, src, false))
		l.Reasons = append(l.Reasons, Reason{Code: "infant_care_deduction",
			Message: fmt.Sprintf("3岁以下婴幼儿照护专项附加扣除：本月%s（自出生当月至满3周岁前一个月）", yuan(l.InfantCareDeductionFen)),
			Basis:   src})
	}
	return l, nil
}

// addClaim adds one claim's replaced days and top-up share for mo.
func (l *FeedLine) addClaim(mo Month, c FeedClaim) error {
	if c.Start.IsZero() || c.PaidDays <= 0 || c.TopUpFen < 0 ||
		(c.Payee != "" && c.Payee != PayeeEmployee && c.Payee != PayeeEmployer) {
		return FieldErrors{"": "请填写津贴起始日、计发天数（大于0）、补差（不为负）和有效的领取方"}
	}
	days := overlapDays(c.Start, c.Start.AddDays(c.PaidDays-1), mo)
	if days == 0 {
		return nil
	}
	switch {
	case !c.MaternityInsured:
		l.Reasons = append(l.Reasons, Reason{Code: "allowance_uninsured",
			Message: fmt.Sprintf("未参加生育保险：本月%d天的生育津贴由单位按本人工资支付，照发工资", days), Basis: basisSpecArt})
		return nil
	case c.Payee == PayeeEmployer:
		l.Reasons = append(l.Reasons, Reason{Code: "allowance_to_employer",
			Message: fmt.Sprintf("生育津贴拨付给单位：本月%d天照发工资", days), Basis: basisSIL56})
		return nil
	}
	l.AllowanceReplacedDays += days
	l.Reasons = append(l.Reasons, Reason{Code: "allowance_replaces_pay",
		Message: fmt.Sprintf("本月%d天的工资由生育津贴替代（津贴直接发放给职工），不再发放这些天的工资，仅付补差", days),
		Basis:   basisSpecArt})
	share, err := TopUpShare(c.TopUpFen, c.Start, c.PaidDays, mo)
	if err != nil {
		return err
	}
	if share > 0 {
		l.TopUpFen += share
		l.Reasons = append(l.Reasons, Reason{Code: "top_up_due",
			Message: fmt.Sprintf("本月应付生育津贴补差%s（补差总额%s按天数分摊）", yuan(share), yuan(c.TopUpFen)), Basis: basisWageKept})
		if !slices.ContainsFunc(l.Parameters, func(p Param) bool { return p.Name == "top_up_spread" }) {
			l.Parameters = append(l.Parameters, textParam("top_up_spread", "cumulative_days", SourceDefault+"："+srcTopUpSpread, true))
		}
	}
	return nil
}

// monthLeave returns the leave days of mo by type, sorted by type.
func monthLeave(mo Month, ls []LeaveDays) []TypeDays {
	out := []TypeDays{}
	for _, l := range ls {
		if l.Month != mo {
			continue
		}
		if i := slices.IndexFunc(out, func(t TypeDays) bool { return t.LeaveType == l.LeaveType }); i >= 0 {
			out[i].Days += l.Days
			continue
		}
		out = append(out, TypeDays{l.LeaveType, l.Days})
	}
	slices.SortFunc(out, func(a, b TypeDays) int { return cmp.Compare(a.LeaveType, b.LeaveType) })
	return out
}

// explainMismatch says so when the allowance replaces more days of the
// month than she has approved maternity (or miscarriage) leave in it — as
// after a birth correction lengthens or moves the allowance period while
// the leave request stays as it was — instead of leaving the line to
// contradict itself silently. The figures stay as the claim says; HR
// adjusts the leave request or the claim.
func (l *FeedLine) explainMismatch() {
	onLeave := 0
	for _, t := range l.LeaveDays {
		if t.LeaveType == LeaveMaternity || t.LeaveType == LeaveMiscarriage {
			onLeave += t.Days
		}
	}
	if l.AllowanceReplacedDays <= onLeave {
		return
	}
	l.Reasons = append(l.Reasons, Reason{Code: "allowance_exceeds_leave",
		Message: fmt.Sprintf("本月生育津贴替代%d天，但已批准的产假只有%d天（相差%d天）：请核对假期申请与津贴申领（如生育信息更正后须调整产假），核对前勿据此扣发工资",
			l.AllowanceReplacedDays, onLeave, l.AllowanceReplacedDays-onLeave),
		Basis: basisSpecArt})
}
