package api

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
	"leaveguard/store"
)

// listEmployees is GET /employees (?external_id, q, gender, limit, cursor).
func (a *API) listEmployees(c *fiber.Ctx) error {
	n, err := limit(c)
	if err != nil {
		return err
	}
	after, afterID, err := decodeCursor(c.Query("cursor"))
	if err != nil {
		return err
	}
	f := store.EmployeeFilter{ExternalID: c.Query("external_id"), Query: c.Query("q"),
		Gender: c.Query("gender"), AfterTime: after, AfterID: afterID, Limit: n + 1}
	if f.Gender != "" && f.Gender != "female" && f.Gender != "male" {
		return handlers.Invalid(map[string]string{"gender": "须为 female 或 male"})
	}
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	var rows []store.Employee
	err = a.store.InTx(ctx, tenant, func(tx *store.Tx) error {
		if rows, err = tx.Employees(ctx, tenant, f); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, handlers.Who(c), "employee.list", "employee", "", map[string]any{"count": min(len(rows), n)})
	})
	if err != nil {
		return err
	}
	return c.JSON(pageOf(rows, n, viewEmployee, func(e store.Employee) (time.Time, string) { return e.CreatedAt, e.ID }))
}
