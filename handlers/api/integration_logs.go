package api

import (
	"encoding/json"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
	"leaveguard/store"
)

// deliveryView is one received webhook: its field errors name fields and
// codes, never values.
type deliveryView struct {
	ID              string          `json:"id"`
	WebhookID       string          `json:"webhook_id"`
	Type            string          `json:"type"`
	Status          string          `json:"status"`
	Errors          json.RawMessage `json:"errors"`
	Result          json.RawMessage `json:"result"`
	Duplicates      int             `json:"duplicates"`
	LastDuplicateAt *time.Time      `json:"last_duplicate_at"`
	ReceivedAt      time.Time       `json:"received_at"`
}

// logFilter reads ?limit and ?cursor of a log listing.
func logFilter(c *fiber.Ctx) (store.LogFilter, int, error) {
	k, err := readKeyset(c)
	return store.LogFilter{BeforeTime: k.At, BeforeID: k.ID, Limit: k.N + 1}, k.N, err
}

// listIntegrationDeliveries is GET /integrations/:id/deliveries
// (?status=processed|ignored|invalid, limit, cursor), newest first.
func (a *API) listIntegrationDeliveries(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	f, n, err := logFilter(c)
	if err != nil {
		return err
	}
	switch f.Status = c.Query("status"); f.Status {
	case "", store.DeliveryProcessed, store.DeliveryIgnored, store.DeliveryInvalid:
	default:
		return handlers.Invalid(map[string]string{"status": "须为 processed、ignored 或 invalid"})
	}
	rows, err := a.cases.IntegrationDeliveries(c.UserContext(), handlers.Tenant(c), id, f)
	if err != nil {
		return err
	}
	view := func(d store.Delivery) deliveryView {
		return deliveryView{ID: d.ID, WebhookID: d.WebhookID, Type: d.Type, Status: d.Status,
			Errors: d.Errors, Result: d.Result, Duplicates: d.Duplicates, LastDuplicateAt: d.LastDuplicateAt, ReceivedAt: d.ReceivedAt}
	}
	return c.JSON(pageOf(rows, n, view, func(d store.Delivery) (time.Time, string) { return d.ReceivedAt, d.ID }))
}
