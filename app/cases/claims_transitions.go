package cases

import (
	"context"

	"leaveguard/leave"
	"leaveguard/store"
)

// decisionWorkingDays is the bureau's deadline to decide a complete claim
// (社会保险经办条例 第二十条): 10 working days.
const decisionWorkingDays = 10

// SubmitClaim records that a draft claim was filed with the bureau (today,
// or the back-filled submitted_on) and its decision deadline: 10 working
// days after that date on the official holiday calendar.
func (c *Cases) SubmitClaim(ctx context.Context, tenant string, who store.Who, id string, in SubmitInput) (Claim, error) {
	return c.claimResult(filingSubmit(ctx, c, claimKind, tenant, who, id, in,
		func(cl *store.AllowanceClaim, on leave.Date, tr *store.Transition) error {
			span, err := c.Calendar.AddWorkingDays(on.AddDays(1), decisionWorkingDays)
			if err != nil {
				return fromDomain(err)
			}
			cl.DecisionDue = &span.End
			tr.Detail = mustJSON(map[string]any{"decision_due": span.End, "calendar_note": span.Note})
			return nil
		}))
}

// DecideClaim records the bureau's approval or (action "reject", with its
// reason) rejection; after a rejection the event may be claimed again.
func (c *Cases) DecideClaim(ctx context.Context, tenant string, who store.Who, id, action string, in DecideInput) (Claim, error) {
	return c.claimResult(filingDecide(ctx, c, claimKind, tenant, who, id, action, in))
}

// PayClaim records the amount received and its date; a difference from the
// computed amount is kept as a reconciliation item. allowance_claim.paid is
// emitted in the same transaction.
func (c *Cases) PayClaim(ctx context.Context, tenant string, who store.Who, id string, in PayInput) (Claim, error) {
	return c.claimResult(filingPay(ctx, c, claimKind, tenant, who, id, in))
}

// claimResult is the view of a claim a transition saved, or its error.
func (c *Cases) claimResult(cl store.AllowanceClaim, err error) (Claim, error) {
	if err != nil {
		return Claim{}, err
	}
	return claimOf(cl, c.Today()), nil
}

// claimEvent is the allowance_claim.paid payload: ids, dates and amounts.
func claimEvent(cl store.AllowanceClaim) map[string]any {
	return map[string]any{"claim_id": cl.ID, "employee_id": cl.EmployeeID, "status": cl.Status,
		"amount_fen": cl.AmountFen, "paid_fen": cl.PaidFen, "difference_fen": cl.DifferenceFen,
		"paid_on": cl.PaidOn, "payee": cl.Payee, "top_up_fen": cl.TopUpFen}
}
