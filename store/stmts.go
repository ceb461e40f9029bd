package store

import (
	"context"
	"database/sql"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"
)

// maxStmts bounds the statement cache; queries beyond it run unprepared.
const maxStmts = 1000

// stmts caches a prepared statement per query text, so PostgreSQL parses and
// plans each query once per connection instead of on every call (planning
// the row-level-security-filtered joins cost more than running them), and
// lib/pq runs it in one round trip instead of two.
//
// A query seen for the first time runs unprepared and is prepared in the
// background: preparing on the pool while a transaction holds one of its
// connections could wait for a connection forever when every connection is
// held by a transaction doing the same. Later transactions then prepare the
// statement on their own connection once (database/sql remembers it there).
type stmts struct {
	db      *sqlx.DB
	mu      sync.Mutex
	ready   map[string]*sqlx.Stmt
	pending map[string]bool
}

func newStmts(db *sqlx.DB) *stmts {
	return &stmts{db: db, ready: map[string]*sqlx.Stmt{}, pending: map[string]bool{}}
}

// get returns q's prepared statement, or nil (and starts preparing it) when
// there is none yet.
func (c *stmts) get(q string) *sqlx.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.ready[q]; ok {
		return s
	}
	if c.pending[q] || len(c.ready)+len(c.pending) >= maxStmts {
		return nil
	}
	c.pending[q] = true
	go c.prepare(q)
	return nil
}

func (c *stmts) prepare(q string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := c.db.PreparexContext(ctx, q)
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.pending, q)
	if err == nil { // a failure is retried the next time the query runs
		c.ready[q] = s
	}
}

// stmtTx is a transaction whose queries go through the statement cache.
type stmtTx struct {
	*sqlx.Tx
	cache *stmts
}

// stmt is q's cached statement bound to this transaction, or nil.
func (t stmtTx) stmt(ctx context.Context, q string) *sqlx.Stmt {
	if s := t.cache.get(q); s != nil {
		return t.Tx.StmtxContext(ctx, s)
	}
	return nil
}

func (t stmtTx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if s := t.stmt(ctx, q); s != nil {
		return s.ExecContext(ctx, args...)
	}
	return t.Tx.ExecContext(ctx, q, args...)
}

func (t stmtTx) GetContext(ctx context.Context, dest any, q string, args ...any) error {
	if s := t.stmt(ctx, q); s != nil {
		return s.GetContext(ctx, dest, args...)
	}
	return t.Tx.GetContext(ctx, dest, q, args...)
}

func (t stmtTx) SelectContext(ctx context.Context, dest any, q string, args ...any) error {
	if s := t.stmt(ctx, q); s != nil {
		return s.SelectContext(ctx, dest, args...)
	}
	return t.Tx.SelectContext(ctx, dest, q, args...)
}

func (t stmtTx) QueryxContext(ctx context.Context, q string, args ...any) (*sqlx.Rows, error) {
	if s := t.stmt(ctx, q); s != nil {
		return s.QueryxContext(ctx, args...)
	}
	return t.Tx.QueryxContext(ctx, q, args...)
}

func (t stmtTx) QueryRowxContext(ctx context.Context, q string, args ...any) *sqlx.Row {
	if s := t.stmt(ctx, q); s != nil {
		return s.QueryRowxContext(ctx, args...)
	}
	return t.Tx.QueryRowxContext(ctx, q, args...)
}
