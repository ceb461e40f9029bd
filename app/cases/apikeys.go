package cases

import (
	"context"
	"strings"
	"time"

	"leaveguard/app/auth"
	"leaveguard/store"
)

// APIKeyInput is the body of POST /api-keys.
type APIKeyInput struct {
	Name      *string `json:"name"`
	Role      *string `json:"role"`
	ExpiresOn *string `json:"expires_on"` // optional: the last day (China time) the key works
}

// NewAPIKey is a key just made: Key is shown once and never stored.
type NewAPIKey struct {
	store.APIKey
	Key string
}

// CreateAPIKey makes an API key of tenant with a role, audited. The key
// itself is returned here only; its SHA-256 hash is stored.
func (c *Cases) CreateAPIKey(ctx context.Context, tenant string, who store.Who, in APIKeyInput) (NewAPIKey, error) {
	f := Fields{}
	name := f.Text("name", in.Name, true, 100)
	role := f.Text("role", in.Role, true, 20)
	if role != "" && !auth.ValidRole(role) {
		f["role"] = "须为 admin、hr、auditor 或 payroll"
	}
	var expires *time.Time
	if d := f.Date("expires_on", in.ExpiresOn, false); !d.IsZero() {
		if d.Before(c.Today()) {
			f.Refuse("expires_on", "到期日不能早于今天")
		}
		end := time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, chinaTime)
		expires = &end
	}
	if err := f.Err(); err != nil {
		return NewAPIKey{}, err
	}
	key, hash, err := auth.NewAPIKey(tenant)
	if err != nil {
		return NewAPIKey{}, err
	}
	var out store.APIKey
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		out, err = tx.CreateAPIKeyFull(ctx, tenant, store.NewAPIKey{Name: name, Role: role, Hash: hash,
			Prefix: KeyPrefix(key), ExpiresAt: expires, CreatedBy: actor(who)})
		if err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "api_key.create", "api_key", out.ID, map[string]any{"role": role})
	})
	return NewAPIKey{APIKey: out, Key: key}, err
}

// KeyPrefix is what identifies a key in lists: the first 8 characters of
// its secret part, far too few to use it.
func KeyPrefix(key string) string {
	parts := strings.SplitN(key, "_", 3) // lg, tenant, secret (which may hold "_")
	if len(parts) != 3 || len(parts[2]) < 8 {
		return ""
	}
	return parts[2][:8]
}

// APIKeys lists the tenant's keys (never a key itself).
func (c *Cases) APIKeys(ctx context.Context, tenant string) ([]store.APIKey, error) {
	var out []store.APIKey
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		out, err = tx.APIKeys(ctx, tenant)
		return err
	})
	return out, err
}

// RevokeAPIKey revokes key id of tenant, audited, and returns its hash so
// the caller can drop cached copies. Another tenant's key is not found.
func (c *Cases) RevokeAPIKey(ctx context.Context, tenant string, who store.Who, id string) ([]byte, error) {
	var hash []byte
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		if hash, err = tx.RevokeAPIKey(ctx, tenant, id); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "api_key.revoke", "api_key", id, nil)
	})
	return hash, err
}

// UseAPIKey finds the tenant's live key with this hash and marks it used.
func (c *Cases) UseAPIKey(ctx context.Context, tenant string, hash []byte) (store.APIKey, error) {
	var k store.APIKey
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		k, err = tx.UseAPIKey(ctx, tenant, hash)
		return err
	})
	return k, err
}
