package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/lib/pq"
)

// Delivery statuses of an inbound webhook.
const (
	DeliveryProcessed = "processed" // its effect was applied (or refused by a rule, and recorded)
	DeliveryIgnored   = "ignored"   // an event type LeaveGuard does not handle
	DeliveryInvalid   = "invalid"   // malformed or failed validation; nothing applied
)

// Delivery is one logged inbound webhook. Errors and Result are JSON
// objects; they hold field names and codes, never personal values.
type Delivery struct {
	ID              string          `db:"id"`
	IntegrationID   string          `db:"integration_id"`
	WebhookID       string          `db:"webhook_id"`
	Type            string          `db:"type"`
	Status          string          `db:"status"`
	Errors          json.RawMessage `db:"errors"`
	Result          json.RawMessage `db:"result"`
	BodySHA256      []byte          `db:"body_sha256"` // of the raw body; nil on rows older than the column
	Duplicates      int             `db:"duplicates"`
	LastDuplicateAt *time.Time      `db:"last_duplicate_at"`
	ReceivedAt      time.Time       `db:"received_at"`
}

const deliveryCols = `id, integration_id, webhook_id, type, status, errors, result,
	body_sha256, duplicates, last_duplicate_at, received_at`

// ClaimDelivery inserts the dedupe row of a processed or ignored webhook. It
// must run in the same transaction as the webhook's effect: it returns false
// (and inserts nothing) when that webhook-id was already claimed, waiting
// for a concurrent claimer's transaction to end first.
func (t *Tx) ClaimDelivery(ctx context.Context, tenant string, d Delivery) (bool, error) {
	if err := t.check(tenant); err != nil {
		return false, err
	}
	const q = `
		INSERT INTO webhook_deliveries (tenant_id, integration_id, webhook_id, type, status, result, body_sha256)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (tenant_id, integration_id, webhook_id) WHERE status <> 'invalid' DO NOTHING
		RETURNING true`
	var ok bool
	err := t.tx.QueryRowxContext(ctx, q, tenant, d.IntegrationID, d.WebhookID, d.Type, d.Status,
		jsonObjectOrEmpty(d.Result), d.BodySHA256).Scan(&ok)
	if err = mapErr(err); errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: claim delivery: %w", err)
	}
	return true, nil
}

// SetDeliveryResult records the outcome of a claimed delivery's effect.
func (t *Tx) SetDeliveryResult(ctx context.Context, tenant, integrationID, webhookID string, result json.RawMessage) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `UPDATE webhook_deliveries SET result = $4
		WHERE tenant_id = $1 AND integration_id = $2 AND webhook_id = $3 AND status <> 'invalid'`
	if _, err := t.tx.ExecContext(ctx, q, tenant, integrationID, webhookID, jsonObjectOrEmpty(result)); err != nil {
		return fmt.Errorf("store: delivery result: %w", err)
	}
	return nil
}

// NoteDuplicate counts another receipt of an already claimed webhook-id
// whose body hashes to bodySHA256 (or whose first receipt has no hash) and
// returns the first receipt as logged. A receipt with another body is not
// counted: the caller compares the returned hash and refuses it.
func (t *Tx) NoteDuplicate(ctx context.Context, tenant, integrationID, webhookID string, bodySHA256 []byte) (Delivery, error) {
	if err := t.check(tenant); err != nil {
		return Delivery{}, err
	}
	const q = `
		UPDATE webhook_deliveries SET
			duplicates = duplicates + CASE WHEN body_sha256 IS NULL OR body_sha256 = $4 THEN 1 ELSE 0 END,
			last_duplicate_at = CASE WHEN body_sha256 IS NULL OR body_sha256 = $4 THEN now() ELSE last_duplicate_at END
		WHERE tenant_id = $1 AND integration_id = $2 AND webhook_id = $3 AND status <> 'invalid'
		RETURNING ` + deliveryCols
	var d Delivery
	if err := t.tx.GetContext(ctx, &d, q, tenant, integrationID, webhookID, bodySHA256); err != nil {
		return Delivery{}, fmt.Errorf("store: note duplicate: %w", mapErr(err))
	}
	return d, nil
}

// LogInvalidDelivery records a webhook that was refused as malformed or
// invalid, with its field errors, for the admin to see.
func (t *Tx) LogInvalidDelivery(ctx context.Context, tenant string, d Delivery) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `
		INSERT INTO webhook_deliveries (tenant_id, integration_id, webhook_id, type, status, errors)
		VALUES ($1, $2, $3, $4, 'invalid', $5)`
	if _, err := t.tx.ExecContext(ctx, q, tenant, d.IntegrationID, d.WebhookID, d.Type, jsonObjectOrEmpty(d.Errors)); err != nil {
		return fmt.Errorf("store: log invalid delivery: %w", err)
	}
	return nil
}

// LogFilter pages a delivery or attempt log, newest first.
type LogFilter struct {
	Status     string    // a delivery's or (attempts) its event's status; "" = every status
	BeforeTime time.Time // keyset: entries strictly before (BeforeTime, BeforeID)
	BeforeID   string
	Limit      int
}

// Deliveries lists an integration's inbound webhook log, newest first.
func (t *Tx) Deliveries(ctx context.Context, tenant, integrationID string, f LogFilter) ([]Delivery, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `SELECT ` + deliveryCols + ` FROM webhook_deliveries
		WHERE tenant_id = $1 AND integration_id = $2 AND ($3 = '' OR status = $3)
		  AND ($4::timestamptz IS NULL OR (received_at, id) < ($4, $5::uuid))
		ORDER BY received_at DESC, id DESC LIMIT $6`
	out := []Delivery{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, integrationID, f.Status,
		keysetTime(f.BeforeTime), keysetID(f.BeforeID), f.Limit); err != nil {
		return nil, fmt.Errorf("store: deliveries: %w", mapErr(err))
	}
	return out, nil
}

func jsonObjectOrEmpty(b json.RawMessage) []byte {
	if len(b) == 0 {
		return []byte("{}")
	}
	return b
}

func keysetTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func keysetID(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// ClaimedDeliveries returns which of webhookIDs are already claimed by any
// of integrationIDs, keyed integration id + "/" + webhook id, each with the
// SHA-256 of its first body (nil on rows older than that column).
func (t *Tx) ClaimedDeliveries(ctx context.Context, tenant string, integrationIDs, webhookIDs []string) (map[string][]byte, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `SELECT integration_id, webhook_id, body_sha256 FROM webhook_deliveries
		WHERE tenant_id = $1 AND integration_id = ANY($2::uuid[]) AND webhook_id = ANY($3)
		  AND status <> 'invalid'`
	rows, err := t.tx.QueryxContext(ctx, q, tenant, pq.Array(integrationIDs), pq.Array(webhookIDs))
	if err != nil {
		return nil, fmt.Errorf("store: claimed deliveries: %w", err)
	}
	defer rows.Close()
	out := map[string][]byte{}
	for rows.Next() {
		var integration, webhook string
		var hash []byte
		if err := rows.Scan(&integration, &webhook, &hash); err != nil {
			return nil, fmt.Errorf("store: claimed deliveries: %w", err)
		}
		out[integration+"/"+webhook] = hash
	}
	return out, rows.Err()
}
