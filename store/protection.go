package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"leaveguard/leave"
)

// ProtectedCandidates loads the protection facts of every female employee
// with a recorded pregnancy, birth or miscarriage.
func (t *Tx) ProtectedCandidates(ctx context.Context, tenant string) ([]ProtectionFacts, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	// Starting from the (few) employees with events keeps the plan cheap:
	// per-employee EXISTS probes over every woman of a large tenant were
	// estimated costly enough to trigger JIT compilation (~60 ms).
	q := protectionFactsQuery + ` WHERE e.tenant_id = $1 AND e.gender = 'female' AND e.id IN (
		SELECT p.employee_id FROM pregnancies p WHERE p.tenant_id = $1 UNION
		SELECT b.employee_id FROM births b WHERE b.tenant_id = $1 UNION
		SELECT m.employee_id FROM miscarriages m WHERE m.tenant_id = $1)
		ORDER BY e.name, e.id`
	var out []ProtectionFacts
	if err := t.tx.SelectContext(ctx, &out, q, tenant); err != nil {
		return nil, fmt.Errorf("store: protected candidates: %w", err)
	}
	return out, nil
}

// RaiseNotice records that a notice of kind was raised for the employee's
// protected interval starting periodFrom, and emits eventType with payload,
// both only the first time; it reports whether this call raised it.
func (t *Tx) RaiseNotice(ctx context.Context, tenant, employeeID, kind string, periodFrom leave.Date, payload any) (bool, error) {
	if err := t.check(tenant); err != nil {
		return false, err
	}
	p, err := json.Marshal(payload)
	if err != nil {
		return false, fmt.Errorf("store: notice payload: %w", err)
	}
	// The next version is inserted only while no version of the notice
	// stands (a superseded one may be raised again when it is due again).
	const q = `
		WITH n AS (
			INSERT INTO protection_notices (tenant_id, employee_id, kind, period_from, version, detail)
			SELECT $1, $2, $3, $4, COALESCE(max(version), 0) + 1, $5 FROM protection_notices
			WHERE tenant_id = $1 AND employee_id = $2 AND kind = $3 AND period_from = $4
			HAVING bool_and(superseded_at IS NOT NULL) IS NOT FALSE
			ON CONFLICT DO NOTHING RETURNING 1
		)
		INSERT INTO outbox_events (tenant_id, type, payload) SELECT $1, $3, $5 FROM n`
	res, err := t.tx.ExecContext(ctx, q, tenant, employeeID, kind, periodFrom, p)
	if err != nil {
		return false, fmt.Errorf("store: raise notice: %w", mapErr(err))
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// ClaimTenantJob claims today's run of job for the tenant: it locks the
// tenant's job row with SKIP LOCKED (another instance working on it means
// false) and marks day done; the lock is held until the transaction ends.
func (t *Tx) ClaimTenantJob(ctx context.Context, tenant, job string, day leave.Date) (bool, error) {
	if err := t.check(tenant); err != nil {
		return false, err
	}
	const ins = `INSERT INTO tenant_jobs (tenant_id, job) VALUES ($1, $2) ON CONFLICT DO NOTHING`
	if _, err := t.tx.ExecContext(ctx, ins, tenant, job); err != nil {
		return false, fmt.Errorf("store: claim job: %w", err)
	}
	const q = `SELECT last_day FROM tenant_jobs WHERE tenant_id = $1 AND job = $2 FOR UPDATE SKIP LOCKED`
	var last *leave.Date
	err := t.tx.QueryRowxContext(ctx, q, tenant, job).Scan(&last)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: claim job: %w", err)
	}
	if last != nil && !last.Before(day) {
		return false, nil
	}
	const upd = `UPDATE tenant_jobs SET last_day = $3 WHERE tenant_id = $1 AND job = $2`
	if _, err := t.tx.ExecContext(ctx, upd, tenant, job, day); err != nil {
		return false, fmt.Errorf("store: claim job: %w", err)
	}
	return true, nil
}

// TenantIDs lists every tenant (for background jobs, before any tenant is set).
func (s *Store) TenantIDs(ctx context.Context) ([]string, error) {
	var out []string
	if err := s.db.SelectContext(ctx, &out, `SELECT tenant_ids()`); err != nil {
		return nil, fmt.Errorf("store: tenant ids: %w", err)
	}
	return out, nil
}

// RecordWageViolation stores a refused (or overridden) wage cut during a
// protected period.
func (t *Tx) RecordWageViolation(ctx context.Context, tenant, employeeID string, oldFen, newFen int64, source, by, reason string, overridden bool) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `
		INSERT INTO wage_violation_attempts (tenant_id, employee_id, old_wage_fen, new_wage_fen, source,
			overridden, reason, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`
	if _, err := t.tx.ExecContext(ctx, q, tenant, employeeID, oldFen, newFen, source, overridden, reason, by); err != nil {
		return fmt.Errorf("store: wage violation: %w", mapErr(err))
	}
	return nil
}
