package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
	"leaveguard/store"
)

// createEmployee is POST /employees.
func (a *API) createEmployee(c *fiber.Ctx) error {
	var in employeeInput
	if err := decode(c, &in); err != nil {
		return err
	}
	var e store.Employee
	changed, err := in.apply(&e, true, a)
	if err != nil {
		return err
	}
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	err = a.store.InTx(ctx, tenant, func(tx *store.Tx) error {
		created, err := tx.CreateEmployee(ctx, tenant, e)
		if err != nil {
			return employeeConflict(err)
		}
		e = created
		return tx.Audit(ctx, tenant, handlers.Who(c), "employee.create", "employee", e.ID, map[string]any{"fields": changed})
	})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(viewEmployee(e))
}

// employeeConflict names which unique key a duplicate employee hit.
func employeeConflict(err error) error {
	switch {
	case store.ConflictOn(err, "employees_external_id"):
		return &handlers.Error{Status: fiber.StatusConflict, Code: "employee_exists",
			Message: "该员工编号已存在", Fields: map[string]string{"external_id": "已被其他员工使用"}}
	case store.ConflictOn(err, "employees_national_id"):
		return &handlers.Error{Status: fiber.StatusConflict, Code: "national_id_exists",
			Message: "该身份证号已登记在本单位其他员工名下", Fields: map[string]string{"national_id": "已登记"}}
	}
	return err
}
