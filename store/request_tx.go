package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// RequestTx is one transaction spanning a whole request: an API POST that
// carries an Idempotency-Key claims its key, runs its use case and stores
// its response in it, so the effect and the stored answer commit together
// or not at all.
//
// Under the context BeginRequest returns, every InTx, ReadTx and BatchTx of
// the same tenant joins this transaction instead of opening its own, each
// in a savepoint: a step that fails is undone alone, as its own
// transaction would have been, and the steps see each other's writes.
type RequestTx struct {
	s      *Store
	tx     *sqlx.Tx
	t      *Tx
	closed bool
}

type requestTxKey struct{}

// BeginRequest opens tenant's request-wide transaction and returns the
// context under which the request's use cases join it.
func (s *Store) BeginRequest(ctx context.Context, tenant string) (context.Context, *RequestTx, error) {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return ctx, nil, fmt.Errorf("store: begin: %w", err)
	}
	t, err := s.bind(ctx, tx, tenant, false)
	if err != nil {
		_ = tx.Rollback()
		return ctx, nil, err
	}
	r := &RequestTx{s: s, tx: tx, t: t}
	return context.WithValue(ctx, requestTxKey{}, r), r, nil
}

// Tx is the request's transaction, for the idempotency layer's own rows.
func (r *RequestTx) Tx() *Tx { return r.t }

// Commit commits everything the request did.
func (r *RequestTx) Commit() error {
	r.closed = true
	if err := r.tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", mapErr(err))
	}
	return nil
}

// Rollback undoes everything the request did (a no-op after Commit).
func (r *RequestTx) Rollback() {
	r.closed = true
	_ = r.tx.Rollback()
}

// requestTx is the open request transaction of tenant under ctx, if any.
func (s *Store) requestTx(ctx context.Context, tenant string) *RequestTx {
	r, _ := ctx.Value(requestTxKey{}).(*RequestTx)
	if r == nil || r.closed || r.s.db != s.db || r.t.tenant != tenant {
		return nil
	}
	return r
}

// join runs fn in a savepoint of the request's transaction: kept when fn
// returns nil, undone otherwise; a deadlock victim is run again. Nested
// joins reuse the name: RELEASE and ROLLBACK TO act on the newest.
func (r *RequestTx) join(ctx context.Context, fn func(*Tx) error) error {
	const sp = "lg_step"
	if _, err := r.tx.ExecContext(ctx, "SAVEPOINT "+sp); err != nil {
		return fmt.Errorf("store: savepoint: %w", mapErr(err))
	}
	for attempt := 1; ; attempt++ {
		err := fn(r.t)
		if err == nil {
			if _, err := r.tx.ExecContext(ctx, "RELEASE SAVEPOINT "+sp); err != nil {
				return fmt.Errorf("store: release savepoint: %w", mapErr(err))
			}
			return nil
		}
		if _, rerr := r.tx.ExecContext(ctx, "ROLLBACK TO SAVEPOINT "+sp); rerr != nil {
			return err
		}
		if !retryable(err) || attempt == txAttempts || ctx.Err() != nil {
			_, _ = r.tx.ExecContext(ctx, "RELEASE SAVEPOINT "+sp)
			return err
		}
		time.Sleep(time.Duration(attempt*attempt) * 5 * time.Millisecond)
	}
}
