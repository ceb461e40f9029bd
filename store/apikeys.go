package store

import (
	"context"
	"fmt"
	"time"
)

// APIKey is the stored form of an API key: only its SHA-256 hash is kept,
// and a short prefix to tell keys apart.
type APIKey struct {
	ID         string     `db:"id" json:"id"`
	Name       string     `db:"name" json:"name"`
	Role       string     `db:"role" json:"role"`
	Prefix     string     `db:"prefix" json:"prefix"`
	CreatedAt  time.Time  `db:"created_at" json:"created_at"`
	LastUsedAt *time.Time `db:"last_used_at" json:"last_used_at"`
	RevokedAt  *time.Time `db:"revoked_at" json:"revoked_at"`
	ExpiresAt  *time.Time `db:"expires_at" json:"expires_at"`
}

// NewAPIKey is what CreateAPIKeyFull stores.
type NewAPIKey struct {
	Name, Role, Prefix, CreatedBy string
	Hash                          []byte
	ExpiresAt                     *time.Time
}

// CreateAPIKey stores the hash of a new key and returns its id.
func (t *Tx) CreateAPIKey(ctx context.Context, tenant, name, role string, keyHash []byte) (string, error) {
	k, err := t.CreateAPIKeyFull(ctx, tenant, NewAPIKey{Name: name, Role: role, Hash: keyHash})
	return k.ID, err
}

// CreateAPIKeyFull stores a new key (its hash) and returns it as stored.
func (t *Tx) CreateAPIKeyFull(ctx context.Context, tenant string, k NewAPIKey) (APIKey, error) {
	if err := t.check(tenant); err != nil {
		return APIKey{}, err
	}
	const q = `
		INSERT INTO api_keys (tenant_id, name, role, key_hash, prefix, expires_at, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		RETURNING ` + apiKeyCols
	var out APIKey
	if err := t.tx.GetContext(ctx, &out, q, tenant, k.Name, k.Role, k.Hash, k.Prefix, k.ExpiresAt, k.CreatedBy); err != nil {
		return APIKey{}, fmt.Errorf("store: create api key: %w", mapErr(err))
	}
	return out, nil
}

const apiKeyCols = `id, name, role, prefix, created_at, last_used_at, revoked_at, expires_at`

// UseAPIKey finds the live (not revoked, not expired) key with this hash,
// records its use and returns it.
func (t *Tx) UseAPIKey(ctx context.Context, tenant string, keyHash []byte) (APIKey, error) {
	if err := t.check(tenant); err != nil {
		return APIKey{}, err
	}
	const q = `
		UPDATE api_keys SET last_used_at = now()
		WHERE tenant_id = $1 AND key_hash = $2 AND revoked_at IS NULL
		  AND (expires_at IS NULL OR expires_at > now())
		RETURNING ` + apiKeyCols
	var k APIKey
	if err := t.tx.GetContext(ctx, &k, q, tenant, keyHash); err != nil {
		return APIKey{}, fmt.Errorf("store: use api key: %w", mapErr(err))
	}
	return k, nil
}

// APIKeys lists tenant's keys, newest first, revoked ones included.
func (t *Tx) APIKeys(ctx context.Context, tenant string) ([]APIKey, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `SELECT ` + apiKeyCols + ` FROM api_keys WHERE tenant_id = $1 ORDER BY created_at DESC, id LIMIT 1000`
	out := []APIKey{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant); err != nil {
		return nil, fmt.Errorf("store: api keys: %w", err)
	}
	return out, nil
}

// RevokeAPIKey revokes key id (already revoked: unchanged) and returns its
// hash, so caches of it can be dropped; another tenant's key is ErrNotFound.
func (t *Tx) RevokeAPIKey(ctx context.Context, tenant, id string) ([]byte, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now())
		WHERE tenant_id = $1 AND id = $2
		RETURNING key_hash`
	var hash []byte
	if err := t.tx.QueryRowxContext(ctx, q, tenant, id).Scan(&hash); err != nil {
		return nil, fmt.Errorf("store: revoke api key: %w", mapErr(err))
	}
	return hash, nil
}
