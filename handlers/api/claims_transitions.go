package api

import (
	"bytes"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

// decodeOptional decodes a body that may be empty.
func decodeOptional(c *fiber.Ctx, v any) error {
	if len(bytes.TrimSpace(c.Body())) == 0 {
		return nil
	}
	return decode(c, v)
}

// submitClaim is POST /allowance-claims/{id}/submit [{submitted_on}].
func (a *API) submitClaim(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var in cases.SubmitInput
	if err := decodeOptional(c, &in); err != nil {
		return err
	}
	cl, err := a.cases.SubmitClaim(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(cl)
}

// decideClaim is POST /allowance-claims/{id}/approve [{decided_on}] and
// .../reject {reason, decided_on?}.
func (a *API) decideClaim(action string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := pathID(c)
		if err != nil {
			return err
		}
		var in cases.DecideInput
		if err := decodeOptional(c, &in); err != nil {
			return err
		}
		ctx, tenant, who := c.UserContext(), handlers.Tenant(c), handlers.Who(c)
		var cl cases.Claim
		if action == "reject" {
			cl, err = a.cases.RejectClaim(ctx, tenant, who, id, in)
		} else {
			cl, err = a.cases.ApproveClaim(ctx, tenant, who, id, in)
		}
		if err != nil {
			return err
		}
		return c.JSON(cl)
	}
}

// payClaim is POST /allowance-claims/{id}/pay {paid_fen, paid_on}.
func (a *API) payClaim(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var in cases.PayInput
	if err := decode(c, &in); err != nil {
		return err
	}
	cl, err := a.cases.PayClaim(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(cl)
}
