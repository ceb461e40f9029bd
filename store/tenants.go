package store

import (
	"context"
	"fmt"
	"time"
)

// Tenant is an employer using LeaveGuard.
type Tenant struct {
	ID         string    `db:"id" json:"id"`
	Name       string    `db:"name" json:"name"`
	CreditCode string    `db:"credit_code" json:"credit_code"`
	Region     string    `db:"region" json:"region"`
	CreatedAt  time.Time `db:"created_at" json:"created_at"`
}

// CreateTenant inserts the tenant t (its ID chosen by the caller).
func (t *Tx) CreateTenant(ctx context.Context, tenant string, in Tenant) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `INSERT INTO tenants (id, name, credit_code, region) VALUES ($1, $2, $3, $4)`
	if _, err := t.tx.ExecContext(ctx, q, tenant, in.Name, in.CreditCode, in.Region); err != nil {
		return fmt.Errorf("store: create tenant: %w", mapErr(err))
	}
	const heads = `INSERT INTO audit_heads (tenant_id, lane, seq, hash)
		SELECT $1, lane, 0, '\x' FROM generate_series(0, $2::int - 1) lane`
	if _, err := t.tx.ExecContext(ctx, heads, tenant, AuditLanes); err != nil {
		return fmt.Errorf("store: create audit chain: %w", mapErr(err))
	}
	return nil
}

// Tenant loads the tenant itself.
func (t *Tx) Tenant(ctx context.Context, tenant string) (Tenant, error) {
	if err := t.check(tenant); err != nil {
		return Tenant{}, err
	}
	const q = `SELECT id, name, credit_code, region, created_at FROM tenants WHERE id = $1`
	var out Tenant
	if err := t.tx.GetContext(ctx, &out, q, tenant); err != nil {
		return Tenant{}, fmt.Errorf("store: tenant: %w", mapErr(err))
	}
	return out, nil
}
