package store

import (
	"context"
	"encoding/json"
	"fmt"
)

// Settings returns the tenant's stored settings, key → JSON value. Keys
// absent here take their defaults.
func (t *Tx) Settings(ctx context.Context, tenant string) (map[string]json.RawMessage, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `SELECT key, value FROM settings WHERE tenant_id = $1`
	rows, err := t.tx.QueryxContext(ctx, q, tenant)
	if err != nil {
		return nil, fmt.Errorf("store: settings: %w", err)
	}
	defer rows.Close()
	out := map[string]json.RawMessage{}
	for rows.Next() {
		var k string
		var v []byte
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("store: settings scan: %w", err)
		}
		out[k] = v
	}
	return out, rows.Err()
}

// PutSetting stores one setting (JSON value), replacing the old one.
func (t *Tx) PutSetting(ctx context.Context, tenant, key string, value json.RawMessage, by string) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `
		INSERT INTO settings (tenant_id, key, value, updated_by) VALUES ($1, $2, $3, $4)
		ON CONFLICT (tenant_id, key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by`
	if _, err := t.tx.ExecContext(ctx, q, tenant, key, []byte(value), by); err != nil {
		return fmt.Errorf("store: put setting %s: %w", key, err)
	}
	return nil
}

// DeleteSetting returns a setting to its default.
func (t *Tx) DeleteSetting(ctx context.Context, tenant, key string) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `DELETE FROM settings WHERE tenant_id = $1 AND key = $2`
	if _, err := t.tx.ExecContext(ctx, q, tenant, key); err != nil {
		return fmt.Errorf("store: delete setting %s: %w", key, err)
	}
	return nil
}
