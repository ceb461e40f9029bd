package api

import (
	"encoding/json"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/handlers"
)

func (a *API) registerSettings(r fiber.Router) {
	r.Get("/settings", handlers.Require(auth.Admin, auth.HR, auth.Auditor), a.getSettings)
	r.Put("/settings", handlers.Require(auth.Admin), a.putSettings)
}

func (a *API) getSettings(c *fiber.Ctx) error {
	items, err := a.cases.Settings(c.UserContext(), handlers.Tenant(c))
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": items})
}

// putSettings is PUT /settings with a flat object of key → value (null
// returns a key to its default).
func (a *API) putSettings(c *fiber.Ctx) error {
	var patch map[string]json.RawMessage
	if err := decode(c, &patch); err != nil {
		return err
	}
	items, err := a.cases.PutSettings(c.UserContext(), handlers.Tenant(c), handlers.Who(c), patch)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": items})
}
