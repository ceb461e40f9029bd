package store

import (
	"context"
	"encoding/json"
	"fmt"
)

// EmitTo writes an outbound event, as Emit does, to be delivered to one
// integration only, and returns its id.
func (t *Tx) EmitTo(ctx context.Context, tenant, integrationID, eventType string, payload any) (string, error) {
	if err := t.check(tenant); err != nil {
		return "", err
	}
	b, err := json.Marshal(payload)
	if err != nil {
		return "", fmt.Errorf("store: emit %s: %w", eventType, err)
	}
	const q = `INSERT INTO outbox_events (tenant_id, type, payload, occurred_at, target_integration)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`
	var id string
	if err := t.tx.QueryRowxContext(ctx, q, tenant, eventType, b, t.clock(), integrationID).Scan(&id); err != nil {
		return "", fmt.Errorf("store: emit %s: %w", eventType, err)
	}
	return id, nil
}
