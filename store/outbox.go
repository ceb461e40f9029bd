package store

import (
	"context"
	"encoding/json"
	"fmt"
)

// Emit writes an outbound event in the current transaction (the
// transactional outbox): it is delivered only if the transaction commits.
func (t *Tx) Emit(ctx context.Context, tenant, eventType string, payload any) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	b, err := json.Marshal(payload)
	if err != nil {
		return fmt.Errorf("store: emit %s: %w", eventType, err)
	}
	// The trigger outbox_stamp adds the employee (from the payload's
	// employee_id), her external_id and sequence; occurred_at is this
	// transaction's clock.
	const q = `INSERT INTO outbox_events (tenant_id, type, payload, occurred_at) VALUES ($1, $2, $3, $4)`
	if _, err := t.tx.ExecContext(ctx, q, tenant, eventType, b, t.clock()); err != nil {
		return fmt.Errorf("store: emit %s: %w", eventType, err)
	}
	return nil
}
