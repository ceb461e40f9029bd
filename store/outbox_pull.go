package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/lib/pq"
)

// PulledEvent is an outbound event as the pull API lists it.
type PulledEvent struct {
	ID        string          `db:"id"`
	Type      string          `db:"type"`
	Payload   json.RawMessage `db:"payload"`
	CreatedAt time.Time       `db:"created_at"`
	Status    string          `db:"status"`
	Pos       int64           `db:"pos"`
	EventMeta
}

// EventQuery selects events for the pull API: after position After (the
// tenant's event order, which is commit order), of the given types (none:
// all), that happened at or after Since (zero: any time).
type EventQuery struct {
	After int64
	Types []string
	Since time.Time
	Limit int
}

// SequenceEvents gives the tenant's committed events that have no position
// yet the next positions, in the order they were inserted, holding the
// tenant's sequencer row until the transaction ends; it returns how many.
func (t *Tx) SequenceEvents(ctx context.Context, tenant string) (int64, error) {
	if err := t.check(tenant); err != nil {
		return 0, err
	}
	const lock = `
		INSERT INTO outbox_sequences AS s (tenant_id, employee_id, last_seq)
		VALUES ($1, '00000000-0000-0000-0000-000000000000', 0)
		ON CONFLICT (tenant_id, employee_id) DO UPDATE SET last_seq = s.last_seq
		RETURNING last_seq`
	var base int64
	if err := t.tx.GetContext(ctx, &base, lock, tenant); err != nil {
		return 0, fmt.Errorf("store: sequence events: %w", mapErr(err))
	}
	const q = `
		WITH n AS (
			SELECT id, row_number() OVER (ORDER BY ins) AS rn FROM outbox_events
			WHERE tenant_id = $1 AND pos IS NULL),
		u AS (
			UPDATE outbox_events o SET pos = $2 + n.rn FROM n
			WHERE o.tenant_id = $1 AND o.id = n.id RETURNING o.pos)
		UPDATE outbox_sequences s SET last_seq = (SELECT max(pos) FROM u)
		WHERE s.tenant_id = $1 AND s.employee_id = '00000000-0000-0000-0000-000000000000'
		  AND EXISTS (SELECT 1 FROM u)`
	res, err := t.tx.ExecContext(ctx, q, tenant, base)
	if err != nil {
		return 0, fmt.Errorf("store: sequence events: %w", mapErr(err))
	}
	return res.RowsAffected()
}

// PullEvents lists the tenant's sequenced events in commit order.
func (t *Tx) PullEvents(ctx context.Context, tenant string, q EventQuery) ([]PulledEvent, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const sql = `
		SELECT id, type, payload, created_at, status, pos, employee_id, external_id, sequence, occurred_at, schema_version
		FROM outbox_events
		WHERE tenant_id = $1 AND pos > $2 AND pos IS NOT NULL AND (coalesce(cardinality($3::text[]), 0) = 0 OR type = ANY($3))
		  AND ($4::timestamptz IS NULL OR occurred_at >= $4)
		ORDER BY pos LIMIT $5`
	out := []PulledEvent{}
	if err := t.tx.SelectContext(ctx, &out, sql, tenant, q.After, pq.Array(q.Types), keysetTime(q.Since), q.Limit); err != nil {
		return nil, fmt.Errorf("store: pull events: %w", mapErr(err))
	}
	return out, nil
}

// RedeliveryFilter selects events to send again: by status (pending,
// delivered or failed; "" any) and time of occurrence [From, To).
type RedeliveryFilter struct {
	Status string
	From   time.Time
	To     time.Time
	Types  []string
}

// RedeliverEvents schedules every matching settled event for delivery again
// now (to one integration when integrationID is set, else to all), up to
// limit of them, and returns how many.
func (t *Tx) RedeliverEvents(ctx context.Context, tenant, integrationID string, f RedeliveryFilter, limit int) (int, error) {
	if err := t.check(tenant); err != nil {
		return 0, err
	}
	const q = `
		UPDATE outbox_events SET status = 'pending', next_at = now(), last_error = '', attempts = 0,
			target_integration = NULLIF($6, '')::uuid
		WHERE tenant_id = $1 AND (tenant_id, id) IN (
			SELECT tenant_id, id FROM outbox_events
			WHERE tenant_id = $1 AND status <> 'pending' AND ($2 = '' OR status = $2)
			  AND ($3::timestamptz IS NULL OR occurred_at >= $3) AND ($4::timestamptz IS NULL OR occurred_at < $4)
			  AND (coalesce(cardinality($5::text[]), 0) = 0 OR type = ANY($5))
			ORDER BY pos LIMIT $7)`
	res, err := t.tx.ExecContext(ctx, q, tenant, f.Status, keysetTime(f.From), keysetTime(f.To), pq.Array(f.Types), integrationID, limit)
	if err != nil {
		return 0, fmt.Errorf("store: redeliver events: %w", mapErr(err))
	}
	n, err := res.RowsAffected()
	return int(n), err
}
