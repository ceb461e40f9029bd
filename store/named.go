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

func scanOneEmployee(rows *sqlx.Rows) (Employee, error) {
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return Employee{}, mapErr(err)
		}
		return Employee{}, ErrNotFound
	}
	var e Employee
	if err := rows.StructScan(&e); err != nil {
		return Employee{}, fmt.Errorf("store: scan employee: %w", err)
	}
	return e, mapErr(rows.Err())
}
