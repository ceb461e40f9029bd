package store

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Idempotency key statuses.
const (
	KeyInFlight = "in_flight" // the first request is still running
	KeyDone     = "done"      // its response is stored for replay
)

// IdempotencyTTL is how long a key and its stored response are kept.
const IdempotencyTTL = 24 * time.Hour

// idempotencyStale is how long an in-flight key may stay unfinished (a
// crashed instance) before a new request may take it over. It is well past
// the server's write timeout.
const idempotencyStale = 5 * time.Minute

// IdempotentResponse is a stored key: the request's fingerprint and, when
// done, the response to replay.
type IdempotentResponse struct {
	Fingerprint []byte `db:"fingerprint"`
	Status      string `db:"status"`
	Code        int    `db:"response_status"`
	Body        []byte `db:"response_body"`
	ContentType string `db:"content_type"`
}

// ClaimIdempotencyKey atomically takes key for a request with fingerprint
// fp. It returns true when the caller owns the key now (new, expired, or
// abandoned in flight); otherwise it returns the key as stored.
func (t *Tx) ClaimIdempotencyKey(ctx context.Context, tenant, key string, fp []byte) (bool, IdempotentResponse, error) {
	if err := t.check(tenant); err != nil {
		return false, IdempotentResponse{}, err
	}
	const q = `
		INSERT INTO idempotency_keys (tenant_id, key, fingerprint, status) VALUES ($1, $2, $3, 'in_flight')
		ON CONFLICT (tenant_id, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,
			status = 'in_flight', response_status = 0, response_body = '\x', content_type = '', created_at = now()
		WHERE idempotency_keys.created_at < now() - make_interval(secs => $4)
		   OR (idempotency_keys.status = 'in_flight' AND idempotency_keys.created_at < now() - make_interval(secs => $5))
		RETURNING true`
	var ok bool
	err := mapErr(t.tx.QueryRowxContext(ctx, q, tenant, key, fp, IdempotencyTTL.Seconds(), idempotencyStale.Seconds()).Scan(&ok))
	if err == nil {
		return true, IdempotentResponse{}, nil
	}
	if !errors.Is(err, ErrNotFound) {
		return false, IdempotentResponse{}, fmt.Errorf("store: claim idempotency key: %w", err)
	}
	const get = `SELECT fingerprint, status, response_status, response_body, content_type
		FROM idempotency_keys WHERE tenant_id = $1 AND key = $2`
	var r IdempotentResponse
	if err := t.tx.GetContext(ctx, &r, get, tenant, key); err != nil {
		return false, IdempotentResponse{}, fmt.Errorf("store: idempotency key: %w", mapErr(err))
	}
	return false, r, nil
}

// FinishIdempotencyKey stores the response of the request owning key.
func (t *Tx) FinishIdempotencyKey(ctx context.Context, tenant, key string, r IdempotentResponse) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `UPDATE idempotency_keys SET status = 'done', response_status = $4,
			response_body = $5, content_type = $6
		WHERE tenant_id = $1 AND key = $2 AND fingerprint = $3 AND status = 'in_flight'`
	if _, err := t.tx.ExecContext(ctx, q, tenant, key, r.Fingerprint, r.Code, r.Body, r.ContentType); err != nil {
		return fmt.Errorf("store: finish idempotency key: %w", err)
	}
	return nil
}

// ReleaseIdempotencyKey forgets an in-flight key whose request failed
// (a 5xx), so the client may retry with it.
func (t *Tx) ReleaseIdempotencyKey(ctx context.Context, tenant, key string, fp []byte) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `DELETE FROM idempotency_keys
		WHERE tenant_id = $1 AND key = $2 AND fingerprint = $3 AND status = 'in_flight'`
	if _, err := t.tx.ExecContext(ctx, q, tenant, key, fp); err != nil {
		return fmt.Errorf("store: release idempotency key: %w", err)
	}
	return nil
}

// PurgeIdempotencyKeys deletes every tenant's keys older than
// IdempotencyTTL, through the SECURITY DEFINER function idempotency_purge.
func (s *Store) PurgeIdempotencyKeys(ctx context.Context) (int64, error) {
	const q = `SELECT idempotency_purge(make_interval(secs => $1))`
	var n int64
	if err := s.db.GetContext(ctx, &n, q, IdempotencyTTL.Seconds()); err != nil {
		return 0, fmt.Errorf("store: purge idempotency keys: %w", err)
	}
	return n, nil
}
