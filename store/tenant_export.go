package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/lib/pq"
)

// ExportTable is one table of a tenant's full export: its name and the
// columns left out (binary ones: password and key hashes, encrypted ID
// numbers and secrets, stored PDF bytes).
type ExportTable struct {
	Name    string         `db:"name"`
	Omitted pq.StringArray `db:"omitted"`
}

// TenantTables lists every table of the schema with a tenant_id column,
// found in the catalogue (so a table added later is exported too), by
// name, with its binary columns.
func (t *Tx) TenantTables(ctx context.Context, tenant string) ([]ExportTable, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT c.table_name AS name,
			coalesce(array_agg(b.column_name::text ORDER BY b.column_name) FILTER (WHERE b.column_name IS NOT NULL), '{}') AS omitted
		FROM information_schema.columns c
		JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
		LEFT JOIN information_schema.columns b ON b.table_schema = c.table_schema AND b.table_name = c.table_name
			AND b.data_type = 'bytea'
		WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND tb.table_type = 'BASE TABLE'
		GROUP BY c.table_name ORDER BY c.table_name`
	var out []ExportTable
	if err := t.tx.SelectContext(ctx, &out, q); err != nil {
		return nil, fmt.Errorf("store: tenant tables: %w", err)
	}
	return out, nil
}

// EachTenantRow calls fn with every row of the tenant in table (one of
// TenantTables, or "tenants" for the tenant itself) as a JSON object
// without the omitted columns, as it is read from the connection.
func (t *Tx) EachTenantRow(ctx context.Context, tenant string, table ExportTable, fn func(json.RawMessage) error) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	key := "tenant_id"
	if table.Name == "tenants" {
		key = "id"
	}
	q := fmt.Sprintf(`SELECT to_jsonb(x) - $2::text[] FROM %s x WHERE %s = $1`,
		pq.QuoteIdentifier(table.Name), pq.QuoteIdentifier(key))
	rows, err := t.tx.QueryxContext(ctx, q, tenant, table.Omitted)
	if err != nil {
		return fmt.Errorf("store: export %s: %w", table.Name, err)
	}
	defer rows.Close()
	for rows.Next() {
		var row []byte
		if err := rows.Scan(&row); err != nil {
			return fmt.Errorf("store: export %s: %w", table.Name, err)
		}
		if err := fn(row); err != nil {
			return err
		}
	}
	return rows.Err()
}
