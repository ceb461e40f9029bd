package store

import "context"

// TxSelectTenants reads the tenant_id of every employee visible in tx,
// deliberately without a tenant filter, so only RLS stands in the way.
func TxSelectTenants(ctx context.Context, tx *Tx, tenant string, out *[]string) error {
	return tx.tx.SelectContext(ctx, out, `SELECT tenant_id FROM employees`)
}
