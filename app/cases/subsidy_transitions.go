package cases

import (
	"context"

	"leaveguard/payroll"
	"leaveguard/store"
)

// RecomputeSubsidy recomputes a draft application from the current
// approved leave, wages and settings, replacing its lines.
func (c *Cases) RecomputeSubsidy(ctx context.Context, tenant string, who store.Who, id string) (Subsidy, error) {
	var res payroll.SubsidyResult
	a, err := filingStep(ctx, c, subsidyKind, tenant, who, id, "recompute", func(tx *store.Tx, a *store.SubsidyApplication, tr *store.Transition) error {
		var lines []store.SubsidyLine
		var err error
		res, lines, err = c.computeSubsidy(ctx, tx, tenant, payroll.MonthOf(a.PeriodFrom), payroll.MonthOf(a.PeriodTo))
		if err != nil {
			return err
		}
		tr.Detail = mustJSON(map[string]any{"total_before": a.TotalClaimableFen, "total": res.TotalClaimableFen})
		a.TotalClaimableFen, a.LineCount, a.Result = res.TotalClaimableFen, len(lines), subsidyDoc(res)
		return tx.ReplaceSubsidyLines(ctx, tenant, a.ID, lines)
	})
	if err != nil {
		return Subsidy{}, err
	}
	return Subsidy{SubsidySummary: subsidyOf(a), Lines: nonNilSlice(res.Lines)}, nil
}

// SubmitSubsidy records that a draft application was filed (today or the
// back-filled submitted_on).
func (c *Cases) SubmitSubsidy(ctx context.Context, tenant string, who store.Who, id string, in SubmitInput) (SubsidySummary, error) {
	return subsidyResult(filingSubmit(ctx, c, subsidyKind, tenant, who, id, in, nil))
}

// DecideSubsidy approves or rejects (action "approve" or "reject", with a
// reason) a submitted application; a rejection frees its months.
func (c *Cases) DecideSubsidy(ctx context.Context, tenant string, who store.Who, id, action string, in DecideInput) (SubsidySummary, error) {
	return subsidyResult(filingDecide(ctx, c, subsidyKind, tenant, who, id, action, in))
}

// PaySubsidy records the subsidy received; a difference from the total
// claimable is a reconciliation item. subsidy_application.paid is emitted
// in the same transaction.
func (c *Cases) PaySubsidy(ctx context.Context, tenant string, who store.Who, id string, in PayInput) (SubsidySummary, error) {
	return subsidyResult(filingPay(ctx, c, subsidyKind, tenant, who, id, in))
}

// subsidyResult is the summary of an application a transition saved, or its
// error.
func subsidyResult(a store.SubsidyApplication, err error) (SubsidySummary, error) {
	if err != nil {
		return SubsidySummary{}, err
	}
	return subsidyOf(a), nil
}

// subsidyEvent is the subsidy_application.paid payload.
func subsidyEvent(a store.SubsidyApplication) map[string]any {
	return map[string]any{"application_id": a.ID, "period_from": payroll.MonthOf(a.PeriodFrom),
		"period_to": payroll.MonthOf(a.PeriodTo), "status": a.Status, "total_claimable_fen": a.TotalClaimableFen,
		"paid_fen": a.PaidFen, "difference_fen": a.DifferenceFen, "paid_on": a.PaidOn}
}
