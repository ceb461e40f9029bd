package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
)

func (a *API) registerAudit(r fiber.Router) {
	r.Get("/audit-log/verify", handlers.Require("admin", "auditor"), a.verifyAudit)
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
