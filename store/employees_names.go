package store

import (
	"context"
	"fmt"

	"github.com/lib/pq"
)

// EmployeeLabel is how a list names an employee: name and the employer's id.
type EmployeeLabel struct {
	ID         string `db:"id"`
	Name       string `db:"name"`
	ExternalID string `db:"external_id"`
}

// EmployeeLabels returns the labels of the tenant's employees among ids.
func (t *Tx) EmployeeLabels(ctx context.Context, tenant string, ids []string) (map[string]EmployeeLabel, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `SELECT id, name, external_id FROM employees WHERE tenant_id = $1 AND id = ANY($2::uuid[])`
	var rows []EmployeeLabel
	if err := t.tx.SelectContext(ctx, &rows, q, tenant, pq.Array(ids)); err != nil {
		return nil, fmt.Errorf("store: employee labels: %w", mapErr(err))
	}
	out := make(map[string]EmployeeLabel, len(rows))
	for _, r := range rows {
		out[r.ID] = r
	}
	return out, nil
}
