package api

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

// employeePatch is the body of PATCH /employees/:id: the employee fields to
// change, and an admin's written reason when cutting a protected wage.
type employeePatch struct {
	cases.EmployeeInput
	WageOverrideReason *string `json:"wage_reduction_override_reason"`
}

// patchEmployee is PATCH /employees/:id: only the fields present change. A
// wage cut during a protected period is refused and recorded unless an
// admin overrides it with a written reason.
func (a *API) patchEmployee(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var in employeePatch
	if err := decode(c, &in); err != nil {
		return err
	}
	ctx, tenant, who := c.UserContext(), handlers.Tenant(c), handlers.Who(c)
	var override *cases.WageOverride
	if in.WageOverrideReason != nil {
		p, _ := handlers.PrincipalOf(c)
		override = &cases.WageOverride{Reason: *in.WageOverrideReason, Role: p.Role}
	}
	e, err := a.cases.UpdateEmployee(ctx, tenant, who, id, in.EmployeeInput, a.cases.WageCutCheck(ctx, who, override, a.cases.Today()))
	var ce *cases.Error
	if errors.As(err, &ce) && ce.Code == "wage_reduction_prohibited" && in.MonthlyWageFen != nil {
		if rerr := a.cases.RecordWageRefusal(ctx, tenant, who, id, *in.MonthlyWageFen); rerr != nil {
			return rerr
		}
	}
	if err != nil {
		return err
	}
	return c.JSON(cases.ViewEmployee(e))
}
