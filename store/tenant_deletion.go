package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"leaveguard/leave"
)

// TenantDeletion is a request to delete the whole tenant: the day it was
// asked for, the day the daily job removes every row (purge_on), and its
// cancellation if an admin withdrew it during the grace period.
type TenantDeletion struct {
	ID          string      `db:"id"`
	RequestedOn leave.Date  `db:"requested_on"`
	PurgeOn     leave.Date  `db:"purge_on"`
	RequestedBy string      `db:"requested_by"`
	CancelledOn *leave.Date `db:"cancelled_on"`
	CancelledBy string      `db:"cancelled_by"`
	CreatedAt   time.Time   `db:"created_at"`
}

const tenantDeletionCols = `id, requested_on, purge_on, requested_by, cancelled_on, cancelled_by, created_at`

// AddTenantDeletion stores a deletion request; ErrConflict when one is
// already in force.
func (t *Tx) AddTenantDeletion(ctx context.Context, tenant string, d TenantDeletion) (TenantDeletion, error) {
	if err := t.check(tenant); err != nil {
		return TenantDeletion{}, err
	}
	q := `INSERT INTO tenant_deletions (tenant_id, requested_on, purge_on, requested_by)
		VALUES ($1, $2, $3, $4) RETURNING ` + tenantDeletionCols
	var out TenantDeletion
	if err := t.tx.GetContext(ctx, &out, q, tenant, d.RequestedOn, d.PurgeOn, d.RequestedBy); err != nil {
		return TenantDeletion{}, fmt.Errorf("store: add tenant deletion: %w", mapErr(err))
	}
	return out, nil
}

// OpenTenantDeletion loads the request in force (not cancelled), locked
// for update when lock; ErrNotFound when there is none.
func (t *Tx) OpenTenantDeletion(ctx context.Context, tenant string, lock bool) (TenantDeletion, error) {
	if err := t.check(tenant); err != nil {
		return TenantDeletion{}, err
	}
	q := `SELECT ` + tenantDeletionCols + ` FROM tenant_deletions WHERE tenant_id = $1 AND cancelled_on IS NULL`
	if lock {
		q += ` FOR UPDATE`
	}
	var out TenantDeletion
	if err := t.tx.GetContext(ctx, &out, q, tenant); err != nil {
		return TenantDeletion{}, fmt.Errorf("store: tenant deletion: %w", mapErr(err))
	}
	return out, nil
}

// CancelTenantDeletion cancels the request id on day on.
func (t *Tx) CancelTenantDeletion(ctx context.Context, tenant, id string, on leave.Date, by string) (TenantDeletion, error) {
	if err := t.check(tenant); err != nil {
		return TenantDeletion{}, err
	}
	q := `UPDATE tenant_deletions SET cancelled_on = $3, cancelled_by = $4
		WHERE tenant_id = $1 AND id = $2 AND cancelled_on IS NULL RETURNING ` + tenantDeletionCols
	var out TenantDeletion
	if err := t.tx.GetContext(ctx, &out, q, tenant, id, on, by); err != nil {
		return TenantDeletion{}, fmt.Errorf("store: cancel tenant deletion: %w", mapErr(err))
	}
	return out, nil
}

// ClaimDueTenantDeletion locks the tenant's request in force whose purge
// day is today or earlier, with SKIP LOCKED: false when there is none or
// another instance holds it (and is purging).
func (t *Tx) ClaimDueTenantDeletion(ctx context.Context, tenant string, today leave.Date) (bool, error) {
	if err := t.check(tenant); err != nil {
		return false, err
	}
	const q = `SELECT id FROM tenant_deletions WHERE tenant_id = $1 AND cancelled_on IS NULL AND purge_on <= $2
		FOR UPDATE SKIP LOCKED`
	var id string
	err := t.tx.QueryRowxContext(ctx, q, tenant, today).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: claim tenant deletion: %w", err)
	}
	return true, nil
}

// PurgeTenant removes every row of the tenant, the tenant included
// (migration 00081, tenant_purge); the database refuses unless a request
// in force is due on today. It returns the number of rows removed.
func (t *Tx) PurgeTenant(ctx context.Context, tenant string, today leave.Date) (int64, error) {
	if err := t.check(tenant); err != nil {
		return 0, err
	}
	var n int64
	if err := t.tx.QueryRowxContext(ctx, `SELECT tenant_purge($1, $2)`, tenant, today).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: purge tenant: %w", err)
	}
	return n, nil
}
