package cases

import (
	"context"

	"leaveguard/store"
)

// CreateEmployee validates in and stores a new employee, audited.
func (c *Cases) CreateEmployee(ctx context.Context, tenant string, who store.Who, in EmployeeInput) (store.Employee, error) {
	var e store.Employee
	changed, err := in.Apply(&e, true, c)
	if err != nil {
		return store.Employee{}, err
	}
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		created, err := tx.CreateEmployee(ctx, tenant, e)
		if err != nil {
			return EmployeeConflict(err)
		}
		e = created
		return tx.Audit(ctx, tenant, who, "employee.create", "employee", e.ID, map[string]any{"fields": changed})
	})
	return e, err
}

// UpdateEmployee applies the fields present in in to employee id, audited.
// The check, when not nil, may refuse the change (a wage cut during a
// protected period, say) after seeing the employee before and after.
func (c *Cases) UpdateEmployee(ctx context.Context, tenant string, who store.Who, id string, in EmployeeInput,
	check func(tx *store.Tx, before, after store.Employee) error) (store.Employee, error) {
	var e store.Employee
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		before, err := tx.EmployeeForUpdate(ctx, tenant, id)
		if err != nil {
			return err
		}
		if err := refuseAnonymised(before); err != nil {
			return err
		}
		e = before
		changed, err := in.Apply(&e, false, c)
		if err != nil {
			return err
		}
		if check != nil {
			if err := check(tx, before, e); err != nil {
				return err
			}
		}
		if e, err = tx.UpdateEmployee(ctx, tenant, e); err != nil {
			return EmployeeConflict(err)
		}
		return tx.Audit(ctx, tenant, who, "employee.update", "employee", e.ID, map[string]any{"fields": changed})
	})
	return e, err
}

// Employee loads one employee, auditing the read of personal data.
func (c *Cases) Employee(ctx context.Context, tenant string, who store.Who, id string) (store.Employee, error) {
	var e store.Employee
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		if e, err = tx.Employee(ctx, tenant, id); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "employee.read", "employee", e.ID, nil)
	})
	return e, err
}

// EmployeeConflict names which unique key a duplicate employee hit.
func EmployeeConflict(err error) error {
	switch {
	case store.ConflictOn(err, "employees_external_id"):
		return &Error{Kind: Conflict, Code: "employee_exists", Message: "该员工编号已存在",
			Fields: map[string]string{"external_id": "已被其他员工使用"}}
	case store.ConflictOn(err, "employees_national_id"):
		return &Error{Kind: Conflict, Code: "national_id_exists", Message: "该身份证号已登记在本单位其他员工名下",
			Fields: map[string]string{"national_id": "已登记"}}
	}
	return err
}
