package cases

import (
	"context"

	"leaveguard/store"
)

// ListEmployees returns one page of at most f.Limit of the tenant's
// employees matching f, and whether more follow, auditing the read (a list
// shows names).
func (c *Cases) ListEmployees(ctx context.Context, tenant string, who store.Who, f store.EmployeeFilter) ([]store.Employee, bool, error) {
	size := f.Limit
	f.Limit++
	var rows []store.Employee
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		if rows, err = tx.Employees(ctx, tenant, f); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "employee.list", "employee", "", map[string]any{"count": min(len(rows), size)})
	})
	if err != nil {
		return nil, false, err
	}
	if len(rows) > size {
		return rows[:size], true, nil
	}
	return rows, false, nil
}
