package api

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// registerIntegrations mounts the payroll integration routes (admin only).
func (a *API) registerIntegrations(r fiber.Router) {
	admin := handlers.Require(auth.Admin)
	r.Post("/integrations", admin, a.createIntegration)
	r.Get("/integrations", admin, a.listIntegrations)
	r.Get("/integrations/:id", admin, a.getIntegration)
	r.Patch("/integrations/:id", admin, a.patchIntegration)
	r.Delete("/integrations/:id", admin, a.deleteIntegration)
	r.Post("/integrations/:id/rotate-secret", admin, a.rotateIntegrationSecret)
	r.Get("/integrations/:id/deliveries", admin, a.listIntegrationDeliveries)
	r.Get("/integrations/:id/events", admin, a.listIntegrationEvents)
	r.Post("/integrations/:id/events/:event_id/redeliver", admin, a.redeliverIntegrationEvent)
	r.Post("/integrations/:id/test-event", admin, a.sendIntegrationTestEvent)
}

// integrationView is the public shape of an integration: the secret only
// when just made (create, rotate-secret), never afterwards.
type integrationView struct {
	ID                  string     `json:"id"`
	Name                string     `json:"name"`
	WebhookPath         string     `json:"webhook_path"`
	Secret              string     `json:"secret,omitempty"`
	OutboundURL         string     `json:"outbound_url"`
	OutboundDisabledAt  *time.Time `json:"outbound_disabled_at"`
	PreviousSecretValid *time.Time `json:"previous_secret_valid_until"`
	CreatedAt           time.Time  `json:"created_at"`
}

func viewIntegration(in store.Integration, now time.Time) integrationView {
	v := integrationView{ID: in.ID, Name: in.Name, WebhookPath: "/webhooks/payroll/" + in.ID,
		OutboundURL: in.OutboundURL, OutboundDisabledAt: in.OutboundDisabledAt, CreatedAt: in.CreatedAt}
	if in.PreviousValidUntil != nil && now.Before(*in.PreviousValidUntil) {
		v.PreviousSecretValid = in.PreviousValidUntil
	}
	return v
}

func viewNewIntegration(in cases.NewIntegration, now time.Time) integrationView {
	v := viewIntegration(in.Integration, now)
	v.Secret = in.Secret
	return v
}
