package payroll

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
)

// LeaveDays is a number of leave days of one type taken in one month.
type LeaveDays struct {
	Month     Month     `json:"month"`
	LeaveType LeaveType `json:"leave_type"`
	Days      int       `json:"days"`
}

// SubsidyEmployee is one employee's part of a subsidy application: the
// monthly wage used as contribution base (before clamping) and the leave
// days per month by type (SplitByMonth turns calendar-day intervals into
// these).
type SubsidyEmployee struct {
	EmployeeID string      `json:"employee_id"`
	WageFen    int64       `json:"wage_fen"`
	Leave      []LeaveDays `json:"leave"`
}

// SubsidyInput is everything a subsidy application is computed from. Rates
// are keyed by year: a month uses its own year's rates.
type SubsidyInput struct {
	Employees []SubsidyEmployee `json:"employees"`
	Rates     map[int]YearRates `json:"rates"`
	Program   SubsidyProgram    `json:"program"`
}

// SubsidyLine is one employee-month-leave-type line of an application.
// EmployerContributionFen is the month's full employer contribution
// (rounded once, for display); ClaimableFen is computed from the exact
// contribution, not from the rounded one.
type SubsidyLine struct {
	EmployeeID              string    `json:"employee_id"`
	Month                   Month     `json:"month"`
	LeaveType               LeaveType `json:"leave_type"`
	LeaveDays               int       `json:"leave_days"`
	DaysInMonth             int       `json:"days_in_month"`
	WageFen                 int64     `json:"wage_fen"`
	BaseFen                 int64     `json:"base_fen"`
	EmployerRateBP          int64     `json:"employer_rate_bp"`
	RatioBP                 int64     `json:"ratio_bp"`
	EmployerContributionFen int64     `json:"employer_contribution_fen"`
	ClaimableFen            int64     `json:"claimable_fen"`
	Eligible                bool      `json:"eligible"`
	Reasons                 []Reason  `json:"reasons"`
}

// SubsidyResult is a computed application: its lines (employees in input
// order, each employee's months ascending, then leave type), the total
// claimable, the parameters used and notes (e.g. unconfirmed defaults).
type SubsidyResult struct {
	Lines             []SubsidyLine `json:"lines"`
	TotalClaimableFen int64         `json:"total_claimable_fen"`
	Parameters        []Param       `json:"parameters"`
	Notes             []Reason      `json:"notes"`
}

// SubsidyLines computes a social-insurance cost-subsidy application
// (rules.md §4). For each employee-month-leave-type:
//
//	base        = wage clamped to the year's floor and ceiling
//	contribution = base × Σ employer rates (exact)
//	claimable   = contribution × leave days ÷ days in month × ratio, rounded once
//
// Ineligible leave types give a line with claimable 0 and a reason. The
// program's per-employee cap applies over the whole application in line
// order: the line that crosses it is reduced, later lines are 0, each with a
// reason. Invalid input gives FieldErrors; a month whose year has no rates
// gives ErrMissingRates (both wrapped).
func SubsidyLines(in SubsidyInput) (SubsidyResult, error) {
	if fe := validateSubsidy(in); len(fe) > 0 {
		return SubsidyResult{}, fmt.Errorf("payroll: subsidy: %w", fe)
	}
	years, err := subsidyYears(in)
	if err != nil {
		return SubsidyResult{}, fmt.Errorf("payroll: subsidy: %w", err)
	}
	res := SubsidyResult{Notes: []Reason{}}
	for _, y := range years {
		r := in.Rates[y]
		res.Parameters = append(res.Parameters, rateParams(y, r)...)
		if !r.Confirmed {
			res.Notes = append(res.Notes, Reason{Code: "rates_unconfirmed",
				Message: fmt.Sprintf("%d年度缴费比例为%s，提交前请核对", y, SourceLocalNotice)})
		}
	}
	res.Parameters = append(res.Parameters, in.Program.params()...)
	if !in.Program.Confirmed {
		res.Notes = append(res.Notes, Reason{Code: "program_unconfirmed",
			Message: "补贴比例、上限和适用假期类型为默认值，请按当地通知设置", Basis: srcSubsidy})
	}
	res.Lines = make([]SubsidyLine, 0, len(in.Employees)*3)
	for i, e := range in.Employees {
		lines, err := employeeLines(e, in.Rates, in.Program)
		if err != nil {
			return SubsidyResult{}, fmt.Errorf("payroll: subsidy: employees[%d]: %w", i, err)
		}
		for _, l := range lines {
			if res.TotalClaimableFen, err = addFen(res.TotalClaimableFen, l.ClaimableFen); err != nil {
				return SubsidyResult{}, fmt.Errorf("payroll: subsidy: total: %w", err)
			}
		}
		res.Lines = append(res.Lines, lines...)
	}
	return res, nil
}

// subsidyYears returns the sorted years the input's months fall in, or
// ErrMissingRates for the first year without rates.
func subsidyYears(in SubsidyInput) ([]int, error) {
	seen := map[int]bool{}
	var years []int
	for _, e := range in.Employees {
		for _, l := range e.Leave {
			if y := l.Month.Year(); !seen[y] {
				seen[y] = true
				years = append(years, y)
			}
		}
	}
	sort.Ints(years)
	for _, y := range years {
		if _, ok := in.Rates[y]; !ok {
			return nil, ErrMissingRates{Year: y}
		}
	}
	return years, nil
}

// sortedLeave returns e's leave sorted by month then type, with entries of
// the same month and type merged.
func sortedLeave(ls []LeaveDays) []LeaveDays {
	out := slices.Clone(ls)
	slices.SortStableFunc(out, func(a, b LeaveDays) int {
		if c := a.Month.Compare(b.Month); c != 0 {
			return c
		}
		return cmp.Compare(a.LeaveType, b.LeaveType)
	})
	merged := out[:0]
	for _, l := range out {
		if n := len(merged); n > 0 && merged[n-1].Month == l.Month && merged[n-1].LeaveType == l.LeaveType {
			merged[n-1].Days += l.Days
			continue
		}
		merged = append(merged, l)
	}
	return merged
}
