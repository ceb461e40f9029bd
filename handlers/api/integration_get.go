package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
)

// listIntegrations is GET /integrations (never the secrets).
func (a *API) listIntegrations(c *fiber.Ctx) error {
	rows, err := a.cases.Integrations(c.UserContext(), handlers.Tenant(c))
	if err != nil {
		return err
	}
	out := page[integrationView]{Items: make([]integrationView, 0, len(rows))}
	for _, in := range rows {
		out.Items = append(out.Items, viewIntegration(in, a.cases.Now()))
	}
	return c.JSON(out)
}

// getIntegration is GET /integrations/:id.
func (a *API) getIntegration(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	in, err := a.cases.Integration(c.UserContext(), handlers.Tenant(c), id)
	if err != nil {
		return err
	}
	return c.JSON(viewIntegration(in, a.cases.Now()))
}

// deleteIntegration is DELETE /integrations/:id: its webhooks are refused
// from now on and it receives no more events; its logs are kept.
func (a *API) deleteIntegration(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	if err := a.cases.DeleteIntegration(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
