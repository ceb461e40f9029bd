package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/lib/pq"
)

// FeedLineRow is an employee's published line of a month: what the feed
// said (frozen once the month is closed), the line as last computed, and
// its revision.
type FeedLineRow struct {
	EmployeeID string          `db:"employee_id"`
	Month      string          `db:"month"`
	LineID     string          `db:"line_id"`
	Revision   int             `db:"revision"`
	Published  json.RawMessage `db:"published"`
	Current    json.RawMessage `db:"current"`
	UpdatedAt  time.Time       `db:"updated_at"`
	ChangeSeq  int64           `db:"change_seq"`
}

// AdjustmentRow is an adjustment line paid in Month for AdjustsMonth.
type AdjustmentRow struct {
	ID           string          `db:"id"`
	EmployeeID   string          `db:"employee_id"`
	Month        string          `db:"month"`
	AdjustsMonth string          `db:"adjusts_month"`
	AdjustmentOf string          `db:"adjustment_of"`
	Revision     int             `db:"revision"`
	Body         json.RawMessage `db:"body"`
	CreatedAt    time.Time       `db:"created_at"`
	ChangeSeq    int64           `db:"change_seq"`
}

// LockPayrollFeed serialises the tenant's feed bookkeeping (revisions,
// adjustments, closes) until the transaction ends, so changes are numbered
// in the order they commit.
func (t *Tx) LockPayrollFeed(ctx context.Context, tenant string) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `SELECT pg_advisory_xact_lock(hashtextextended('payroll_feed:' || $1, 0))`
	if _, err := t.tx.ExecContext(ctx, q, tenant); err != nil {
		return fmt.Errorf("store: lock payroll feed: %w", err)
	}
	return nil
}

// ClosedMonths lists the tenant's closed payroll months, oldest first.
func (t *Tx) ClosedMonths(ctx context.Context, tenant string) ([]string, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	out := []string{}
	const q = `SELECT month FROM payroll_months WHERE tenant_id = $1 ORDER BY month`
	if err := t.tx.SelectContext(ctx, &out, q, tenant); err != nil {
		return nil, fmt.Errorf("store: closed months: %w", err)
	}
	return out, nil
}

// CloseMonth records the close of a month; a month closed before is a
// conflict.
func (t *Tx) CloseMonth(ctx context.Context, tenant, month, by string) (time.Time, error) {
	if err := t.check(tenant); err != nil {
		return time.Time{}, err
	}
	at := t.clock()
	const q = `INSERT INTO payroll_months (tenant_id, month, closed_at, closed_by) VALUES ($1, $2, $3, $4)`
	if _, err := t.tx.ExecContext(ctx, q, tenant, month, at, by); err != nil {
		return time.Time{}, fmt.Errorf("store: close month: %w", mapErr(err))
	}
	return at, nil
}

// FeedLineRows loads the published lines of the given employees, of one
// month or (month "") of all, in employee and month order. Published is
// loaded only for the closed months listed in closed (elsewhere it is not
// needed and is left empty).
func (t *Tx) FeedLineRows(ctx context.Context, tenant string, employeeIDs []string, month string, closed []string) ([]FeedLineRow, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT employee_id, month, line_id, revision, current, updated_at, change_seq,
			CASE WHEN month = ANY($4::text[]) THEN published ELSE '{}'::jsonb END AS published
		FROM payroll_feed_lines
		WHERE tenant_id = $1 AND employee_id = ANY($2::uuid[]) AND ($3 = '' OR month = $3)
		ORDER BY employee_id, month`
	out := []FeedLineRow{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, pq.Array(employeeIDs), month, pq.Array(closed)); err != nil {
		return nil, fmt.Errorf("store: feed line rows: %w", mapErr(err))
	}
	return out, nil
}

// SaveFeedLines inserts or replaces published lines in one statement,
// stamping them with the transaction's clock and new change numbers.
func (t *Tx) SaveFeedLines(ctx context.Context, tenant string, rows []FeedLineRow) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	emps, months, ids := make([]string, len(rows)), make([]string, len(rows)), make([]string, len(rows))
	revs, pubs, curs := make([]int64, len(rows)), make([]string, len(rows)), make([]string, len(rows))
	for i, r := range rows {
		emps[i], months[i], ids[i], revs[i] = r.EmployeeID, r.Month, r.LineID, int64(r.Revision)
		pubs[i], curs[i] = string(r.Published), string(r.Current)
	}
	const q = `
		INSERT INTO payroll_feed_lines (tenant_id, employee_id, month, line_id, revision, published, current, updated_at, change_seq)
		SELECT $1, u.e, u.m, u.l, u.r, u.p::jsonb, u.c::jsonb, $8, nextval('payroll_feed_change_seq')
		FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::int[], $6::text[], $7::text[]) AS u(e, m, l, r, p, c)
		ON CONFLICT (tenant_id, employee_id, month) DO UPDATE SET revision = EXCLUDED.revision,
			published = EXCLUDED.published, current = EXCLUDED.current, updated_at = EXCLUDED.updated_at,
			change_seq = EXCLUDED.change_seq`
	if _, err := t.tx.ExecContext(ctx, q, tenant, pq.Array(emps), pq.Array(months), pq.Array(ids), pq.Array(revs),
		pq.Array(pubs), pq.Array(curs), t.clock()); err != nil {
		return fmt.Errorf("store: save feed lines: %w", mapErr(err))
	}
	return nil
}

// AddAdjustment stores an adjustment line.
func (t *Tx) AddAdjustment(ctx context.Context, tenant string, a AdjustmentRow) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `
		INSERT INTO payroll_adjustments (tenant_id, id, employee_id, month, adjusts_month, adjustment_of, revision, body, created_at, change_seq)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, nextval('payroll_feed_change_seq'))`
	if _, err := t.tx.ExecContext(ctx, q, tenant, a.ID, a.EmployeeID, a.Month, a.AdjustsMonth, a.AdjustmentOf,
		a.Revision, []byte(a.Body), t.clock()); err != nil {
		return fmt.Errorf("store: add adjustment: %w", mapErr(err))
	}
	return nil
}

// AdjustmentsIn lists the adjustments paid in month for the given
// employees, in employee and revision order.
func (t *Tx) AdjustmentsIn(ctx context.Context, tenant, month string, employeeIDs []string) ([]AdjustmentRow, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT id, employee_id, month, adjusts_month, adjustment_of, revision, body, created_at, change_seq
		FROM payroll_adjustments
		WHERE tenant_id = $1 AND month = $2 AND employee_id = ANY($3::uuid[])
		ORDER BY employee_id, adjusts_month, revision`
	out := []AdjustmentRow{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, month, pq.Array(employeeIDs)); err != nil {
		return nil, fmt.Errorf("store: adjustments: %w", mapErr(err))
	}
	return out, nil
}

// FeedChanges lists, in change order after the change number after, the
// published lines and adjustments that changed: at most limit of each
// kind (the caller merges and cuts).
func (t *Tx) FeedChanges(ctx context.Context, tenant string, after int64, limit int) ([]FeedLineRow, []AdjustmentRow, error) {
	if err := t.check(tenant); err != nil {
		return nil, nil, err
	}
	const ql = `
		SELECT employee_id, month, line_id, revision, published, current, updated_at, change_seq
		FROM payroll_feed_lines WHERE tenant_id = $1 AND change_seq > $2 ORDER BY change_seq LIMIT $3`
	lines := []FeedLineRow{}
	if err := t.tx.SelectContext(ctx, &lines, ql, tenant, after, limit); err != nil {
		return nil, nil, fmt.Errorf("store: feed changes: %w", mapErr(err))
	}
	const qa = `
		SELECT id, employee_id, month, adjusts_month, adjustment_of, revision, body, created_at, change_seq
		FROM payroll_adjustments WHERE tenant_id = $1 AND change_seq > $2 ORDER BY change_seq LIMIT $3`
	adjs := []AdjustmentRow{}
	if err := t.tx.SelectContext(ctx, &adjs, qa, tenant, after, limit); err != nil {
		return nil, nil, fmt.Errorf("store: feed changes: %w", mapErr(err))
	}
	return lines, adjs, nil
}

// DirtyFeedEmployees lists up to limit employees whose feed facts changed
// since their published lines were compared, and forgets them: the caller
// compares them in the same transaction.
func (t *Tx) DirtyFeedEmployees(ctx context.Context, tenant string, limit int) ([]string, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		DELETE FROM payroll_feed_dirty WHERE tenant_id = $1 AND employee_id IN (
			SELECT employee_id FROM payroll_feed_dirty WHERE tenant_id = $1 ORDER BY employee_id LIMIT $2)
		RETURNING employee_id`
	out := []string{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, limit); err != nil {
		return nil, fmt.Errorf("store: dirty feed employees: %w", mapErr(err))
	}
	return out, nil
}

// FeedEmployeesByID loads the given employees as the feed needs them, in
// id order.
func (t *Tx) FeedEmployeesByID(ctx context.Context, tenant string, ids []string) ([]FeedEmployee, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT id, external_id, monthly_wage_fen, maternity_insured, separated_on FROM employees
		WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY id`
	out := []FeedEmployee{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, pq.Array(ids)); err != nil {
		return nil, fmt.Errorf("store: feed employees by id: %w", mapErr(err))
	}
	return out, nil
}
