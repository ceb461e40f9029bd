package store

import (
	"context"
	"fmt"
)

// APIKey is the stored form of an API key: only its SHA-256 hash is kept.
type APIKey struct {
	ID   string `db:"id" json:"id"`
	Name string `db:"name" json:"name"`
	Role string `db:"role" json:"role"`
}

// CreateAPIKey stores the hash of a new key and returns its id.
func (t *Tx) CreateAPIKey(ctx context.Context, tenant, name, role string, keyHash []byte) (string, error) {
	if err := t.check(tenant); err != nil {
		return "", err
	}
	const q = `
		INSERT INTO api_keys (tenant_id, name, role, key_hash)
		VALUES ($1, $2, $3, $4) RETURNING id`
	var id string
	if err := t.tx.QueryRowxContext(ctx, q, tenant, name, role, keyHash).Scan(&id); err != nil {
		return "", fmt.Errorf("store: create api key: %w", mapErr(err))
	}
	return id, nil
}

// UseAPIKey finds the live key with this hash, records its use and returns it.
func (t *Tx) UseAPIKey(ctx context.Context, tenant string, keyHash []byte) (APIKey, error) {
	if err := t.check(tenant); err != nil {
		return APIKey{}, err
	}
	const q = `
		UPDATE api_keys SET last_used_at = now()
		WHERE tenant_id = $1 AND key_hash = $2 AND revoked_at IS NULL
		RETURNING id, name, role`
	var k APIKey
	if err := t.tx.GetContext(ctx, &k, q, tenant, keyHash); err != nil {
		return APIKey{}, fmt.Errorf("store: use api key: %w", mapErr(err))
	}
	return k, nil
}
