package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"leaveguard/leave"
)

// Separation is one event of an employee's separation history: a recorded
// separation (离职) or its withdrawal (rehire). Rows are never rewritten.
type Separation struct {
	ID               string          `db:"id"`
	EmployeeID       string          `db:"employee_id"`
	Event            string          `db:"event"` // "recorded" or "withdrawn"
	LastDay          leave.Date      `db:"last_day"`
	Kind             string          `db:"kind"`
	Ground           string          `db:"ground"`
	DismissalCheckID *string         `db:"dismissal_check_id"`
	Overridden       bool            `db:"overridden"`
	OverrideReason   string          `db:"override_reason"`
	ReviewedBy       string          `db:"reviewed_by"`
	ReviewNote       string          `db:"review_note"`
	Findings         json.RawMessage `db:"findings"`
	CreatedAt        time.Time       `db:"created_at"`
	CreatedBy        string          `db:"created_by"`
}

const separationCols = `id, employee_id, event, last_day, kind, ground, dismissal_check_id, overridden,
	override_reason, reviewed_by, review_note, findings, created_at, created_by`

// AddSeparation stores a separation event and sets (recorded) or clears
// (withdrawn) the employee's separated_on to match.
func (t *Tx) AddSeparation(ctx context.Context, tenant string, s Separation) (Separation, error) {
	if err := t.check(tenant); err != nil {
		return Separation{}, err
	}
	const q = `
		INSERT INTO separations (tenant_id, employee_id, event, last_day, kind, ground, dismissal_check_id,
			overridden, override_reason, reviewed_by, review_note, findings, created_by)
		VALUES (:tenant_id, :employee_id, :event, :last_day, :kind, :ground, :dismissal_check_id,
			:overridden, :override_reason, :reviewed_by, :review_note, :findings, :created_by)
		RETURNING ` + separationCols
	args := map[string]any{"tenant_id": tenant, "employee_id": s.EmployeeID, "event": s.Event,
		"last_day": s.LastDay, "kind": s.Kind, "ground": s.Ground, "dismissal_check_id": s.DismissalCheckID,
		"overridden": s.Overridden, "override_reason": s.OverrideReason, "reviewed_by": s.ReviewedBy,
		"review_note": s.ReviewNote, "findings": []byte(s.Findings), "created_by": s.CreatedBy}
	out, err := namedOne[Separation](ctx, t, "add separation", q, args)
	if err != nil {
		return Separation{}, err
	}
	var on *leave.Date
	if s.Event == "recorded" {
		on = &s.LastDay
	}
	const u = `UPDATE employees SET separated_on = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`
	if _, err := t.tx.ExecContext(ctx, u, tenant, s.EmployeeID, on); err != nil {
		return Separation{}, fmt.Errorf("store: set separated_on: %w", mapErr(err))
	}
	return out, nil
}

// Separations lists an employee's separation history, oldest first.
func (t *Tx) Separations(ctx context.Context, tenant, employeeID string) ([]Separation, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	q := `SELECT ` + separationCols + ` FROM separations
		WHERE tenant_id = $1 AND employee_id = $2 ORDER BY created_at, id`
	out := []Separation{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, employeeID); err != nil {
		return nil, fmt.Errorf("store: separations: %w", mapErr(err))
	}
	return out, nil
}

// SeparationsInForce maps each employee of the tenant whose latest
// separation event is a recorded one (not withdrawn) to it.
func (t *Tx) SeparationsInForce(ctx context.Context, tenant string) (map[string]Separation, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	q := `SELECT DISTINCT ON (employee_id) ` + separationCols + ` FROM separations
		WHERE tenant_id = $1 ORDER BY employee_id, created_at DESC, id DESC`
	var rows []Separation
	if err := t.tx.SelectContext(ctx, &rows, q, tenant); err != nil {
		return nil, fmt.Errorf("store: separations in force: %w", mapErr(err))
	}
	out := map[string]Separation{}
	for _, s := range rows {
		if s.Event == "recorded" {
			out[s.EmployeeID] = s
		}
	}
	return out, nil
}
