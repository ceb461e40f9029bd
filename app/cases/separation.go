package cases

import (
	"context"
	"encoding/json"
	"time"

	"leaveguard/leave"
	"leaveguard/store"
)

// Separation is a recorded separation (离职) or its withdrawal, as the API
// shows it.
type Separation struct {
	ID               string     `json:"id"`
	EmployeeID       string     `json:"employee_id"`
	Event            string     `json:"event"`
	LastDay          leave.Date `json:"last_day"`
	Kind             string     `json:"kind"`
	Ground           string     `json:"ground"`
	DismissalCheckID *string    `json:"dismissal_check_id"`
	Overridden       bool       `json:"overridden"`
	ReviewedBy       string     `json:"reviewed_by,omitempty"`
	Findings         []Finding  `json:"findings"`
	CreatedAt        time.Time  `json:"created_at"`
}

func separationOf(r store.Separation) Separation {
	s := Separation{ID: r.ID, EmployeeID: r.EmployeeID, Event: r.Event, LastDay: r.LastDay, Kind: r.Kind,
		Ground: r.Ground, DismissalCheckID: r.DismissalCheckID, Overridden: r.Overridden,
		ReviewedBy: r.ReviewedBy, Findings: []Finding{}, CreatedAt: r.CreatedAt}
	_ = json.Unmarshal(r.Findings, &s.Findings)
	return s
}

// RecordSeparation records that employee id leaves with last working day
// in.LastDay: past the protection gate, her pending requests that reach past
// that day are closed and her approved leave after it is cancelled (with
// ledger reversals), all in one transaction with the audit row and the
// employee.separated event.
func (c *Cases) RecordSeparation(ctx context.Context, tenant string, who store.Who, id string, in SeparationInput) (Separation, error) {
	s, err := in.parse()
	if err != nil {
		return Separation{}, err
	}
	var out Separation
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		e, err := tx.EmployeeForUpdate(ctx, tenant, id)
		if err != nil {
			return err
		}
		if e.SeparatedOn != nil {
			return Fail(Conflict, "already_separated", "该员工已登记离职（最后工作日 "+e.SeparatedOn.String()+"），如需更改请先撤销")
		}
		if s.lastDay.Before(e.HiredOn) {
			return Fields{"last_day": "不能早于入职日期 " + e.HiredOn.String()}.Err()
		}
		pf, err := tx.ProtectionFacts(ctx, tenant, id, "")
		if err != nil {
			return err
		}
		findings, overridden, err := c.gate(ctx, tx, tenant, pf, s)
		if err != nil {
			return err
		}
		closed, err := c.closeLeaveAfter(ctx, tx, tenant, who, id, s.lastDay)
		if err != nil {
			return err
		}
		row := store.Separation{EmployeeID: id, Event: "recorded", LastDay: s.lastDay, Kind: s.kind, Ground: s.ground,
			Overridden: overridden, OverrideReason: s.override, ReviewedBy: s.reviewedBy, ReviewNote: s.reviewNote,
			Findings: mustJSON(append(findings, closed...)), CreatedBy: actor(who)}
		if s.checkID != "" {
			row.DismissalCheckID = &s.checkID
		}
		if row, err = tx.AddSeparation(ctx, tenant, row); err != nil {
			return err
		}
		out = separationOf(row)
		if err := tx.Emit(ctx, tenant, "employee.separated", separationEvent(out)); err != nil {
			return err
		}
		meta := map[string]any{"kind": s.kind, "last_day": s.lastDay, "overridden": overridden}
		if overridden {
			meta["override_reason"] = s.override
		}
		return tx.Audit(ctx, tenant, who, "employee.separate", "employee", id, meta)
	})
	return out, err
}

// WithdrawSeparation withdraws the employee's recorded separation (rehire or
// a mistake), as a new event: the history stays. Leave closed by the
// separation stays closed; new requests may be made again.
func (c *Cases) WithdrawSeparation(ctx context.Context, tenant string, who store.Who, id string) (Separation, error) {
	var out Separation
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		e, err := tx.EmployeeForUpdate(ctx, tenant, id)
		if err != nil {
			return err
		}
		if e.SeparatedOn == nil {
			return Fail(Conflict, "not_separated", "该员工没有登记离职，无需撤销")
		}
		if err := refuseAnonymised(e); err != nil {
			return err
		}
		hist, err := tx.Separations(ctx, tenant, id)
		if err != nil {
			return err
		}
		row := store.Separation{EmployeeID: id, Event: "withdrawn", LastDay: *e.SeparatedOn, Kind: "resignation",
			Findings: json.RawMessage(`[]`), CreatedBy: actor(who)}
		if n := len(hist); n > 0 {
			row.Kind, row.Ground = hist[n-1].Kind, hist[n-1].Ground
		}
		if row, err = tx.AddSeparation(ctx, tenant, row); err != nil {
			return err
		}
		out = separationOf(row)
		if err := tx.Emit(ctx, tenant, "employee.separation_withdrawn", separationEvent(out)); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "employee.separation_withdraw", "employee", id, map[string]any{"last_day": row.LastDay})
	})
	return out, err
}

// separationEvent is the payload of employee.separated and
// employee.separation_withdrawn: ids, dates and the kind, no personal data.
func separationEvent(s Separation) map[string]any {
	return map[string]any{"separation_id": s.ID, "employee_id": s.EmployeeID, "last_day": s.LastDay,
		"kind": s.Kind, "overridden": s.Overridden}
}
