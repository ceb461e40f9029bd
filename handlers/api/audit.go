package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/handlers"
)

func (a *API) registerAudit(r fiber.Router) {
	r.Get("/audit-log/verify", handlers.Require(auth.Admin, auth.Auditor), a.verifyAudit)
}

// verifyAudit is GET /audit-log/verify: every hash of the tenant's audit
// chains recomputed; the check itself is audited.
func (a *API) verifyAudit(c *fiber.Ctx) error {
	v, err := a.cases.VerifyAudit(c.UserContext(), handlers.Tenant(c), handlers.Who(c))
	if err != nil {
		return err
	}
	return c.JSON(v)
}
