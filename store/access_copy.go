package store

import (
	"context"
	"fmt"
	"time"
)

// WageCutAttempt is a wage cut refused (or let through by an override)
// during a protected period.
type WageCutAttempt struct {
	ID         string    `db:"id" json:"id"`
	OldWageFen int64     `db:"old_wage_fen" json:"old_wage_fen"`
	NewWageFen int64     `db:"new_wage_fen" json:"new_wage_fen"`
	Source     string    `db:"source" json:"source"`
	Overridden bool      `db:"overridden" json:"overridden"`
	Reason     string    `db:"reason" json:"reason"`
	CreatedAt  time.Time `db:"created_at" json:"created_at"`
	CreatedBy  string    `db:"created_by" json:"created_by"`
}

// WageCutAttempts lists one employee's refused (or overridden) wage cuts,
// oldest first.
func (t *Tx) WageCutAttempts(ctx context.Context, tenant, employeeID string) ([]WageCutAttempt, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT id, old_wage_fen, new_wage_fen, source, overridden, reason, created_at, created_by
		FROM wage_violation_attempts WHERE tenant_id = $1 AND employee_id = $2
		ORDER BY created_at, id`
	var out []WageCutAttempt
	if err := t.tx.SelectContext(ctx, &out, q, tenant, employeeID); err != nil {
		return nil, fmt.Errorf("store: wage cut attempts: %w", err)
	}
	return out, nil
}

// WageChanges lists every wage change announced for one employee (pending,
// applied or refused), in the order they take effect.
func (t *Tx) WageChanges(ctx context.Context, tenant, employeeID string) ([]ScheduledWage, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	q := `SELECT ` + scheduledWageCols + ` FROM scheduled_wage_changes
		WHERE tenant_id = $1 AND employee_id = $2
		ORDER BY effective_date, created_at, id`
	var out []ScheduledWage
	if err := t.tx.SelectContext(ctx, &out, q, tenant, employeeID); err != nil {
		return nil, fmt.Errorf("store: wage changes: %w", err)
	}
	return out, nil
}

// AccessEntry is who read or changed an employee's record, and when: an
// audit row without its detail.
type AccessEntry struct {
	At        time.Time `db:"at" json:"at"`
	ActorType string    `db:"actor_type" json:"actor_type"`
	ActorID   string    `db:"actor_id" json:"actor_id"`
	Action    string    `db:"action" json:"action"`
}

// EmployeeAccessLog lists the audit rows whose object is one employee,
// oldest first, at most limit of the newest.
func (t *Tx) EmployeeAccessLog(ctx context.Context, tenant, employeeID string, limit int) ([]AccessEntry, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT at, actor_type, actor_id, action FROM (
			SELECT seq, at, actor_type, actor_id, action FROM audit_log
			WHERE tenant_id = $1 AND object_type = 'employee' AND object_id = $2
			ORDER BY seq DESC LIMIT $3) newest
		ORDER BY seq`
	var out []AccessEntry
	if err := t.tx.SelectContext(ctx, &out, q, tenant, employeeID, limit); err != nil {
		return nil, fmt.Errorf("store: employee access log: %w", err)
	}
	return out, nil
}
