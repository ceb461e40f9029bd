package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

func (a *API) registerChildren(r fiber.Router) {
	r.Patch("/children/:id", handlers.Require(writers...), a.patchChild)
}

// patchChild is PATCH /children/{id} {iit_share_percent: 100|50|0}.
func (a *API) patchChild(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var in cases.ChildPatch
	if err := decode(c, &in); err != nil {
		return err
	}
	ch, err := a.cases.PatchChild(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(ch)
}
