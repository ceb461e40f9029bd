package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

// recomputeSubsidy is POST /subsidy-applications/{id}/recompute (draft only).
func (a *API) recomputeSubsidy(c *fiber.Ctx) error {
	return transition(c, nil, func(id string, _ struct{}) (cases.Subsidy, error) {
		return a.cases.RecomputeSubsidy(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	})
}

// submitSubsidy is POST /subsidy-applications/{id}/submit [{submitted_on}].
func (a *API) submitSubsidy(c *fiber.Ctx) error {
	return transition(c, decodeOptional, func(id string, in cases.SubmitInput) (cases.SubsidySummary, error) {
		return a.cases.SubmitSubsidy(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	})
}

// decideSubsidy is POST /subsidy-applications/{id}/approve|reject.
func (a *API) decideSubsidy(action string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return transition(c, decodeOptional, func(id string, in cases.DecideInput) (cases.SubsidySummary, error) {
			return a.cases.DecideSubsidy(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, action, in)
		})
	}
}

// paySubsidy is POST /subsidy-applications/{id}/pay {paid_fen, paid_on}.
func (a *API) paySubsidy(c *fiber.Ctx) error {
	return transition(c, decode, func(id string, in cases.PayInput) (cases.SubsidySummary, error) {
		return a.cases.PaySubsidy(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	})
}
