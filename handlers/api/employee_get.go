package api

import (
	"github.com/gofiber/fiber/v2"
	"leaveguard/app/cases"

	"leaveguard/handlers"
)

// getEmployee is GET /employees/:id; the read of personal data is audited.
func (a *API) getEmployee(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	e, err := a.cases.Employee(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err != nil {
		return err
	}
	return c.JSON(cases.ViewEmployee(e))
}
