package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

func (a *API) registerSeparation(r fiber.Router) {
	r.Post("/employees/:id/separation", handlers.Require(writers...), a.recordSeparation)
	r.Delete("/employees/:id/separation", handlers.Require(writers...), a.withdrawSeparation)
}

// recordSeparation is POST /employees/:id/separation: the separation (离职)
// with its findings; a protected employee's may be refused (422).
func (a *API) recordSeparation(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var in cases.SeparationInput
	if err := decode(c, &in); err != nil {
		return err
	}
	p, _ := handlers.PrincipalOf(c)
	in.Role = p.Role
	s, err := a.cases.RecordSeparation(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(s)
}

// withdrawSeparation is DELETE /employees/:id/separation: the separation is
// withdrawn (rehire) as a new event; the history is kept.
func (a *API) withdrawSeparation(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	s, err := a.cases.WithdrawSeparation(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err != nil {
		return err
	}
	return c.JSON(s)
}
