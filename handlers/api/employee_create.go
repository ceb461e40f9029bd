package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

// createEmployee is POST /employees.
func (a *API) createEmployee(c *fiber.Ctx) error {
	var in cases.EmployeeInput
	if err := decode(c, &in); err != nil {
		return err
	}
	e, err := a.cases.CreateEmployee(c.UserContext(), handlers.Tenant(c), handlers.Who(c), in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(cases.ViewEmployee(e))
}
