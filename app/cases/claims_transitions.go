package cases

import (
	"context"

	"leaveguard/store"
)

// decisionWorkingDays is the bureau's deadline to decide a complete claim
// (社会保险经办条例 第二十条): 10 working days.
const decisionWorkingDays = 10

// claimStep is one transition of a claim: it checks the action against the
// status, lets change fill in the new fields (and the history detail), saves,
// emits when event is set (same transaction) and audits.
func (c *Cases) claimStep(ctx context.Context, tenant string, who store.Who, id, action, event string,
	change func(cl *store.AllowanceClaim, tr *store.Transition) error) (Claim, error) {
	var out store.AllowanceClaim
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		cl, err := tx.Claim(ctx, tenant, id, true)
		if err != nil {
			return err
		}
		if err := checkTransition(claimWhat, cl.Status, action); err != nil {
			return err
		}
		tr := store.Transition{Action: action, From: cl.Status, By: actor(who)}
		if err := change(&cl, &tr); err != nil {
			return err
		}
		if out, err = tx.SaveClaim(ctx, tenant, cl, tr); err != nil {
			return err
		}
		if event != "" {
			if err := tx.Emit(ctx, tenant, event, claimEvent(out)); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, tenant, who, "allowance_claim."+action, "allowance_claim", id,
			map[string]any{"from": tr.From, "to": out.Status})
	})
	if err != nil {
		return Claim{}, err
	}
	return claimOf(out, c.Today()), nil
}

// SubmitClaim records that a draft claim was filed with the bureau (today,
// or the back-filled submitted_on) and its decision deadline: 10 working
// days after that date on the official holiday calendar.
func (c *Cases) SubmitClaim(ctx context.Context, tenant string, who store.Who, id string, in SubmitInput) (Claim, error) {
	today := c.Today()
	return c.claimStep(ctx, tenant, who, id, "submit", "", func(cl *store.AllowanceClaim, tr *store.Transition) error {
		f := Fields{}
		on := pastDate(f, "submitted_on", in.SubmittedOn, false, today, &cl.EventDate, "生育（流产）日期")
		if err := f.Err(); err != nil {
			return err
		}
		span, err := c.Calendar.AddWorkingDays(on.AddDays(1), decisionWorkingDays)
		if err != nil {
			return fromDomain(err)
		}
		cl.Status, cl.SubmittedOn, cl.DecisionDue = StatusSubmitted, &on, &span.End
		tr.On, tr.Detail = &on, mustJSON(map[string]any{"decision_due": span.End, "calendar_note": span.Note})
		return nil
	})
}

// ApproveClaim records the bureau's approval.
func (c *Cases) ApproveClaim(ctx context.Context, tenant string, who store.Who, id string, in DecideInput) (Claim, error) {
	return c.decideClaim(ctx, tenant, who, id, "approve", in)
}

// RejectClaim records the bureau's rejection with its reason; the event may
// then be claimed again.
func (c *Cases) RejectClaim(ctx context.Context, tenant string, who store.Who, id string, in DecideInput) (Claim, error) {
	return c.decideClaim(ctx, tenant, who, id, "reject", in)
}

func (c *Cases) decideClaim(ctx context.Context, tenant string, who store.Who, id, action string, in DecideInput) (Claim, error) {
	today := c.Today()
	return c.claimStep(ctx, tenant, who, id, action, "", func(cl *store.AllowanceClaim, tr *store.Transition) error {
		on, reason, err := decision(action, in, today, cl.SubmittedOn)
		if err != nil {
			return err
		}
		cl.Status = StatusApproved
		if action == "reject" {
			cl.Status, cl.RejectReason = StatusRejected, reason
		}
		cl.DecidedOn, tr.On = &on, &on
		return nil
	})
}

// PayClaim records the amount received and its date; a difference from the
// computed amount is kept as a reconciliation item. allowance_claim.paid is
// emitted in the same transaction.
func (c *Cases) PayClaim(ctx context.Context, tenant string, who store.Who, id string, in PayInput) (Claim, error) {
	today := c.Today()
	return c.claimStep(ctx, tenant, who, id, "pay", "allowance_claim.paid", func(cl *store.AllowanceClaim, tr *store.Transition) error {
		on, paid, err := payment(in, today, cl.DecidedOn)
		if err != nil {
			return err
		}
		diff := paid - cl.AmountFen
		cl.Status, cl.PaidFen, cl.PaidOn, cl.DifferenceFen = StatusPaid, &paid, &on, &diff
		tr.On, tr.Detail = &on, mustJSON(map[string]any{"difference_fen": diff})
		return nil
	})
}

// claimEvent is the allowance_claim.paid payload: ids, dates and amounts.
func claimEvent(cl store.AllowanceClaim) map[string]any {
	return map[string]any{"claim_id": cl.ID, "employee_id": cl.EmployeeID, "status": cl.Status,
		"amount_fen": cl.AmountFen, "paid_fen": cl.PaidFen, "difference_fen": cl.DifferenceFen,
		"paid_on": cl.PaidOn, "payee": cl.Payee, "top_up_fen": cl.TopUpFen}
}
