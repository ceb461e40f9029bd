package main

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// baseRows reads every row of the prepared statement st in tx as a column
// → value map (bytes as text), the bare program's generic scan.
func baseRows(ctx context.Context, tx *sqlx.Tx, st *sqlx.Stmt, args ...any) ([]map[string]any, error) {
	rows, err := tx.StmtxContext(ctx, st).QueryxContext(ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("baseline query: %w", err)
	}
	defer rows.Close()
	var out []map[string]any
	for rows.Next() {
		m := map[string]any{}
		if err := rows.MapScan(m); err != nil {
			return nil, fmt.Errorf("baseline scan: %w", err)
		}
		for k, v := range m {
			if b, ok := v.([]byte); ok {
				m[k] = string(b)
			}
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
