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
		ids := make([]string, min(len(rows), size))
		for i := range ids {
			ids[i] = rows[i].ID
		}
		return auditList(ctx, tx, tenant, who, "employee.list", "employee", ids, nil)
	})
	if err != nil {
		return nil, false, err
	}
	if len(rows) > size {
		return rows[:size], true, nil
	}
	return rows, false, nil
}
