package cases

import (
	"context"

	"leaveguard/payroll"
	"leaveguard/store"
)

// subsidyStep is one transition of an application, like claimStep.
func (c *Cases) subsidyStep(ctx context.Context, tenant string, who store.Who, id, action, event string,
	change func(tx *store.Tx, a *store.SubsidyApplication, tr *store.Transition) error) (SubsidySummary, error) {
	var out SubsidySummary
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		a, err := tx.Subsidy(ctx, tenant, id, true)
		if err != nil {
			return err
		}
		if err := checkTransition(subsidyWhat, a.Status, action); err != nil {
			return err
		}
		tr := store.Transition{Action: action, From: a.Status, By: actor(who)}
		if err := change(tx, &a, &tr); err != nil {
			return err
		}
		row, err := tx.SaveSubsidy(ctx, tenant, a, tr)
		if err != nil {
			return err
		}
		out = subsidyOf(row)
		if event != "" {
			if err := tx.Emit(ctx, tenant, event, subsidyEvent(row)); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, tenant, who, "subsidy_application."+action, "subsidy_application", id,
			map[string]any{"from": tr.From, "to": row.Status})
	})
	return out, err
}

// RecomputeSubsidy recomputes a draft application from the current
// approved leave, wages and settings, replacing its lines.
func (c *Cases) RecomputeSubsidy(ctx context.Context, tenant string, who store.Who, id string) (Subsidy, error) {
	var res payroll.SubsidyResult
	sum, err := c.subsidyStep(ctx, tenant, who, id, "recompute", "", func(tx *store.Tx, a *store.SubsidyApplication, tr *store.Transition) error {
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
	return Subsidy{SubsidySummary: sum, Lines: nonNilSlice(res.Lines)}, nil
}

// SubmitSubsidy records that a draft application was filed (today or the
// back-filled submitted_on).
func (c *Cases) SubmitSubsidy(ctx context.Context, tenant string, who store.Who, id string, in SubmitInput) (SubsidySummary, error) {
	today := c.Today()
	return c.subsidyStep(ctx, tenant, who, id, "submit", "", func(_ *store.Tx, a *store.SubsidyApplication, tr *store.Transition) error {
		f := Fields{}
		on := pastDate(f, "submitted_on", in.SubmittedOn, false, today, nil, "")
		if err := f.Err(); err != nil {
			return err
		}
		a.Status, a.SubmittedOn, tr.On = StatusSubmitted, &on, &on
		return nil
	})
}

// DecideSubsidy approves or rejects (action "approve" or "reject", with a
// reason) a submitted application; a rejection frees its months.
func (c *Cases) DecideSubsidy(ctx context.Context, tenant string, who store.Who, id, action string, in DecideInput) (SubsidySummary, error) {
	today := c.Today()
	return c.subsidyStep(ctx, tenant, who, id, action, "", func(_ *store.Tx, a *store.SubsidyApplication, tr *store.Transition) error {
		on, reason, err := decision(action, in, today, a.SubmittedOn)
		if err != nil {
			return err
		}
		a.Status = StatusApproved
		if action == "reject" {
			a.Status, a.RejectReason = StatusRejected, reason
		}
		a.DecidedOn, tr.On = &on, &on
		return nil
	})
}

// PaySubsidy records the subsidy received; a difference from the total
// claimable is a reconciliation item. subsidy_application.paid is emitted
// in the same transaction.
func (c *Cases) PaySubsidy(ctx context.Context, tenant string, who store.Who, id string, in PayInput) (SubsidySummary, error) {
	today := c.Today()
	return c.subsidyStep(ctx, tenant, who, id, "pay", "subsidy_application.paid", func(_ *store.Tx, a *store.SubsidyApplication, tr *store.Transition) error {
		on, paid, err := payment(in, today, a.DecidedOn)
		if err != nil {
			return err
		}
		diff := paid - a.TotalClaimableFen
		a.Status, a.PaidFen, a.PaidOn, a.DifferenceFen = StatusPaid, &paid, &on, &diff
		tr.On, tr.Detail = &on, mustJSON(map[string]any{"difference_fen": diff})
		return nil
	})
}

// subsidyEvent is the subsidy_application.paid payload.
func subsidyEvent(a store.SubsidyApplication) map[string]any {
	return map[string]any{"application_id": a.ID, "period_from": payroll.MonthOf(a.PeriodFrom),
		"period_to": payroll.MonthOf(a.PeriodTo), "status": a.Status, "total_claimable_fen": a.TotalClaimableFen,
		"paid_fen": a.PaidFen, "difference_fen": a.DifferenceFen, "paid_on": a.PaidOn}
}
