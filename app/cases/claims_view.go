package cases

import (
	"context"
	"encoding/json"
	"time"

	"leaveguard/leave"
	"leaveguard/payroll"
	"leaveguard/store"
)

// Claim is an allowance claim as the API shows it: the computed allowance
// (payroll.AllowanceResult, with every parameter and its source) beside the
// claim's event, status, deadline and reconciliation.
type Claim struct {
	ID            string            `json:"id"`
	EmployeeID    string            `json:"employee_id"`
	Event         payroll.EventKind `json:"event"`
	BirthID       *string           `json:"birth_id"`
	MiscarriageID *string           `json:"miscarriage_id"`
	EventDate     leave.Date        `json:"event_date"`
	LeaveStart    leave.Date        `json:"leave_start"`
	AllowanceEnd  leave.Date        `json:"allowance_end"` // last day the allowance pays for
	Status        string            `json:"status"`
	StatusLabel   string            `json:"status_label"`
	payroll.AllowanceResult
	SubmittedOn    *leave.Date        `json:"submitted_on"`
	DecisionDue    *leave.Date        `json:"decision_due"`
	Overdue        bool               `json:"overdue"`
	DecidedOn      *leave.Date        `json:"decided_on"`
	RejectReason   string             `json:"reject_reason,omitempty"`
	PaidFen        *int64             `json:"paid_fen"`
	PaidOn         *leave.Date        `json:"paid_on"`
	DifferenceFen  *int64             `json:"difference_fen"`
	Reconciliation *Reconciliation    `json:"reconciliation"`
	CreatedAt      time.Time          `json:"created_at"`
	UpdatedAt      time.Time          `json:"updated_at"`
	History        []store.Transition `json:"history,omitempty"`
}

// claimOf builds the view of a stored claim; overdue is judged on today.
func claimOf(r store.AllowanceClaim, today leave.Date) Claim {
	c := Claim{ID: r.ID, EmployeeID: r.EmployeeID, Event: payroll.EventBirth, BirthID: r.BirthID,
		MiscarriageID: r.MiscarriageID, EventDate: r.EventDate, LeaveStart: r.LeaveStart,
		AllowanceEnd: r.LeaveStart.AddDays(r.PaidDays - 1), Status: r.Status, StatusLabel: statusLabels[r.Status],
		SubmittedOn: r.SubmittedOn, DecisionDue: r.DecisionDue, DecidedOn: r.DecidedOn, RejectReason: r.RejectReason,
		PaidFen: r.PaidFen, PaidOn: r.PaidOn, DifferenceFen: r.DifferenceFen,
		Reconciliation: reconcile(r.AmountFen, r.PaidFen), CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
	if r.MiscarriageID != nil {
		c.Event = payroll.EventMiscarriage
	}
	_ = json.Unmarshal(r.Result, &c.AllowanceResult)
	c.Overdue = r.Status == StatusSubmitted && r.DecisionDue != nil && r.DecisionDue.Before(today)
	return c
}

// Claim loads one claim with its history, auditing the read.
func (c *Cases) Claim(ctx context.Context, tenant string, who store.Who, id string) (Claim, error) {
	r, history, err := filingRead(ctx, c, claimKind, tenant, who, id, func(_ *store.Tx, r store.AllowanceClaim) (map[string]any, error) {
		return map[string]any{"employee_id": r.EmployeeID}, nil
	})
	if err != nil {
		return Claim{}, err
	}
	out := claimOf(r, c.Today())
	out.History = history
	return out, nil
}

// Claims lists claims matching f in creation order, auditing the read.
func (c *Cases) Claims(ctx context.Context, tenant string, who store.Who, f store.ClaimFilter) ([]Claim, error) {
	rows, err := filingList(ctx, c, claimKind, tenant, who, func(tx *store.Tx) ([]store.AllowanceClaim, error) {
		return tx.Claims(ctx, tenant, f)
	}, map[string]any{"employee_id": f.EmployeeID, "status": f.Status})
	if err != nil {
		return nil, err
	}
	today := c.Today()
	out := make([]Claim, len(rows))
	for i, r := range rows {
		out[i] = claimOf(r, today)
	}
	return out, nil
}

// OverdueClaims lists submitted claims whose decision deadline has passed
// as of today (rules.md §3: the bureau decides within 10 working days).
func (c *Cases) OverdueClaims(ctx context.Context, tenant string, who store.Who, f store.ClaimFilter) ([]Claim, leave.Date, error) {
	today := c.Today()
	f.OverdueOn, f.Status = today, StatusSubmitted
	items, err := c.Claims(ctx, tenant, who, f)
	return items, today, err
}
