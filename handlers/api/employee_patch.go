package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

// patchEmployee is PATCH /employees/:id: only the fields present change.
func (a *API) patchEmployee(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var in cases.EmployeeInput
	if err := decode(c, &in); err != nil {
		return err
	}
	e, err := a.cases.UpdateEmployee(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in, nil)
	if err != nil {
		return err
	}
	return c.JSON(viewEmployee(e))
}
