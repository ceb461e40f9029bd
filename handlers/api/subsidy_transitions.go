package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

// recomputeSubsidy is POST /subsidy-applications/{id}/recompute (draft only).
func (a *API) recomputeSubsidy(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	s, err := a.cases.RecomputeSubsidy(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err != nil {
		return err
	}
	return c.JSON(s)
}

// submitSubsidy is POST /subsidy-applications/{id}/submit [{submitted_on}].
func (a *API) submitSubsidy(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var in cases.SubmitInput
	if err := decodeOptional(c, &in); err != nil {
		return err
	}
	s, err := a.cases.SubmitSubsidy(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(s)
}

// decideSubsidy is POST /subsidy-applications/{id}/approve|reject.
func (a *API) decideSubsidy(action string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := pathID(c)
		if err != nil {
			return err
		}
		var in cases.DecideInput
		if err := decodeOptional(c, &in); err != nil {
			return err
		}
		s, err := a.cases.DecideSubsidy(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, action, in)
		if err != nil {
			return err
		}
		return c.JSON(s)
	}
}

// paySubsidy is POST /subsidy-applications/{id}/pay {paid_fen, paid_on}.
func (a *API) paySubsidy(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var in cases.PayInput
	if err := decode(c, &in); err != nil {
		return err
	}
	s, err := a.cases.PaySubsidy(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(s)
}
