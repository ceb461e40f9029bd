package cases

import (
	"context"

	"leaveguard/leave"
	"leaveguard/store"
)

// filingKind configures the one lifecycle that allowance claims and subsidy
// applications share (see lifecycle.go): how a row is loaded, saved and its
// history listed, its Chinese name in messages, its audit entity (also the
// prefix of its audit actions and of its .paid event) and that event's payload.
type filingKind[R any] struct {
	what     string
	entity   string
	load     func(tx *store.Tx, ctx context.Context, tenant, id string, forUpdate bool) (R, error)
	save     func(tx *store.Tx, ctx context.Context, tenant string, r R, tr store.Transition) (R, error)
	history  func(tx *store.Tx, ctx context.Context, tenant, id string) ([]store.Transition, error)
	id       func(r R) string
	life     func(r *R) *store.Lifecycle
	expected func(r R) int64 // the amount a payment is reconciled against
	paid     func(r R) map[string]any
	// submitAfter, when set, is the date a submission may not precede and its label.
	submitAfter func(r R) (*leave.Date, string)
}

var claimKind = filingKind[store.AllowanceClaim]{
	what: claimWhat, entity: "allowance_claim",
	load: (*store.Tx).Claim, save: (*store.Tx).SaveClaim, history: (*store.Tx).ClaimTransitions,
	id:       func(cl store.AllowanceClaim) string { return cl.ID },
	life:     func(cl *store.AllowanceClaim) *store.Lifecycle { return &cl.Lifecycle },
	expected: func(cl store.AllowanceClaim) int64 { return cl.AmountFen },
	paid:     claimEvent,
	submitAfter: func(cl store.AllowanceClaim) (*leave.Date, string) {
		return &cl.EventDate, "生育（流产）日期"
	},
}

var subsidyKind = filingKind[store.SubsidyApplication]{
	what: subsidyWhat, entity: "subsidy_application",
	load: (*store.Tx).Subsidy, save: (*store.Tx).SaveSubsidy, history: (*store.Tx).SubsidyTransitions,
	id:       func(a store.SubsidyApplication) string { return a.ID },
	life:     func(a *store.SubsidyApplication) *store.Lifecycle { return &a.Lifecycle },
	expected: func(a store.SubsidyApplication) int64 { return a.TotalClaimableFen },
	paid:     subsidyEvent,
}

// filingStep is one transition: it checks the action against the status,
// lets change fill in the new fields (and the history detail), saves, emits
// the .paid event on a pay (same transaction) and audits.
func filingStep[R any](ctx context.Context, c *Cases, k filingKind[R], tenant string, who store.Who, id, action string,
	change func(tx *store.Tx, r *R, tr *store.Transition) error) (R, error) {
	var out R
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		r, err := k.load(tx, ctx, tenant, id, true)
		if err != nil {
			return err
		}
		from := k.life(&r).Status
		if err := checkTransition(k.what, from, action); err != nil {
			return err
		}
		tr := store.Transition{Action: action, From: from, By: actor(who)}
		if err := change(tx, &r, &tr); err != nil {
			return err
		}
		if out, err = k.save(tx, ctx, tenant, r, tr); err != nil {
			return err
		}
		if action == "pay" {
			if err := tx.Emit(ctx, tenant, k.entity+".paid", k.paid(out)); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, tenant, who, k.entity+"."+action, k.entity, id,
			map[string]any{"from": from, "to": k.life(&out).Status})
	})
	return out, err
}

// filingSubmit records that a draft was filed (today or the back-filled
// submitted_on, never before the kind's submitAfter date); then, when set,
// adds what the kind derives from that date.
func filingSubmit[R any](ctx context.Context, c *Cases, k filingKind[R], tenant string, who store.Who, id string,
	in SubmitInput, then func(r *R, on leave.Date, tr *store.Transition) error) (R, error) {
	today := c.Today()
	return filingStep(ctx, c, k, tenant, who, id, "submit", func(_ *store.Tx, r *R, tr *store.Transition) error {
		var after *leave.Date
		var label string
		if k.submitAfter != nil {
			after, label = k.submitAfter(*r)
		}
		f := Fields{}
		on := pastDate(f, "submitted_on", in.SubmittedOn, false, today, after, label)
		if err := f.Err(); err != nil {
			return err
		}
		l := k.life(r)
		l.Status, l.SubmittedOn, tr.On = StatusSubmitted, &on, &on
		if then != nil {
			return then(r, on, tr)
		}
		return nil
	})
}

// filingDecide approves or rejects (action "approve" or "reject", with a
// reason) a submitted filing.
func filingDecide[R any](ctx context.Context, c *Cases, k filingKind[R], tenant string, who store.Who, id, action string,
	in DecideInput) (R, error) {
	today := c.Today()
	return filingStep(ctx, c, k, tenant, who, id, action, func(_ *store.Tx, r *R, tr *store.Transition) error {
		l := k.life(r)
		on, reason, err := decision(action, in, today, l.SubmittedOn)
		if err != nil {
			return err
		}
		l.Status = StatusApproved
		if action == "reject" {
			l.Status, l.RejectReason = StatusRejected, reason
		}
		l.DecidedOn, tr.On = &on, &on
		return nil
	})
}

// filingPay records the amount received and its date; a difference from the
// expected amount is kept as a reconciliation item.
func filingPay[R any](ctx context.Context, c *Cases, k filingKind[R], tenant string, who store.Who, id string,
	in PayInput) (R, error) {
	today := c.Today()
	return filingStep(ctx, c, k, tenant, who, id, "pay", func(_ *store.Tx, r *R, tr *store.Transition) error {
		l := k.life(r)
		on, paid, err := payment(in, today, l.DecidedOn)
		if err != nil {
			return err
		}
		diff := paid - k.expected(*r)
		l.Status, l.PaidFen, l.PaidOn, l.DifferenceFen = StatusPaid, &paid, &on, &diff
		tr.On, tr.Detail = &on, mustJSON(map[string]any{"difference_fen": diff})
		return nil
	})
}

// filingRead loads one filing and its history; more reads what else the
// view needs and returns the audit detail of the read.
func filingRead[R any](ctx context.Context, c *Cases, k filingKind[R], tenant string, who store.Who, id string,
	more func(tx *store.Tx, r R) (map[string]any, error)) (R, []store.Transition, error) {
	var r R
	var history []store.Transition
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		if r, err = k.load(tx, ctx, tenant, id, false); err != nil {
			return err
		}
		detail, err := more(tx, r)
		if err != nil {
			return err
		}
		if history, err = k.history(tx, ctx, tenant, id); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, k.entity+".read", k.entity, id, detail)
	})
	return r, history, err
}

// filingList lists filings and audits the read with the filter (extra).
func filingList[R any](ctx context.Context, c *Cases, k filingKind[R], tenant string, who store.Who,
	list func(tx *store.Tx) ([]R, error), extra map[string]any) ([]R, error) {
	var rows []R
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		if rows, err = list(tx); err != nil {
			return err
		}
		ids := make([]string, len(rows))
		for i, r := range rows {
			ids[i] = k.id(r)
		}
		return auditList(ctx, tx, tenant, who, k.entity+".list", k.entity, ids, extra)
	})
	return rows, err
}
