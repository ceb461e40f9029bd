package api

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
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
		AfterTime: k.At, AfterID: k.ID, Limit: k.N}
	if f.Status != "current" && f.Status != "former" && f.Status != "all" {
		return handlers.Invalid(map[string]string{"status": "须为 current（在职）、former（已离职）或 all（全部）"})
	}
	if f.Gender != "" && f.Gender != "female" && f.Gender != "male" {
		return handlers.Invalid(map[string]string{"gender": "须为 female 或 male"})
	}
	rows, more, err := a.cases.ListEmployees(c.UserContext(), handlers.Tenant(c), handlers.Who(c), f)
	if err != nil {
		return err
	}
	key := func(e store.Employee) (time.Time, string) { return e.CreatedAt, e.ID }
	out := pageOf(rows, k.N, cases.ViewEmployee, key)
	if more {
		out.NextCursor = encodeCursor(key(rows[len(rows)-1]))
	}
	return c.JSON(out)
}
