package api

import (
	"leaveguard/app/cases"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
	"leaveguard/store"
)

// listEmployees is GET /employees (?external_id, q, gender, status, limit,
// cursor); former employees (last day before today) only with
// status=former or status=all.
func (a *API) listEmployees(c *fiber.Ctx) error {
	k, err := readKeyset(c)
	if err != nil {
		return err
	}
	f := store.EmployeeFilter{ExternalID: c.Query("external_id"), Query: c.Query("q"),
		Gender: c.Query("gender"), Status: c.Query("status", "current"), Today: a.cases.Today(),
		AfterTime: k.At, AfterID: k.ID, Limit: k.N + 1}
	if f.Status != "current" && f.Status != "former" && f.Status != "all" {
		return handlers.Invalid(map[string]string{"status": "须为 current（在职）、former（已离职）或 all（全部）"})
	}
	if f.Gender != "" && f.Gender != "female" && f.Gender != "male" {
		return handlers.Invalid(map[string]string{"gender": "须为 female 或 male"})
	}
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	var rows []store.Employee
	err = a.store.InTx(ctx, tenant, func(tx *store.Tx) error {
		if rows, err = tx.Employees(ctx, tenant, f); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, handlers.Who(c), "employee.list", "employee", "", map[string]any{"count": min(len(rows), k.N)})
	})
	if err != nil {
		return err
	}
	return c.JSON(pageOf(rows, k.N, cases.ViewEmployee, func(e store.Employee) (time.Time, string) { return e.CreatedAt, e.ID }))
}
