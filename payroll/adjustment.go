package payroll

import (
	"cmp"
	"fmt"
	"slices"
)

// FeedFigures are the amounts of a feed line a payroll system acts on.
type FeedFigures struct {
	LeaveDays              []TypeDays `json:"leave_days"`
	AllowanceReplacedDays  int        `json:"allowance_replaced_days"`
	TopUpFen               int64      `json:"top_up_fen"`
	InfantCareDeductionFen int64      `json:"infant_care_deduction_fen"`
}

// Figures returns the line's amounts.
func (l FeedLine) Figures() FeedFigures {
	return FeedFigures{LeaveDays: slices.Clone(l.LeaveDays), AllowanceReplacedDays: l.AllowanceReplacedDays,
		TopUpFen: l.TopUpFen, InfantCareDeductionFen: l.InfantCareDeductionFen}
}

// Minus returns f − was: per leave type (types whose days did not change
// are left out, sorted by type) and per amount.
func (f FeedFigures) Minus(was FeedFigures) FeedFigures {
	days := map[LeaveType]int{}
	for _, t := range f.LeaveDays {
		days[t.LeaveType] += t.Days
	}
	for _, t := range was.LeaveDays {
		days[t.LeaveType] -= t.Days
	}
	out := FeedFigures{LeaveDays: []TypeDays{},
		AllowanceReplacedDays:  f.AllowanceReplacedDays - was.AllowanceReplacedDays,
		TopUpFen:               f.TopUpFen - was.TopUpFen,
		InfantCareDeductionFen: f.InfantCareDeductionFen - was.InfantCareDeductionFen}
	for t, d := range days {
		if d != 0 {
			out.LeaveDays = append(out.LeaveDays, TypeDays{t, d})
		}
	}
	slices.SortFunc(out.LeaveDays, func(a, b TypeDays) int { return cmp.Compare(a.LeaveType, b.LeaveType) })
	return out
}

// IsZero reports whether no amount is set (a difference: nothing changed).
func (f FeedFigures) IsZero() bool {
	for _, t := range f.LeaveDays {
		if t.Days != 0 {
			return false
		}
	}
	return f.AllowanceReplacedDays == 0 && f.TopUpFen == 0 && f.InfantCareDeductionFen == 0
}

// Adjustment is a line of an open month that corrects a closed month's
// line by the difference between what it said (with earlier adjustments)
// and what its facts say now. Its figures are differences and may be
// negative: payroll adds them to this month's pay.
func Adjustment(of FeedLine, was, now FeedFigures, in Month, revision int) FeedLine {
	d := now.Minus(was)
	l := FeedLine{
		LineID:     FeedLineID(of.EmployeeID, of.Month, fmt.Sprintf("%s/adjustment/%d", of.Version, revision)),
		EmployeeID: of.EmployeeID, Month: in, Version: of.Version, LeaveDays: d.LeaveDays,
		AllowanceReplacedDays: d.AllowanceReplacedDays, TopUpFen: d.TopUpFen, InfantCareDeductionFen: d.InfantCareDeductionFen,
		InfantCare: []ChildDeduction{}, Parameters: []Param{},
	}
	l.Reasons = []Reason{{Code: "closed_month_adjustment",
		Message: fmt.Sprintf("%s已结账，其后数据更正：差额（补差%s、津贴替代天数%+d天、婴幼儿照护扣除%s）计入本月",
			of.Month, yuan(d.TopUpFen), d.AllowanceReplacedDays, yuan(d.InfantCareDeductionFen)),
		Basis: basisWageKept}}
	return l
}
