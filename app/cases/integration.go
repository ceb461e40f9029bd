package cases

import (
	"context"
	"fmt"
	"time"

	"leaveguard/app/signature"
	"leaveguard/store"
)

// IntegrationInput is the body of POST and PATCH /integrations.
type IntegrationInput struct {
	Name        *string `json:"name"`
	OutboundURL *string `json:"outbound_url"`
}

// NewIntegration is an integration with its new secret, shown only once.
type NewIntegration struct {
	store.Integration
	Secret string
}

// DefaultSecretGrace is how long a replaced secret stays valid.
const DefaultSecretGrace = 24 * time.Hour

// CreateIntegration validates in and creates an integration with a fresh
// "whsec_" secret (stored encrypted), audited.
func (c *Cases) CreateIntegration(ctx context.Context, tenant string, who store.Who, in IntegrationInput) (NewIntegration, error) {
	f := Fields{}
	name := f.Text("name", in.Name, true, 200)
	url := c.outboundURL(ctx, f, in.OutboundURL)
	if err := f.Err(); err != nil {
		return NewIntegration{}, err
	}
	secret, enc, err := c.newSecret()
	if err != nil {
		return NewIntegration{}, err
	}
	var out store.Integration
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		if out, err = tx.CreateIntegration(ctx, tenant, store.Integration{Name: name, SecretEnc: enc, OutboundURL: url}); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "integration.create", "integration", out.ID, map[string]any{"outbound": url != ""})
	})
	return NewIntegration{Integration: out, Secret: secret}, err
}

// UpdateIntegration changes the name and outbound URL of an integration;
// setting the URL again re-enables delivery after a 410 Gone.
func (c *Cases) UpdateIntegration(ctx context.Context, tenant string, who store.Who, id string, in IntegrationInput) (store.Integration, error) {
	var out store.Integration
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		cur, err := tx.Integration(ctx, tenant, id)
		if err != nil {
			return err
		}
		f := Fields{}
		name, url := cur.Name, cur.OutboundURL
		if in.Name != nil {
			name = f.Text("name", in.Name, true, 200)
		}
		if in.OutboundURL != nil {
			url = c.outboundURL(ctx, f, in.OutboundURL)
		}
		if err := f.Err(); err != nil {
			return err
		}
		if out, err = tx.SetIntegrationOutbound(ctx, tenant, id, name, url); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "integration.update", "integration", id,
			map[string]any{"name": in.Name != nil, "outbound_url": in.OutboundURL != nil})
	})
	return out, err
}

// RotateIntegrationSecret gives an integration a new secret; the replaced
// one is still accepted (and signed with) for grace.
func (c *Cases) RotateIntegrationSecret(ctx context.Context, tenant string, who store.Who, id string, grace time.Duration) (NewIntegration, error) {
	secret, enc, err := c.newSecret()
	if err != nil {
		return NewIntegration{}, err
	}
	var out store.Integration
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		if out, err = tx.RotateIntegrationSecret(ctx, tenant, id, enc, c.Now().Add(grace)); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "integration.rotate_secret", "integration", id,
			map[string]any{"grace_seconds": int64(grace.Seconds())})
	})
	return NewIntegration{Integration: out, Secret: secret}, err
}

// DeleteIntegration disables an integration (its logs are kept), audited.
func (c *Cases) DeleteIntegration(ctx context.Context, tenant string, who store.Who, id string) error {
	return c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		if err := tx.DeleteIntegration(ctx, tenant, id); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "integration.delete", "integration", id, nil)
	})
}

// Integration loads one active integration (never its secret in clear).
func (c *Cases) Integration(ctx context.Context, tenant, id string) (store.Integration, error) {
	var out store.Integration
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		out, err = tx.Integration(ctx, tenant, id)
		return err
	})
	return out, err
}

// Integrations lists the tenant's active integrations.
func (c *Cases) Integrations(ctx context.Context, tenant string) ([]store.Integration, error) {
	var out []store.Integration
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		out, err = tx.Integrations(ctx, tenant)
		return err
	})
	return out, err
}

func (c *Cases) newSecret() (string, []byte, error) {
	secret, err := signature.NewSecret()
	if err != nil {
		return "", nil, err
	}
	enc, err := c.Cipher.Encrypt([]byte(secret))
	if err != nil {
		return "", nil, fmt.Errorf("cases: encrypt integration secret: %w", err)
	}
	return secret, enc, nil
}
