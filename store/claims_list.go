package store

import (
	"context"
	"fmt"
	"time"

	"github.com/lib/pq"

	"leaveguard/leave"
)

// ClaimFilter narrows a listing of allowance claims. From and To bound the
// event date (birth or miscarriage); OverdueOn, when set, keeps submitted
// claims whose decision was due before that day. After* is the keyset
// cursor: the (created_at, id) of the last row of the previous page.
type ClaimFilter struct {
	Status     string
	EmployeeID string
	From, To   leave.Date
	OverdueOn  leave.Date
	AfterTime  time.Time
	AfterID    string
	Limit      int
}

// Claims lists claims in creation order, one page at a time.
func (t *Tx) Claims(ctx context.Context, tenant string, f ClaimFilter) ([]AllowanceClaim, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT ` + claimCols + ` FROM allowance_claims
		WHERE tenant_id = :tenant_id
		  AND (:status = '' OR status = :status)
		  AND (:employee_id = '' OR employee_id = CAST(NULLIF(:employee_id, '') AS uuid))
		  AND (CAST(:from AS date) IS NULL OR event_date >= :from)
		  AND (CAST(:to AS date) IS NULL OR event_date <= :to)
		  AND (CAST(:overdue_on AS date) IS NULL OR (status = 'submitted' AND decision_due < :overdue_on))
		  AND (:after_id = '' OR (created_at, id) > (:after_time, CAST(NULLIF(:after_id, '') AS uuid)))
		ORDER BY created_at, id LIMIT :limit`
	args := map[string]any{"tenant_id": tenant, "status": f.Status, "employee_id": f.EmployeeID,
		"from": f.From, "to": f.To, "overdue_on": f.OverdueOn, "after_time": f.AfterTime,
		"after_id": f.AfterID, "limit": f.Limit}
	rows, err := sqlxNamedQuery(ctx, t, q, args)
	if err != nil {
		return nil, fmt.Errorf("store: claims: %w", mapErr(err))
	}
	defer rows.Close()
	out := []AllowanceClaim{}
	for rows.Next() {
		var c AllowanceClaim
		if err := rows.StructScan(&c); err != nil {
			return nil, fmt.Errorf("store: scan claim: %w", err)
		}
		out = append(out, c)
	}
	return out, mapErr(rows.Err())
}

// FeedClaim is the part of a claim the payroll feed needs.
type FeedClaim struct {
	ID         string     `db:"id"`
	EmployeeID string     `db:"employee_id"`
	LeaveStart leave.Date `db:"leave_start"`
	PaidDays   int        `db:"paid_days"`
	TopUpFen   int64      `db:"top_up_fen"`
	Payee      string     `db:"payee"`
	Insured    bool       `db:"insured"`
}

// FeedClaims loads the active (not rejected) claims of the given employees
// whose paid period overlaps first..last, in one query.
func (t *Tx) FeedClaims(ctx context.Context, tenant string, employeeIDs []string, first, last leave.Date) ([]FeedClaim, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT id, employee_id, leave_start, paid_days, top_up_fen, payee, insured FROM allowance_claims
		WHERE tenant_id = $1 AND employee_id = ANY($2::uuid[]) AND status <> 'rejected'
		  AND leave_start <= $4 AND leave_start + paid_days - 1 >= $3
		ORDER BY employee_id, leave_start, id`
	out := []FeedClaim{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, pq.Array(employeeIDs), first, last); err != nil {
		return nil, fmt.Errorf("store: feed claims: %w", mapErr(err))
	}
	return out, nil
}

// ClaimsOfBirth lists the claims of one birth, locked for update.
func (t *Tx) ClaimsOfBirth(ctx context.Context, tenant, birthID string) ([]AllowanceClaim, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	q := `SELECT ` + claimCols + ` FROM allowance_claims WHERE tenant_id = $1 AND birth_id = $2 ORDER BY created_at FOR UPDATE`
	out := []AllowanceClaim{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, birthID); err != nil {
		return nil, fmt.Errorf("store: claims of birth: %w", err)
	}
	return out, nil
}

// ClaimsOfMiscarriage lists the claims of one miscarriage, locked for update.
func (t *Tx) ClaimsOfMiscarriage(ctx context.Context, tenant, miscarriageID string) ([]AllowanceClaim, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	q := `SELECT ` + claimCols + ` FROM allowance_claims WHERE tenant_id = $1 AND miscarriage_id = $2 ORDER BY created_at FOR UPDATE`
	out := []AllowanceClaim{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, miscarriageID); err != nil {
		return nil, fmt.Errorf("store: claims of miscarriage: %w", err)
	}
	return out, nil
}
