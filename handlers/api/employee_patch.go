package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
	"leaveguard/store"
)

// patchEmployee is PATCH /employees/:id: only the fields present change.
func (a *API) patchEmployee(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var in employeeInput
	if err := decode(c, &in); err != nil {
		return err
	}
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	var e store.Employee
	err = a.store.InTx(ctx, tenant, func(tx *store.Tx) error {
		if e, err = tx.EmployeeForUpdate(ctx, tenant, id); err != nil {
			return err
		}
		changed, err := in.apply(&e, false, a)
		if err != nil {
			return err
		}
		if e, err = tx.UpdateEmployee(ctx, tenant, e); err != nil {
			return employeeConflict(err)
		}
		return tx.Audit(ctx, tenant, handlers.Who(c), "employee.update", "employee", e.ID, map[string]any{"fields": changed})
	})
	if err != nil {
		return err
	}
	return c.JSON(viewEmployee(e))
}
