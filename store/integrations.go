package store

import (
	"context"
	"fmt"
	"time"
)

// Integration is a payroll system connected to a tenant: it signs the
// webhooks it sends with a shared "whsec_" secret (held only encrypted) and
// may receive LeaveGuard's outbound events at OutboundURL.
type Integration struct {
	ID                 string     `db:"id"`
	Name               string     `db:"name"`
	SecretEnc          []byte     `db:"secret_enc"`
	PreviousSecretEnc  []byte     `db:"previous_secret_enc"`
	PreviousValidUntil *time.Time `db:"previous_valid_until"`
	OutboundURL        string     `db:"outbound_url"`
	OutboundDisabledAt *time.Time `db:"outbound_disabled_at"`
	CreatedAt          time.Time  `db:"created_at"`
}

const integrationCols = `id, name, secret_enc, previous_secret_enc, previous_valid_until,
	outbound_url, outbound_disabled_at, created_at`

// IntegrationTenant returns the tenant of an active integration, before any
// tenant is known (the webhook endpoint has only the id from its path). It
// goes through the narrow SECURITY DEFINER function integration_tenant.
func (s *Store) IntegrationTenant(ctx context.Context, id string) (string, error) {
	const q = `SELECT integration_tenant($1)`
	var tenant *string
	if err := s.db.QueryRowxContext(ctx, q, id).Scan(&tenant); err != nil {
		return "", fmt.Errorf("store: integration tenant: %w", mapErr(err))
	}
	if tenant == nil {
		return "", ErrNotFound
	}
	return *tenant, nil
}

// CreateIntegration inserts in and returns it as stored.
func (t *Tx) CreateIntegration(ctx context.Context, tenant string, in Integration) (Integration, error) {
	if err := t.check(tenant); err != nil {
		return Integration{}, err
	}
	const q = `
		INSERT INTO integrations (tenant_id, name, secret_enc, outbound_url)
		VALUES ($1, $2, $3, $4)
		RETURNING ` + integrationCols
	var out Integration
	if err := t.tx.GetContext(ctx, &out, q, tenant, in.Name, in.SecretEnc, in.OutboundURL); err != nil {
		return Integration{}, fmt.Errorf("store: create integration: %w", mapErr(err))
	}
	return out, nil
}

// Integration loads one active (not deleted) integration.
func (t *Tx) Integration(ctx context.Context, tenant, id string) (Integration, error) {
	if err := t.check(tenant); err != nil {
		return Integration{}, err
	}
	const q = `SELECT ` + integrationCols + ` FROM integrations
		WHERE tenant_id = $1 AND id = $2 AND disabled_at IS NULL`
	var out Integration
	if err := t.tx.GetContext(ctx, &out, q, tenant, id); err != nil {
		return Integration{}, fmt.Errorf("store: integration: %w", mapErr(err))
	}
	return out, nil
}

// Integrations lists the tenant's active integrations, oldest first.
func (t *Tx) Integrations(ctx context.Context, tenant string) ([]Integration, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `SELECT ` + integrationCols + ` FROM integrations
		WHERE tenant_id = $1 AND disabled_at IS NULL ORDER BY created_at, id LIMIT 1000`
	out := []Integration{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant); err != nil {
		return nil, fmt.Errorf("store: integrations: %w", err)
	}
	return out, nil
}

// OutboundTargets lists the active integrations whose outbound URL is set
// and has not been disabled by a 410 Gone.
func (t *Tx) OutboundTargets(ctx context.Context, tenant string) ([]Integration, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `SELECT ` + integrationCols + ` FROM integrations
		WHERE tenant_id = $1 AND disabled_at IS NULL AND outbound_url <> ''
		  AND outbound_disabled_at IS NULL
		ORDER BY created_at, id`
	out := []Integration{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant); err != nil {
		return nil, fmt.Errorf("store: outbound targets: %w", err)
	}
	return out, nil
}

// DeleteIntegration disables an integration: its webhooks are refused and it
// receives no more events; its logs are kept.
func (t *Tx) DeleteIntegration(ctx context.Context, tenant, id string) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `UPDATE integrations SET disabled_at = now()
		WHERE tenant_id = $1 AND id = $2 AND disabled_at IS NULL`
	return t.execExactlyOne(ctx, "delete integration", q, tenant, id)
}

// RotateIntegrationSecret makes secretEnc the current secret and keeps the
// replaced one valid until graceUntil.
func (t *Tx) RotateIntegrationSecret(ctx context.Context, tenant, id string, secretEnc []byte, graceUntil time.Time) (Integration, error) {
	if err := t.check(tenant); err != nil {
		return Integration{}, err
	}
	const q = `
		UPDATE integrations SET previous_secret_enc = secret_enc, secret_enc = $3,
			previous_valid_until = $4
		WHERE tenant_id = $1 AND id = $2 AND disabled_at IS NULL
		RETURNING ` + integrationCols
	var out Integration
	if err := t.tx.GetContext(ctx, &out, q, tenant, id, secretEnc, graceUntil); err != nil {
		return Integration{}, fmt.Errorf("store: rotate integration secret: %w", mapErr(err))
	}
	return out, nil
}

// SetIntegrationOutbound sets the name and outbound URL, re-enabling
// outbound delivery (after a 410 Gone, say).
func (t *Tx) SetIntegrationOutbound(ctx context.Context, tenant, id, name, url string) (Integration, error) {
	if err := t.check(tenant); err != nil {
		return Integration{}, err
	}
	const q = `
		UPDATE integrations SET name = $3, outbound_url = $4, outbound_disabled_at = NULL
		WHERE tenant_id = $1 AND id = $2 AND disabled_at IS NULL
		RETURNING ` + integrationCols
	var out Integration
	if err := t.tx.GetContext(ctx, &out, q, tenant, id, name, url); err != nil {
		return Integration{}, fmt.Errorf("store: set integration outbound: %w", mapErr(err))
	}
	return out, nil
}

// DisableOutbound stops outbound delivery to an integration whose endpoint
// answered 410 Gone.
func (t *Tx) DisableOutbound(ctx context.Context, tenant, id string) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `UPDATE integrations SET outbound_disabled_at = now()
		WHERE tenant_id = $1 AND id = $2 AND outbound_disabled_at IS NULL`
	if _, err := t.tx.ExecContext(ctx, q, tenant, id); err != nil {
		return fmt.Errorf("store: disable outbound: %w", err)
	}
	return nil
}

// execExactlyOne runs a statement that must touch exactly one row (ErrNotFound
// otherwise).
func (t *Tx) execExactlyOne(ctx context.Context, op, q string, args ...any) error {
	res, err := t.tx.ExecContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("store: %s: %w", op, mapErr(err))
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return fmt.Errorf("store: %s: %w", op, ErrNotFound)
	}
	return nil
}
