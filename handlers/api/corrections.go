package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

// correctMiscarriage is PUT /miscarriages/:id: the corrected facts, the new
// leave plan and what the correction changed.
func (a *API) correctMiscarriage(c *fiber.Ctx) error {
	id, in, err := idAndBody[cases.MiscarriageInput](c)
	if err != nil {
		return err
	}
	rec, err := a.cases.CorrectMiscarriage(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	m := rec.Miscarriage
	return c.JSON(fiber.Map{"id": m.ID, "employee_id": m.EmployeeID, "date": m.Date, "gestation_weeks": m.GestationWeeks,
		"version": rec.Version, "leave_plan": rec.Plan, "correction": rec.Correction})
}

// correctMarriage is PUT /marriages/:id.
func (a *API) correctMarriage(c *fiber.Ctx) error {
	id, in, err := idAndBody[cases.MarriageInput](c)
	if err != nil {
		return err
	}
	out, err := a.cases.CorrectMarriage(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"id": out.Marriage.ID, "employee_id": out.Marriage.EmployeeID,
		"registered_on": out.Marriage.RegisteredOn, "version": out.Version, "correction": out.Correction})
}

// correctPregnancy is PUT /pregnancies/:id.
func (a *API) correctPregnancy(c *fiber.Ctx) error {
	id, in, err := idAndBody[cases.PregnancyInput](c)
	if err != nil {
		return err
	}
	p, v, err := a.cases.CorrectPregnancy(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"id": p.ID, "employee_id": p.EmployeeID, "reported_on": p.ReportedOn,
		"expected_due_date": p.ExpectedDueDate, "confirmed_start": p.ConfirmedStart, "version": v})
}
