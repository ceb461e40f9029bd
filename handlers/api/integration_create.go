package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

// createIntegration is POST /integrations: the secret is in this response
// and never again.
func (a *API) createIntegration(c *fiber.Ctx) error {
	var in cases.IntegrationInput
	if err := decode(c, &in); err != nil {
		return err
	}
	out, err := a.cases.CreateIntegration(c.UserContext(), handlers.Tenant(c), handlers.Who(c), in)
	if err != nil {
		return err
	}
	handlers.SecretResponse(c)
	return c.Status(fiber.StatusCreated).JSON(viewNewIntegration(out, a.cases.Now()))
}

// patchIntegration is PATCH /integrations/:id {name?, outbound_url?}.
func (a *API) patchIntegration(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var in cases.IntegrationInput
	if err := decode(c, &in); err != nil {
		return err
	}
	out, err := a.cases.UpdateIntegration(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(viewIntegration(out, a.cases.Now()))
}
