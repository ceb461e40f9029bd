package cases

import (
	"context"
	"errors"
	"fmt"

	"leaveguard/payroll"
	"leaveguard/store"
)

// SubsidyInput is the body of POST /subsidy-applications.
type SubsidyInput struct {
	PeriodFrom *string `json:"period_from"`
	PeriodTo   *string `json:"period_to"`
}

// maxSubsidyMonths is the longest period one application covers.
const maxSubsidyMonths = 12

func (in SubsidyInput) parse() (from, to payroll.Month, err error) {
	f := Fields{}
	month := func(name string, s *string) payroll.Month {
		v := f.Text(name, s, true, 7)
		if v == "" {
			f[name] = "必填，格式 YYYY-MM"
			return payroll.Month{}
		}
		m, err := payroll.ParseMonth(v)
		if err != nil || m.Year() < 2000 || m.Year() > 2100 {
			f[name] = "月份无效，格式须为 YYYY-MM"
		}
		return m
	}
	from, to = month("period_from", in.PeriodFrom), month("period_to", in.PeriodTo)
	if len(f) == 0 {
		switch {
		case to.Before(from):
			f["period_to"] = "结束月份不能早于开始月份"
		case !to.Before(from.AddMonths(maxSubsidyMonths)):
			f["period_to"] = fmt.Sprintf("一次申报最多覆盖%d个月", maxSubsidyMonths)
		}
	}
	return from, to, f.Err()
}

const subsidyWhat = "社保补贴申报"

// CreateSubsidy computes a draft application for the months from..to from
// the approved leave in them. A month belongs to at most one active (not
// rejected) application: an identical or overlapping period is 409
// application_exists.
func (c *Cases) CreateSubsidy(ctx context.Context, tenant string, who store.Who, in SubsidyInput) (Subsidy, error) {
	from, to, err := in.parse()
	if err != nil {
		return Subsidy{}, err
	}
	var out Subsidy
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		if old, err := tx.SubsidyOverlap(ctx, tenant, from.First(), to.First()); err == nil {
			return subsidyExists(old)
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		res, lines, err := c.computeSubsidy(ctx, tx, tenant, from, to)
		if err != nil {
			return err
		}
		a := store.SubsidyApplication{PeriodFrom: from.First(), PeriodTo: to.First(), Lifecycle: store.Lifecycle{Status: StatusDraft},
			TotalClaimableFen: res.TotalClaimableFen, LineCount: len(lines), Result: subsidyDoc(res), CreatedBy: actor(who)}
		row, err := tx.CreateSubsidy(ctx, tenant, a)
		if store.ConflictOn(err, store.SubsidyMonthTaken) {
			return Fail(Conflict, "application_exists", "所选期间与已有的社保补贴申报重叠，同一月份只能申报一次")
		}
		if err != nil {
			return err
		}
		if err := tx.ReplaceSubsidyLines(ctx, tenant, row.ID, lines); err != nil {
			return err
		}
		out = Subsidy{SubsidySummary: subsidyOf(row), Lines: nonNilSlice(res.Lines)}
		return tx.Audit(ctx, tenant, who, "subsidy_application.create", "subsidy_application", row.ID,
			map[string]any{"period_from": from, "period_to": to, "lines": len(lines)})
	})
	return out, err
}

func subsidyExists(old store.SubsidyApplication) error {
	return Fail(Conflict, "application_exists", fmt.Sprintf(
		"所选期间与已有的社保补贴申报（%s 至 %s，%s）重叠，同一月份只能申报一次；如需重新申报，请先驳回原申报或重新计算草稿",
		payroll.MonthOf(old.PeriodFrom), payroll.MonthOf(old.PeriodTo), statusLabels[old.Status]))
}

// computeSubsidy loads the approved leave of the period (one query, with
// each employee's wage) and the tenant's rates and program, and computes
// the lines with payroll.SubsidyLines. A month whose year has no rates is
// 422 missing_rates naming the year.
func (c *Cases) computeSubsidy(ctx context.Context, tx *store.Tx, tenant string, from, to payroll.Month) (payroll.SubsidyResult, []store.SubsidyLine, error) {
	stored, err := tx.Settings(ctx, tenant)
	if err != nil {
		return payroll.SubsidyResult{}, nil, err
	}
	cfg, err := subsidyConfigFrom(stored)
	if err != nil {
		return payroll.SubsidyResult{}, nil, err
	}
	leaves, err := tx.PeriodLeave(ctx, tenant, from.First(), to.Last())
	if err != nil {
		return payroll.SubsidyResult{}, nil, err
	}
	var emps []payroll.SubsidyEmployee
	for _, l := range leaves {
		if n := len(emps); n == 0 || emps[n-1].EmployeeID != l.EmployeeID {
			emps = append(emps, payroll.SubsidyEmployee{EmployeeID: l.EmployeeID, WageFen: l.MonthlyWageFen})
		}
		e := &emps[len(emps)-1]
		e.Leave = append(e.Leave, c.leaveMonths(l.LeaveSpan, from, to)...)
	}
	res, err := payroll.SubsidyLines(payroll.SubsidyInput{Employees: emps, Rates: cfg.Rates, Program: cfg.Program})
	if err != nil {
		return payroll.SubsidyResult{}, nil, fromPayroll(err)
	}
	lines := make([]store.SubsidyLine, len(res.Lines))
	for i, l := range res.Lines {
		lines[i] = store.SubsidyLine{LineNo: i + 1, EmployeeID: l.EmployeeID, Month: l.Month.First(),
			LeaveType: string(l.LeaveType), LeaveDays: l.LeaveDays, DaysInMonth: l.DaysInMonth, WageFen: l.WageFen,
			BaseFen: l.BaseFen, EmployerRateBP: l.EmployerRateBP, RatioBP: l.RatioBP,
			EmployerContributionFen: l.EmployerContributionFen, ClaimableFen: l.ClaimableFen,
			Eligible: l.Eligible, Reasons: mustJSON(l.Reasons)}
	}
	return res, lines, nil
}

// subsidyDoc is what an application keeps of its computation besides the
// lines: the parameters used and the notes.
func subsidyDoc(res payroll.SubsidyResult) []byte {
	return mustJSON(map[string]any{"parameters": nonNilSlice(res.Parameters), "notes": nonNilSlice(res.Notes)})
}

func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
