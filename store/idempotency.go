package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/lib/pq"
)

// Idempotency key statuses.
const (
	KeyInFlight = "in_flight" // claimed, its request not finished (seen committed only from earlier versions)
	KeyDone     = "done"      // its response is stored for replay
)

// IdempotencyTTL is how long a key and its stored response are kept.
const IdempotencyTTL = 24 * time.Hour

// IdempotencyWait is how long a repeated request waits for the first one
// holding its key to finish before it is told the key is in flight.
const IdempotencyWait = 10 * time.Second

// idempotencyStale: a key stored in flight by a version before the key
// moved into the request's transaction is taken over after this long.
const idempotencyStale = 5 * time.Minute

// ErrKeyInFlight means another request holding the same key has been
// running for longer than IdempotencyWait.
var ErrKeyInFlight = errors.New("store: idempotency key in flight")

// IdempotentResponse is a stored key: the request's fingerprint and, when
// done, the response to replay.
type IdempotentResponse struct {
	Fingerprint []byte `db:"fingerprint"`
	Status      string `db:"status"`
	Code        int    `db:"response_status"`
	Body        []byte `db:"response_body"`
	ContentType string `db:"content_type"`
}

// ClaimIdempotencyKey takes key for a request with fingerprint fp, in the
// request's own transaction (see RequestTx): the row stays invisible until
// that transaction commits with the effect and the response, and vanishes
// with them when it rolls back — a killed connection leaves nothing behind.
// A second request with the key waits on the row until the first commits
// (then it gets the stored row to replay) or rolls back (then it owns the
// key), at most IdempotencyWait (ErrKeyInFlight). It returns true when the
// caller owns the key now (new or expired); otherwise the key as stored.
func (t *Tx) ClaimIdempotencyKey(ctx context.Context, tenant, key string, fp []byte) (bool, IdempotentResponse, error) {
	if err := t.check(tenant); err != nil {
		return false, IdempotentResponse{}, err
	}
	wait := fmt.Sprintf("SELECT set_config('lock_timeout', '%dms', true)", IdempotencyWait.Milliseconds())
	if _, err := t.tx.ExecContext(ctx, wait); err != nil {
		return false, IdempotentResponse{}, fmt.Errorf("store: idempotency wait: %w", mapErr(err))
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
	var pqErr *pq.Error
	if errors.As(err, &pqErr) && pqErr.Code == "55P03" { // lock_not_available
		return false, IdempotentResponse{}, ErrKeyInFlight
	}
	if err == nil {
		_, err = t.tx.ExecContext(ctx, `SET LOCAL lock_timeout TO DEFAULT`)
		return err == nil, IdempotentResponse{}, mapErr(err)
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

// FinishIdempotencyKey stores the response of the request owning key, in
// the transaction that claimed it.
func (t *Tx) FinishIdempotencyKey(ctx context.Context, tenant, key string, r IdempotentResponse) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `UPDATE idempotency_keys SET status = 'done', response_status = $4,
			response_body = $5, content_type = $6
		WHERE tenant_id = $1 AND key = $2 AND fingerprint = $3 AND status = 'in_flight'`
	res, err := t.tx.ExecContext(ctx, q, tenant, key, r.Fingerprint, r.Code, r.Body, r.ContentType)
	if err != nil {
		return fmt.Errorf("store: finish idempotency key: %w", mapErr(err))
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("store: finish idempotency key: %d rows", n)
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
