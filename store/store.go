// Package store is LeaveGuard's PostgreSQL storage, through sqlx and lib/pq.
// Every method takes the tenant first and every statement filters on it;
// row-level security, set per transaction with set_config(..., true), is the
// second lock. Database errors are mapped to ErrNotFound and ErrConflict.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

var (
	// ErrNotFound means no row of this tenant matched (another tenant's row
	// is never visible, so it is not found either).
	ErrNotFound = errors.New("store: not found")
	// ErrConflict means a unique key was already taken.
	ErrConflict = errors.New("store: conflict")
	// ErrTenantMismatch means a method was called with a tenant other than
	// the one its transaction was opened for: a programming error.
	ErrTenantMismatch = errors.New("store: tenant mismatch")
)

// Store is the handle on the database.
type Store struct {
	db    *sqlx.DB
	stmts *stmts
	clock func() time.Time
}

// New returns a Store over db whose audit rows are stamped by the wall clock.
func New(db *sqlx.DB) *Store { return &Store{db: db, stmts: newStmts(db), clock: time.Now} }

// WithClock returns a copy of s whose audit rows are stamped by clock (the
// application's one clock, pinned in tests).
func (s *Store) WithClock(clock func() time.Time) *Store {
	out := *s
	out.clock = clock
	return &out
}

// DB returns the underlying pool (for health checks and metrics).
func (s *Store) DB() *sqlx.DB { return s.db }

// Tx is a transaction bound to one tenant.
type Tx struct {
	tx     stmtTx
	tenant string
	lane   int // the audit chain this transaction appends to
	clock  func() time.Time
}

// InTx runs fn in a transaction whose app.tenant_id is tenant, committing
// when fn returns nil and rolling back otherwise (in a savepoint of the
// request's transaction when ctx carries one: see RequestTx).
func (s *Store) InTx(ctx context.Context, tenant string, fn func(*Tx) error) error {
	return s.inTx(ctx, tenant, txKind{}, fn)
}

// ReadTx is InTx for read-only work.
func (s *Store) ReadTx(ctx context.Context, tenant string, fn func(*Tx) error) error {
	return s.inTx(ctx, tenant, txKind{opts: &sql.TxOptions{ReadOnly: true}}, fn)
}

// BatchTx is InTx for set-at-a-time work whose statements take arrays of
// keys (key = ANY($2), unnest): PostgreSQL then keeps one generic plan per
// statement and connection instead of planning it again on every call, which
// it otherwise does because a plan for the array at hand always looks
// cheaper than one for any array. Every statement of such work must be led
// by an index on its keys.
func (s *Store) BatchTx(ctx context.Context, tenant string, fn func(*Tx) error) error {
	return s.inTx(ctx, tenant, txKind{generic: true}, fn)
}

// txKind is how a transaction is opened: its options and whether its
// statements use generic plans.
type txKind struct {
	opts    *sql.TxOptions
	generic bool
}

// txAttempts is how often a transaction that PostgreSQL aborted to break a
// deadlock (or a serialization conflict) is run again before giving up.
const txAttempts = 3

func (s *Store) inTx(ctx context.Context, tenant string, kind txKind, fn func(*Tx) error) error {
	if r := s.requestTx(ctx, tenant); r != nil {
		return r.join(ctx, fn)
	}
	var err error
	for attempt := 1; attempt <= txAttempts; attempt++ {
		if err = s.inTxOnce(ctx, tenant, kind, fn); !retryable(err) || ctx.Err() != nil {
			return err
		}
		time.Sleep(time.Duration(attempt*attempt) * 5 * time.Millisecond)
	}
	return err
}

// retryable reports a deadlock victim or a serialization failure: the
// transaction did nothing and may simply be run again.
func retryable(err error) bool {
	var pqErr *pq.Error
	return errors.As(err, &pqErr) && (pqErr.Code == "40P01" || pqErr.Code == "40001")
}

func (s *Store) inTxOnce(ctx context.Context, tenant string, kind txKind, fn func(*Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, kind.opts)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after commit
	t, err := s.bind(ctx, tx, tenant, kind.generic)
	if err != nil {
		return err
	}
	if err := fn(t); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", mapErr(err))
	}
	return nil
}

// bind sets tx's app.tenant_id, which row-level security reads, and returns
// it as a Tx of that tenant. The tenant is a UUID (checked here), so it is
// sent inline: a statement without parameters takes one round trip with
// lib/pq instead of two. generic sets plan_cache_mode in the same statement
// (see BatchTx).
func (s *Store) bind(ctx context.Context, tx *sqlx.Tx, tenant string, generic bool) (*Tx, error) {
	id, err := uuid.Parse(tenant)
	if err != nil {
		return nil, ErrTenantMismatch
	}
	q := `SELECT set_config('app.tenant_id', '` + id.String() + `', true)`
	if generic {
		q += `, set_config('plan_cache_mode', 'force_generic_plan', true)`
	}
	if _, err := tx.ExecContext(ctx, q); err != nil {
		return nil, fmt.Errorf("store: set tenant: %w", err)
	}
	return &Tx{tx: stmtTx{Tx: tx, cache: s.stmts}, tenant: tenant, lane: rand.IntN(AuditLanes), clock: s.clock}, nil
}

// check guards every Tx method: the tenant argument must be the tenant the
// transaction was opened for.
func (t *Tx) check(tenant string) error {
	if tenant != t.tenant || tenant == "" {
		return ErrTenantMismatch
	}
	return nil
}

// mapErr turns driver errors into the store's sentinel errors.
func mapErr(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	var pqErr *pq.Error
	if errors.As(err, &pqErr) {
		switch pqErr.Code {
		case "23505":
			return &ConflictError{Constraint: pqErr.Constraint}
		case "22P02": // invalid text representation, e.g. a malformed uuid
			return ErrNotFound
		}
	}
	return err
}

// ConflictError is a unique-key violation on Constraint; it matches ErrConflict.
type ConflictError struct {
	Constraint string
}

// Error implements error.
func (e *ConflictError) Error() string { return "store: conflict on " + e.Constraint }

// Is makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// ConflictOn reports whether err is a conflict on the named unique index.
func ConflictOn(err error, constraint string) bool {
	var c *ConflictError
	return errors.As(err, &c) && c.Constraint == constraint
}

// Tenant returns the tenant the transaction was opened for.
func (t *Tx) TenantID() string { return t.tenant }
