package cases

import (
	"context"
	"encoding/json"

	"leaveguard/leave"
	"leaveguard/store"
)

// Correction is what a corrected fact changed beyond the fact itself: the
// ledger entries posted, the approved leave moved to its new bucket or
// flagged for HR, and the allowance claims recomputed or flagged.
type Correction struct {
	Ledger       []leave.Entry   `json:"ledger"`
	Moved        []leave.Moved   `json:"moved_requests"`
	Flagged      []leave.Flagged `json:"flagged_requests"`
	Recomputed   []string        `json:"recomputed_claims"`
	NeedAmending []ClaimAmend    `json:"claims_needing_amendment"`
}

// ClaimAmend is a submitted, approved or paid claim whose amount the
// corrected facts change: it keeps its figures until HR files an amendment.
type ClaimAmend struct {
	ClaimID       string `json:"claim_id"`
	Status        string `json:"status"`
	AmountFen     int64  `json:"amount_fen"`
	CorrectedFen  int64  `json:"corrected_amount_fen"`
	DifferenceFen int64  `json:"difference_fen"`
}

// rebook posts the consequences of a corrected fact of employeeID (already
// written in tx): the leave engine's Rebook (withdrawn and new credits,
// approved leave moved or flagged), as of today. fresh are the
// entitlements the corrected event grants (as recording it credits them).
func (c *Cases) rebook(ctx context.Context, tx *store.Tx, tenant, employeeID string, fresh func(Subject) ([]leave.Item, error)) (Correction, error) {
	s, err := c.load(ctx, tx, tenant, employeeID, false)
	if err != nil {
		return Correction{}, err
	}
	items, err := fresh(s)
	if err != nil {
		return Correction{}, err
	}
	rb, err := leave.Rebook(s.Facts, s.Rules, s.books(c.Calendar), c.Today(), items)
	if err != nil {
		return Correction{}, fromDomain(err)
	}
	if err := tx.AppendLedger(ctx, tenant, employeeID, rb.Entries...); err != nil {
		return Correction{}, err
	}
	for _, m := range rb.Moved {
		if err := tx.MoveLeaveRequest(ctx, tenant, m.RequestID, m.Decision.Bucket, m.Decision.End, mustJSON(m.Decision)); err != nil {
			return Correction{}, err
		}
	}
	for _, f := range rb.Flagged {
		if err := tx.FlagLeaveRequest(ctx, tenant, f.RequestID, f.Message); err != nil {
			return Correction{}, err
		}
	}
	return Correction{Ledger: append([]leave.Entry{}, rb.Entries...), Moved: append([]leave.Moved{}, rb.Moved...),
		Flagged: append([]leave.Flagged{}, rb.Flagged...), Recomputed: []string{}, NeedAmending: []ClaimAmend{}}, nil
}

// birthCredits are the entitlements a birth on day grants, as RecordBirth
// credits them.
func (c *Cases) birthCredits(day leave.Date) func(Subject) ([]leave.Item, error) {
	return c.creditsOn(day, leave.LeaveMaternity, leave.LeaveSpousalNursing, leave.LeaveParental)
}

// creditsOn are the entitlements of types on day, as postCredits credits
// them when an event of that day is recorded.
func (c *Cases) creditsOn(day leave.Date, types ...leave.LeaveType) func(Subject) ([]leave.Item, error) {
	return func(s Subject) ([]leave.Item, error) {
		all, err := leave.Entitlements(s.Facts, s.Rules, s.books(c.Calendar), day)
		if err != nil {
			return nil, fromDomain(err)
		}
		var out []leave.Item
		for _, it := range all {
			if typeIn(it.LeaveType, types) && it.Entitled > 0 {
				out = append(out, it)
			}
		}
		return out, nil
	}
}

// followClaims brings the claims of a corrected birth (or, birthID empty,
// miscarriage) along: a draft is recomputed; a submitted, approved or paid
// claim whose amount changes is flagged as needing an amendment (its
// history says by how much), never rewritten. cause is the correction's
// event type.
func (c *Cases) followClaims(ctx context.Context, tx *store.Tx, tenant, birthID, miscarriageID, cause string, who store.Who, out *Correction) error {
	var claims []store.AllowanceClaim
	var err error
	if birthID != "" {
		claims, err = tx.ClaimsOfBirth(ctx, tenant, birthID)
	} else {
		claims, err = tx.ClaimsOfMiscarriage(ctx, tenant, miscarriageID)
	}
	if err != nil {
		return err
	}
	for _, old := range claims {
		row, err := computeClaim(ctx, tx, tenant, birthID, miscarriageID)
		if err != nil {
			return err
		}
		if old.Status == StatusDraft {
			row.ID, row.Status = old.ID, old.Status
			detail := mustJSON(map[string]any{"amount_fen_before": old.AmountFen, "amount_fen": row.AmountFen, "cause": cause})
			if _, err := tx.SaveClaim(ctx, tenant, row, store.Transition{Action: "recompute", From: old.Status, Detail: detail, By: actor(who)}); err != nil {
				return err
			}
			out.Recomputed = append(out.Recomputed, old.ID)
			continue
		}
		if row.AmountFen == old.AmountFen {
			continue
		}
		a := ClaimAmend{ClaimID: old.ID, Status: old.Status, AmountFen: old.AmountFen, CorrectedFen: row.AmountFen,
			DifferenceFen: row.AmountFen - old.AmountFen}
		detail, _ := json.Marshal(a)
		tr := store.Transition{Action: "amendment_needed", From: old.Status, Detail: detail, By: actor(who)}
		if _, err := tx.SaveClaim(ctx, tenant, old, tr); err != nil {
			return err
		}
		if err := tx.Emit(ctx, tenant, "allowance_claim.amendment_needed", a); err != nil {
			return err
		}
		out.NeedAmending = append(out.NeedAmending, a)
	}
	return nil
}
