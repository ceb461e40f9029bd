package store

import (
	"context"
	"fmt"
	"time"

	"leaveguard/leave"
)

// ScheduledWage is a wage change announced for a later day.
type ScheduledWage struct {
	ID            string     `db:"id" json:"id"`
	EmployeeID    string     `db:"employee_id" json:"employee_id"`
	NewWageFen    int64      `db:"new_wage_fen" json:"new_wage_fen"`
	EffectiveDate leave.Date `db:"effective_date" json:"effective_date"`
	Source        string     `db:"source" json:"source"`
	WebhookID     string     `db:"webhook_id" json:"webhook_id"`
	CreatedAt     time.Time  `db:"created_at" json:"created_at"`
	CreatedBy     string     `db:"created_by" json:"created_by"`
	Outcome       *string    `db:"outcome" json:"outcome"` // nil while pending, then "applied" or "refused"
	SettledAt     *time.Time `db:"settled_at" json:"settled_at"`
}

// Outcomes of a scheduled wage change.
const (
	WageApplied = "applied"
	WageRefused = "refused"
)

const scheduledWageCols = `id, employee_id, new_wage_fen, effective_date, source, webhook_id, created_at,
	created_by, outcome, settled_at`

// ScheduleWage stores a wage change to be applied on its effective date and
// returns its id.
func (t *Tx) ScheduleWage(ctx context.Context, tenant string, w ScheduledWage) (string, error) {
	if err := t.check(tenant); err != nil {
		return "", err
	}
	const q = `
		INSERT INTO scheduled_wage_changes (tenant_id, employee_id, new_wage_fen, effective_date, source,
			webhook_id, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`
	var id string
	if err := t.tx.GetContext(ctx, &id, q, tenant, w.EmployeeID, w.NewWageFen, w.EffectiveDate, w.Source,
		w.WebhookID, w.CreatedBy); err != nil {
		return "", fmt.Errorf("store: schedule wage: %w", mapErr(err))
	}
	return id, nil
}

// DueWages locks and returns the pending changes effective on or before
// day, in the order they take effect.
func (t *Tx) DueWages(ctx context.Context, tenant string, day leave.Date) ([]ScheduledWage, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	q := `SELECT ` + scheduledWageCols + ` FROM scheduled_wage_changes
		WHERE tenant_id = $1 AND outcome IS NULL AND effective_date <= $2
		ORDER BY effective_date, created_at, id FOR UPDATE`
	var out []ScheduledWage
	if err := t.tx.SelectContext(ctx, &out, q, tenant, day); err != nil {
		return nil, fmt.Errorf("store: due wages: %w", err)
	}
	return out, nil
}

// PendingWages lists an employee's changes not yet settled, in the order
// they take effect.
func (t *Tx) PendingWages(ctx context.Context, tenant, employeeID string) ([]ScheduledWage, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	q := `SELECT ` + scheduledWageCols + ` FROM scheduled_wage_changes
		WHERE tenant_id = $1 AND employee_id = $2 AND outcome IS NULL
		ORDER BY effective_date, created_at, id`
	var out []ScheduledWage
	if err := t.tx.SelectContext(ctx, &out, q, tenant, employeeID); err != nil {
		return nil, fmt.Errorf("store: pending wages: %w", err)
	}
	return out, nil
}

// SettleWage records what became of a scheduled change.
func (t *Tx) SettleWage(ctx context.Context, tenant, id, outcome string) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `UPDATE scheduled_wage_changes SET outcome = $3, settled_at = now()
		WHERE tenant_id = $1 AND id = $2 AND outcome IS NULL`
	res, err := t.tx.ExecContext(ctx, q, tenant, id, outcome)
	if err != nil {
		return fmt.Errorf("store: settle wage: %w", mapErr(err))
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("store: settle wage %s: %w", id, ErrNotFound)
	}
	return nil
}
