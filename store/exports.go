package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"leaveguard/leave"
)

// OpenSnapshot begins a read-only REPEATABLE READ transaction of tenant for
// a caller that keeps it open across calls (an export streamed to the
// client reads every section from one snapshot); done ends it.
func (s *Store) OpenSnapshot(ctx context.Context, tenant string) (tx *Tx, done func(), err error) {
	sx, err := s.db.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead})
	if err != nil {
		return nil, nil, fmt.Errorf("store: begin snapshot: %w", err)
	}
	t, err := s.bind(ctx, sx, tenant, false)
	if err != nil {
		_ = sx.Rollback()
		return nil, nil, err
	}
	return t, func() { _ = sx.Rollback() }, nil
}

// each runs q and calls fn with each row scanned into a T as it is read
// from the connection: memory stays constant whatever the number of rows.
func each[T any](ctx context.Context, t *Tx, what, q string, fn func(T) error, args ...any) error {
	rows, err := t.tx.QueryxContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("store: %s: %w", what, mapErr(err))
	}
	defer rows.Close()
	for rows.Next() {
		var v T
		if err := rows.StructScan(&v); err != nil {
			return fmt.Errorf("store: scan %s: %w", what, err)
		}
		if err := fn(v); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: %s: %w", what, mapErr(err))
	}
	return nil
}

// EachProtectionCandidate calls fn with the protection facts of every
// female employee with a recorded pregnancy, birth or miscarriage, by name.
func (t *Tx) EachProtectionCandidate(ctx context.Context, tenant string, fn func(ProtectionFacts) error) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = protectionFactsQuery + ` WHERE e.tenant_id = $1 AND e.gender = 'female' AND (
		EXISTS (SELECT 1 FROM pregnancies p WHERE p.tenant_id = e.tenant_id AND p.employee_id = e.id) OR
		EXISTS (SELECT 1 FROM births b WHERE b.tenant_id = e.tenant_id AND b.employee_id = e.id) OR
		EXISTS (SELECT 1 FROM miscarriages m WHERE m.tenant_id = e.tenant_id AND m.employee_id = e.id))
		ORDER BY e.name COLLATE "C", e.id`
	return each(ctx, t, "protection candidates", q, fn, tenant)
}

// ExportLeave is an approved leave request with its employee, the
// entitlement of its bucket and the days approved in that bucket in all.
type ExportLeave struct {
	EmployeeID   string     `db:"employee_id"`
	IDMasked     string     `db:"national_id_masked"`
	Bucket       string     `db:"bucket"`
	EmployeeName string     `db:"name"`
	ExternalID   string     `db:"external_id"`
	LeaveType    string     `db:"leave_type"`
	Start        leave.Date `db:"start_date"`
	End          leave.Date `db:"end_date"`
	Days         int        `db:"days"`
	Unit         string     `db:"unit"`
	Entitled     int        `db:"entitled"`
	BucketDays   int        `db:"bucket_days"`
}

// EachExportLeave calls fn with every approved leave overlapping from..to,
// by start date.
func (t *Tx) EachExportLeave(ctx context.Context, tenant string, from, to leave.Date, fn func(ExportLeave) error) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `
		WITH approved AS (
			SELECT l.tenant_id, l.id, l.employee_id, l.bucket, l.leave_type, l.start_date, l.end_date, l.days, l.unit,
				COALESCE((l.decision->>'entitled')::int, 0) AS entitled,
				sum(l.days) OVER (PARTITION BY l.employee_id, l.bucket) AS bucket_days
			FROM leave_requests l WHERE l.tenant_id = $1 AND l.status = 'approved')
		SELECT a.employee_id, e.national_id_masked, a.bucket, e.name, e.external_id, a.leave_type, a.start_date, a.end_date, a.days, a.unit, a.entitled, a.bucket_days
		FROM approved a JOIN employees e ON e.tenant_id = a.tenant_id AND e.id = a.employee_id
		WHERE a.tenant_id = $1 AND a.end_date >= $2 AND a.start_date <= $3
		ORDER BY a.start_date, e.name COLLATE "C", a.id`
	return each(ctx, t, "export leaves", q, fn, tenant, from, to)
}

// ExportDismissal is a dismissal check with its employee and main reason.
type ExportDismissal struct {
	ID             string      `db:"id"`
	EmployeeID     string      `db:"employee_id"`
	IDMasked       string      `db:"national_id_masked"`
	CheckedAt      time.Time   `db:"created_at"`
	EmployeeName   string      `db:"name"`
	ExternalID     string      `db:"external_id"`
	Action         string      `db:"action"`
	Ground         string      `db:"ground"`
	EffectiveDate  leave.Date  `db:"effective_date"`
	Verdict        string      `db:"verdict"`
	ProtectedUntil *leave.Date `db:"protected_until"`
	Reason         string      `db:"reason"`
}

// exportDismissalsSQL reads the dismissal checks made in [$2, $3).
const exportDismissalsSQL = `
	SELECT d.id, d.employee_id, e.national_id_masked, d.created_at, e.name, e.external_id, d.action, d.ground, d.effective_date, d.verdict,
		d.protected_until, COALESCE(d.result #>> '{reasons,0,message}', '') AS reason
	FROM dismissal_checks d JOIN employees e ON e.tenant_id = d.tenant_id AND e.id = d.employee_id
	WHERE d.tenant_id = $1 AND d.created_at >= $2 AND d.created_at < $3
	ORDER BY d.created_at, d.id`

// ExportDismissalsSQL is the statement EachExportDismissal runs, for the
// benchmark that compares the export with PostgreSQL's own COPY of it.
func ExportDismissalsSQL() string { return exportDismissalsSQL }

// EachExportDismissal calls fn with every dismissal check made in
// [from, until), oldest first.
func (t *Tx) EachExportDismissal(ctx context.Context, tenant string, from, until time.Time, fn func(ExportDismissal) error) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = exportDismissalsSQL
	return each(ctx, t, "export dismissal checks", q, fn, tenant, from, until)
}

// ActorName is the name of the portal user behind an audit actor
// ("user:<id>"), or "" for any other actor or a user without a name.
func (t *Tx) ActorName(ctx context.Context, tenant, actorType, actorID string) (string, error) {
	if err := t.check(tenant); err != nil {
		return "", err
	}
	if actorType != "user" {
		return "", nil
	}
	const q = `SELECT name FROM users WHERE tenant_id = $1 AND id::text = $2`
	var name string
	err := t.tx.GetContext(ctx, &name, q, tenant, actorID)
	if err != nil && !errors.Is(mapErr(err), ErrNotFound) {
		return "", fmt.Errorf("store: actor name: %w", err)
	}
	return name, nil
}
