package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// sqlxNamedQuery runs a query with :named parameters in t.
func sqlxNamedQuery(ctx context.Context, t *Tx, q string, args map[string]any) (*sqlx.Rows, error) {
	query, list, err := sqlx.Named(q, args)
	if err != nil {
		return nil, err
	}
	return t.tx.QueryxContext(ctx, t.tx.Rebind(query), list...)
}

// namedOne runs a query with :named parameters in t and scans its one row
// into a T; no row is ErrNotFound. op names the operation in errors.
func namedOne[T any](ctx context.Context, t *Tx, op, q string, args map[string]any) (T, error) {
	var out T
	rows, err := sqlxNamedQuery(ctx, t, q, args)
	if err != nil {
		return out, fmt.Errorf("store: %s: %w", op, mapErr(err))
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return out, fmt.Errorf("store: %s: %w", op, mapErr(err))
		}
		return out, fmt.Errorf("store: %s: %w", op, ErrNotFound)
	}
	if err := rows.StructScan(&out); err != nil {
		return out, fmt.Errorf("store: %s scan: %w", op, err)
	}
	return out, nil
}
