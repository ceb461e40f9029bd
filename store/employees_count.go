package store

import (
	"context"
	"fmt"
)

// EmployeeCounts are head counts of a tenant's employees.
type EmployeeCounts struct {
	Total  int `db:"total"`
	Female int `db:"female"`
}

// CountEmployeesByGender counts the tenant's employees, all and female.
func (t *Tx) CountEmployeesByGender(ctx context.Context, tenant string) (EmployeeCounts, error) {
	if err := t.check(tenant); err != nil {
		return EmployeeCounts{}, err
	}
	const q = `
		SELECT count(*) AS total, count(*) FILTER (WHERE gender = 'female') AS female
		FROM employees WHERE tenant_id = $1`
	var c EmployeeCounts
	if err := t.tx.GetContext(ctx, &c, q, tenant); err != nil {
		return EmployeeCounts{}, fmt.Errorf("store: count employees by gender: %w", err)
	}
	return c, nil
}
