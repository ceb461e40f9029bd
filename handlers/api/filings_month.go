package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
)

// monthBundle is GET /filings/{month}.zip: every allowance claim and
// subsidy application form of the month in one streamed ZIP, audited once.
func (a *API) monthBundle(c *fiber.Ctx) error {
	b, err := a.filer().OpenMonthBundle(c.UserContext(), handlers.Tenant(c), handlers.Who(c), c.Params("month"))
	if err != nil {
		return pdfError(err)
	}
	return handlers.StreamMonthBundle(c, b)
}
