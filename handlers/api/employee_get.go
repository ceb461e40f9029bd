package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
	"leaveguard/store"
)

// getEmployee is GET /employees/:id; the read of personal data is audited.
func (a *API) getEmployee(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	var e store.Employee
	err = a.store.InTx(ctx, tenant, func(tx *store.Tx) error {
		if e, err = tx.Employee(ctx, tenant, id); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, handlers.Who(c), "employee.read", "employee", e.ID, nil)
	})
	if err != nil {
		return err
	}
	return c.JSON(viewEmployee(e))
}
