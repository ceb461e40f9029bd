package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/lib/pq"
)

// ClaimedEvent is an outbox event leased to a delivery worker until
// LockedUntil, which also fences the worker's later writes.
type ClaimedEvent struct {
	Tenant      string          `db:"tenant_id"`
	ID          string          `db:"id"`
	Type        string          `db:"type"`
	Payload     json.RawMessage `db:"payload"`
	Attempts    int             `db:"attempts"`
	CreatedAt   time.Time       `db:"created_at"`
	Target      *string         `db:"target_integration"`
	LockedUntil time.Time       `db:"locked_until"`
	EventMeta
}

// EventMeta is what every event body carries besides its type and data:
// the employee it is about (nil for tenant-wide events), her number in the
// employer's own system, her events' sequence, when it happened and the
// body's schema version.
type EventMeta struct {
	EmployeeID    *string   `db:"employee_id"`
	ExternalID    string    `db:"external_id"`
	Sequence      *int64    `db:"sequence"`
	OccurredAt    time.Time `db:"occurred_at"`
	SchemaVersion int       `db:"schema_version"`
}

// ClaimOutbox leases up to limit due events of every tenant for lease,
// through the SECURITY DEFINER function outbox_claim (FOR UPDATE SKIP
// LOCKED, so several workers never claim the same event at once). Only the
// earliest pending event of each employee is claimable, so her events are
// sent in sequence order.
func (s *Store) ClaimOutbox(ctx context.Context, limit int, lease time.Duration, now time.Time) ([]ClaimedEvent, error) {
	const q = `SELECT tenant_id, id, type, payload, attempts, created_at, target_integration, locked_until,
			employee_id, external_id, sequence, occurred_at, schema_version
		FROM outbox_claim($1, make_interval(secs => $2), $3)`
	out := []ClaimedEvent{}
	if err := s.db.SelectContext(ctx, &out, q, limit, lease.Seconds(), now); err != nil {
		return nil, fmt.Errorf("store: claim outbox: %w", err)
	}
	return out, nil
}

// Attempt is one delivery attempt of an outbound event to an integration.
type Attempt struct {
	ID            string    `db:"id"`
	EventID       string    `db:"event_id"`
	IntegrationID string    `db:"integration_id"`
	Attempt       int       `db:"attempt"`
	StatusCode    int       `db:"status_code"`
	Error         string    `db:"error"`
	At            time.Time `db:"at"`
	EventType     string    `db:"event_type"`   // listings only
	EventStatus   string    `db:"event_status"` // listings only
}

// RecordAttempt logs one delivery attempt.
func (t *Tx) RecordAttempt(ctx context.Context, tenant string, a Attempt) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `
		INSERT INTO outbox_attempts (tenant_id, event_id, integration_id, attempt, status_code, error)
		VALUES ($1, $2, $3, $4, $5, $6)`
	if _, err := t.tx.ExecContext(ctx, q, tenant, a.EventID, a.IntegrationID, a.Attempt, a.StatusCode, a.Error); err != nil {
		return fmt.Errorf("store: record attempt: %w", err)
	}
	return nil
}

// DeliveredTo lists the integrations that already accepted (2xx) an event.
func (t *Tx) DeliveredTo(ctx context.Context, tenant, eventID string) ([]string, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `SELECT DISTINCT integration_id FROM outbox_attempts
		WHERE tenant_id = $1 AND event_id = $2 AND status_code BETWEEN 200 AND 299`
	out := []string{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, eventID); err != nil {
		return nil, fmt.Errorf("store: delivered to: %w", err)
	}
	return out, nil
}

// Settlement is how a delivery round of an event ended.
type Settlement struct {
	Status    string    // "delivered", "pending" (retry at NextAt) or "failed"
	NextAt    time.Time // pending only
	LastError string    // a short description, or a note such as "no endpoint"
}

// SettleEvent ends a worker's lease on an event, counting the round as an
// attempt. It returns false (and changes nothing) when the lease is no
// longer the worker's: it expired and another worker claimed the event.
func (t *Tx) SettleEvent(ctx context.Context, tenant, id string, lease time.Time, s Settlement) (bool, error) {
	if err := t.check(tenant); err != nil {
		return false, err
	}
	const q = `
		UPDATE outbox_events SET status = $4, attempts = attempts + 1, locked_until = NULL,
			next_at = CASE WHEN $4 = 'pending' THEN $5 ELSE next_at END, last_error = $6,
			delivered_at = CASE WHEN $4 = 'delivered' THEN now() ELSE delivered_at END,
			target_integration = CASE WHEN $4 = 'pending' THEN target_integration END
		WHERE tenant_id = $1 AND id = $2 AND locked_until = $3`
	res, err := t.tx.ExecContext(ctx, q, tenant, id, lease, s.Status, s.NextAt, s.LastError)
	if err != nil {
		return false, fmt.Errorf("store: settle event: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// ReleaseEvents gives claimed events back untouched (a worker stopping);
// events whose lease changed since are left alone.
func (t *Tx) ReleaseEvents(ctx context.Context, tenant string, ids []string, lease time.Time) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `UPDATE outbox_events SET locked_until = NULL
		WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND locked_until = $3`
	if _, err := t.tx.ExecContext(ctx, q, tenant, pq.Array(ids), lease); err != nil {
		return fmt.Errorf("store: release events: %w", err)
	}
	return nil
}

// AsyncCommit lets this transaction commit without waiting for its WAL
// flush. For delivery bookkeeping only: a crash may lose the last records,
// and the events are then delivered again, as at-least-once allows.
func (t *Tx) AsyncCommit(ctx context.Context, tenant string) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `SET LOCAL synchronous_commit = off`
	if _, err := t.tx.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("store: async commit: %w", err)
	}
	return nil
}

// RedeliverEvent schedules an event for delivery again now, to one
// integration when it is settled, or to all when it is still pending.
func (t *Tx) RedeliverEvent(ctx context.Context, tenant, eventID, integrationID string) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `
		UPDATE outbox_events SET next_at = now(), last_error = '',
			target_integration = CASE WHEN status = 'pending' THEN NULL ELSE $3::uuid END,
			attempts = CASE WHEN status = 'pending' THEN attempts ELSE 0 END,
			status = 'pending'
		WHERE tenant_id = $1 AND id = $2`
	return t.execExactlyOne(ctx, "redeliver event", q, tenant, eventID, integrationID)
}

// Attempts lists the delivery attempts to an integration, newest first,
// of events in f.Status (pending, delivered, failed; "" any).
func (t *Tx) Attempts(ctx context.Context, tenant, integrationID string, f LogFilter) ([]Attempt, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT a.id, a.event_id, a.integration_id, a.attempt, a.status_code, a.error, a.at,
			e.type AS event_type, e.status AS event_status
		FROM outbox_attempts a
		JOIN outbox_events e ON e.tenant_id = a.tenant_id AND e.id = a.event_id
		WHERE a.tenant_id = $1 AND a.integration_id = $2
		  AND ($3::timestamptz IS NULL OR (a.at, a.id) < ($3, $4::uuid))
		  AND ($6 = '' OR e.status = $6)
		ORDER BY a.at DESC, a.id DESC LIMIT $5`
	out := []Attempt{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, integrationID,
		keysetTime(f.BeforeTime), keysetID(f.BeforeID), f.Limit, f.Status); err != nil {
		return nil, fmt.Errorf("store: attempts: %w", mapErr(err))
	}
	return out, nil
}
