package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
)

func (a *API) registerRegions(r fiber.Router) {
	r.Get("/regions", handlers.Require(readers...), a.listRegions)
}

// listRegions is GET /regions: the supported region codes (ISO 3166-2:CN,
// CN-NM-XXX below a province) with Chinese name, parent and confidence.
func (a *API) listRegions(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"items": a.cases.Regions()})
}
