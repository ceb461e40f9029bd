package payroll

import (
	"strings"
)

// LeaveType names a kind of leave, with the values of api.md.
type LeaveType string

// Leave types.
const (
	LeaveMaternity      LeaveType = "maternity"
	LeaveMiscarriage    LeaveType = "miscarriage"
	LeaveSpousalNursing LeaveType = "spousal_nursing"
	LeaveParental       LeaveType = "parental"
	LeaveMarriage       LeaveType = "marriage"
	LeaveOnlyChildCare  LeaveType = "only_child_care"
)

// SubsidyProgram is a tenant's social-insurance cost-subsidy scheme: the
// share of the pro-rated employer contribution that can be claimed, an
// optional cap per employee over one application (nil = no cap), and the
// leave types that qualify. Confirmed is false while these are defaults.
type SubsidyProgram struct {
	RatioBP            int64       `json:"ratio_bp"`
	PerEmployeeCapFen  *int64      `json:"per_employee_cap_fen"`
	EligibleLeaveTypes []LeaveType `json:"eligible_leave_types"`
	Confirmed          bool        `json:"confirmed"`
	Source             string      `json:"source,omitempty"`
}

const srcSubsidy = "兴安盟优化生育政策促进人口长期均衡发展若干措施（兴署办发〔2023〕86号）第（十三）项：对企业在职工婚假、产假、护理假和育儿假期间支付的社会保险费用，各地可予以适度补贴"

// DefaultEligibleLeaveTypes are the leave types the subsidy covers by
// default: marriage, maternity (and miscarriage, a maternity leave),
// spousal nursing and parental leave.
func DefaultEligibleLeaveTypes() []LeaveType {
	return []LeaveType{LeaveMarriage, LeaveMaternity, LeaveMiscarriage, LeaveSpousalNursing, LeaveParental}
}

// DefaultSubsidyProgram returns the default program: the full pro-rated
// employer contribution (10000 bp, i.e. the claimable base before the local
// ratio), no cap, the default leave types. It is unconfirmed: the local
// notice sets the real ratio and cap.
func DefaultSubsidyProgram() SubsidyProgram {
	return SubsidyProgram{RatioBP: BPScale, EligibleLeaveTypes: DefaultEligibleLeaveTypes()}
}

// ValidateSubsidyProgram checks a program: ratio 0–10000 bp, cap ≥ 0 when
// set, and known leave types. It returns nil when the program is valid.
func ValidateSubsidyProgram(p SubsidyProgram) FieldErrors {
	fe := FieldErrors{}
	if p.RatioBP < 0 || p.RatioBP > BPScale {
		fe.add("ratio_bp", "补贴比例必须在0到10000个基点（0%–100%）之间")
	}
	if p.PerEmployeeCapFen != nil && *p.PerEmployeeCapFen < 0 {
		fe.add("per_employee_cap_fen", "每人补贴上限不能为负（不设上限请留空）")
	}
	for _, t := range p.EligibleLeaveTypes {
		if !knownLeaveType(t) {
			fe.add("eligible_leave_types", "未知的假期类型："+string(t))
		}
	}
	if len(fe) == 0 {
		return nil
	}
	return fe
}

func knownLeaveType(t LeaveType) bool {
	switch t {
	case LeaveMaternity, LeaveMiscarriage, LeaveSpousalNursing, LeaveParental, LeaveMarriage, LeaveOnlyChildCare:
		return true
	}
	return false
}

func (p SubsidyProgram) eligible(t LeaveType) bool {
	for _, e := range p.EligibleLeaveTypes {
		if e == t {
			return true
		}
	}
	return false
}

// params lists the program's values with their sources.
func (p SubsidyProgram) params() []Param {
	src := SourceLocalNotice + "（" + srcSubsidy + "；比例与上限未找到当地规定）"
	if p.Confirmed {
		src = SourceTenant
		if p.Source != "" {
			src += "：" + p.Source
		}
	}
	def := !p.Confirmed
	types := make([]string, len(p.EligibleLeaveTypes))
	for i, t := range p.EligibleLeaveTypes {
		types[i] = string(t)
	}
	capP := textParam("per_employee_cap_fen", "不设上限", src, def)
	if p.PerEmployeeCapFen != nil {
		capP = intParam("per_employee_cap_fen", *p.PerEmployeeCapFen, src, def)
	}
	ps := []Param{
		intParam("ratio_bp", p.RatioBP, src, def),
		capP,
		textParam("eligible_leave_types", strings.Join(types, ","), src, def),
	}
	for i := range ps {
		if def {
			ps[i].Confidence = ConfidenceLow
		}
	}
	return ps
}
