package main

import (
	"fmt"

	"github.com/jmoiron/sqlx"
)

// basePrep prepares the bare program's statements once, at start-up, as a
// careful lib/pq user does: PostgreSQL then parses and plans each query
// once per connection (database/sql prepares it again on a new connection
// by itself, and a transaction binds it with Tx.Stmt) and lib/pq runs it in
// one round trip instead of two, as LeaveGuard's statement cache does.
// Preparing before the load starts cannot wait on a pool whose connections
// are all held by transactions.
type basePrep struct {
	db  *sqlx.DB
	err error // the first failure: the baseline does not start
}

// stmt prepares q.
func (p *basePrep) stmt(q string) *sqlx.Stmt {
	s, err := p.db.Preparex(q)
	if err != nil && p.err == nil {
		p.err = fmt.Errorf("baseline: prepare %.60q: %w", q, err)
	}
	return s
}

// stmts prepares each of qs.
func (p *basePrep) stmts(qs []string) []*sqlx.Stmt {
	out := make([]*sqlx.Stmt, len(qs))
	for i, q := range qs {
		out[i] = p.stmt(q)
	}
	return out
}
