package api

import (
	"bytes"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

// rotateIntegrationSecret is POST /integrations/:id/rotate-secret
// {grace_hours?: 0..168, default 24}: a new secret, shown once; the old one
// is still accepted and signed with until the grace period ends.
func (a *API) rotateIntegrationSecret(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var in struct {
		GraceHours *int `json:"grace_hours"`
	}
	if len(bytes.TrimSpace(c.Body())) > 0 {
		if err := decode(c, &in); err != nil {
			return err
		}
	}
	grace := cases.DefaultSecretGrace
	if in.GraceHours != nil {
		if *in.GraceHours < 0 || *in.GraceHours > 168 {
			return handlers.Invalid(map[string]string{"grace_hours": "须为 0 到 168 之间的整数（小时）"})
		}
		grace = time.Duration(*in.GraceHours) * time.Hour
	}
	out, err := a.cases.RotateIntegrationSecret(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, grace)
	if err != nil {
		return err
	}
	handlers.SecretResponse(c)
	return c.JSON(viewNewIntegration(out, a.cases.Now()))
}
