package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

// submitClaim is POST /allowance-claims/{id}/submit [{submitted_on}].
func (a *API) submitClaim(c *fiber.Ctx) error {
	return transition(c, decodeOptional, func(id string, in cases.SubmitInput) (cases.Claim, error) {
		return a.cases.SubmitClaim(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	})
}

// decideClaim is POST /allowance-claims/{id}/approve [{decided_on}] and
// .../reject {reason, decided_on?}.
func (a *API) decideClaim(action string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return transition(c, decodeOptional, func(id string, in cases.DecideInput) (cases.Claim, error) {
			ctx, tenant, who := c.UserContext(), handlers.Tenant(c), handlers.Who(c)
			if action == "reject" {
				return a.cases.RejectClaim(ctx, tenant, who, id, in)
			}
			return a.cases.ApproveClaim(ctx, tenant, who, id, in)
		})
	}
}

// payClaim is POST /allowance-claims/{id}/pay {paid_fen, paid_on}.
func (a *API) payClaim(c *fiber.Ctx) error {
	return transition(c, decode, func(id string, in cases.PayInput) (cases.Claim, error) {
		return a.cases.PayClaim(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	})
}
