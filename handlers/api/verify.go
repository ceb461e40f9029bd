package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
)

// verifyDocument is GET /documents/verify?sha256=: whether this tenant
// issued a document (a report's content, a report file or a PDF) with that
// hash, with its numbers and dates; never its content.
func (a *API) verifyDocument(c *fiber.Ctx) error {
	items, err := a.cases.Issued(c.UserContext(), handlers.Tenant(c), c.Query("sha256"))
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"issued": len(items) > 0, "items": items})
}
