package payroll

import (
	"fmt"
	"strconv"
)

// Reasons a subsidy line carries.
var (
	reasonAboveCeiling = Reason{Code: "wage_above_ceiling", Message: "工资高于当年缴费基数上限，按上限计算", Basis: srcBaseLimits}
	reasonBelowFloor   = Reason{Code: "wage_below_floor", Message: "工资低于当年缴费基数下限，按下限计算", Basis: srcBaseLimits}
	reasonIneligible   = Reason{Code: "ineligible_leave_type", Message: "该假期类型不在补贴范围内，不予申报", Basis: srcSubsidy}
)

// employeeLines computes one employee's lines and applies the cap.
func employeeLines(e SubsidyEmployee, rates map[int]YearRates, p SubsidyProgram) ([]SubsidyLine, error) {
	leave := sortedLeave(e.Leave)
	lines := make([]SubsidyLine, 0, len(leave))
	var claimed int64
	for _, l := range leave {
		r := rates[l.Month.Year()]
		line := SubsidyLine{
			EmployeeID: e.EmployeeID, Month: l.Month, LeaveType: l.LeaveType,
			LeaveDays: l.Days, DaysInMonth: l.Month.Days(), WageFen: e.WageFen,
			BaseFen: e.WageFen, EmployerRateBP: r.EmployerBP(), RatioBP: p.RatioBP,
			Eligible: p.eligible(l.LeaveType), Reasons: []Reason{},
		}
		switch {
		case line.BaseFen > r.BaseCeilingFen:
			line.BaseFen = r.BaseCeilingFen
			line.Reasons = append(line.Reasons, reasonAboveCeiling)
		case line.BaseFen < r.BaseFloorFen:
			line.BaseFen = r.BaseFloorFen
			line.Reasons = append(line.Reasons, reasonBelowFloor)
		}
		var err error
		line.EmployerContributionFen, err = mulDiv([]int64{line.BaseFen, line.EmployerRateBP}, []int64{BPScale})
		if err != nil {
			return nil, fmt.Errorf("%s %s: contribution: %w", l.Month, l.LeaveType, err)
		}
		if !line.Eligible {
			line.Reasons = append(line.Reasons, reasonIneligible)
			lines = append(lines, line)
			continue
		}
		line.ClaimableFen, err = mulDiv(
			[]int64{line.BaseFen, line.EmployerRateBP, int64(line.LeaveDays), line.RatioBP},
			[]int64{BPScale, int64(line.DaysInMonth), BPScale})
		if err != nil {
			return nil, fmt.Errorf("%s %s: claimable: %w", l.Month, l.LeaveType, err)
		}
		if c := p.PerEmployeeCapFen; c != nil && claimed+line.ClaimableFen > *c {
			left := *c - claimed
			line.Reasons = append(line.Reasons, capReason(*c, line.ClaimableFen, left))
			line.ClaimableFen = left
		}
		claimed += line.ClaimableFen
		lines = append(lines, line)
	}
	return lines, nil
}

// capReason explains a line reduced (or zeroed) by the per-employee cap.
func capReason(capFen, computed, left int64) Reason {
	if left == 0 {
		return Reason{Code: "cap_exhausted",
			Message: "该职工本次申报已达每人补贴上限" + yuan(capFen) + "，本行按0计（测算金额" + yuan(computed) + "）"}
	}
	return Reason{Code: "cap_reached",
		Message: "该职工本次申报达到每人补贴上限" + yuan(capFen) + "，本行由" + yuan(computed) + "减为" + yuan(left)}
}

// yuan formats fen as "1234.56元" for messages (never for computation).
func yuan(fen int64) string {
	b := make([]byte, 0, 24)
	u := uint64(fen)
	if fen < 0 {
		b, u = append(b, '-'), -u
	}
	b = strconv.AppendUint(b, u/100, 10)
	c := u % 100
	b = append(b, '.', byte('0'+c/10), byte('0'+c%10))
	return string(append(b, "元"...))
}

// validateSubsidy checks the program, every year's rates and every
// employee's entries; keys are JSON paths.
func validateSubsidy(in SubsidyInput) FieldErrors {
	fe := FieldErrors{}
	fe.merge("program.", ValidateSubsidyProgram(in.Program))
	for y, r := range in.Rates {
		fe.merge("rates."+strconv.Itoa(y)+".", ValidateYearRates(r))
	}
	for i, e := range in.Employees {
		validateSubsidyEmployee(fe, i, e)
	}
	return fe
}

// validateSubsidyEmployee adds employee i's field errors to fe; it builds
// field paths only when something is wrong.
func validateSubsidyEmployee(fe FieldErrors, i int, e SubsidyEmployee) {
	p := func(f string) string { return fmt.Sprintf("employees[%d].%s", i, f) }
	if e.EmployeeID == "" {
		fe.add(p("employee_id"), "请填写职工编号")
	}
	if e.WageFen < 0 {
		fe.add(p("wage_fen"), "工资不能为负")
	}
	for j, l := range e.Leave {
		q := func(f string) string { return p(fmt.Sprintf("leave[%d].%s", j, f)) }
		switch {
		case l.Month.IsZero():
			fe.add(q("month"), "请填写月份（YYYY-MM）")
		case l.Days <= 0 || l.Days > l.Month.Days():
			fe.add(q("days"), fmt.Sprintf("假期天数必须在1到%d之间", l.Month.Days()))
		case l.LeaveType == "":
			fe.add(q("leave_type"), "请填写假期类型")
		default:
			sum := 0
			for _, o := range e.Leave[:j+1] {
				if o.Month == l.Month && o.Days > 0 {
					sum += o.Days
				}
			}
			if sum > l.Month.Days() {
				fe.add(q("days"), fmt.Sprintf("%s各类假期合计超过当月天数%d", l.Month, l.Month.Days()))
			}
		}
	}
}
