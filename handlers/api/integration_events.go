package api

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
	"leaveguard/store"
)

// attemptView is one outbound delivery attempt (status_code 0: no response).
type attemptView struct {
	ID          string    `json:"id"`
	EventID     string    `json:"event_id"`
	EventType   string    `json:"event_type"`
	EventStatus string    `json:"event_status"`
	Attempt     int       `json:"attempt"`
	StatusCode  int       `json:"status_code"`
	Error       string    `json:"error"`
	At          time.Time `json:"at"`
}

// listIntegrationEvents is GET /integrations/:id/events
// (?status=pending|delivered|failed: the event's state, limit, cursor): the
// outbound delivery log, newest first.
func (a *API) listIntegrationEvents(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	f, n, err := logFilter(c)
	if err != nil {
		return err
	}
	if f.Status, err = eventStatus(c.Query("status")); err != nil {
		return err
	}
	rows, err := a.cases.IntegrationAttempts(c.UserContext(), handlers.Tenant(c), id, f)
	if err != nil {
		return err
	}
	view := func(r store.Attempt) attemptView {
		return attemptView{ID: r.ID, EventID: r.EventID, EventType: r.EventType,
			EventStatus: r.EventStatus, Attempt: r.Attempt, StatusCode: r.StatusCode, Error: r.Error, At: r.At}
	}
	return c.JSON(pageOf(rows, n, view, func(r store.Attempt) (time.Time, string) { return r.At, r.ID }))
}

// redeliverIntegrationEvent is POST /integrations/:id/events/:event_id/redeliver
// → 202: the event is queued for delivery to this integration again.
func (a *API) redeliverIntegrationEvent(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	eventID, err := uuidParam(c.Params("event_id"))
	if err != nil {
		return err
	}
	if err := a.cases.RedeliverEvent(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, eventID); err != nil {
		return err
	}
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"status": "pending", "event_id": eventID})
}

// eventStatus checks an outbound event status filter ("" = any).
func eventStatus(s string) (string, error) {
	switch s {
	case "", "pending", "delivered", "failed":
		return s, nil
	}
	return "", handlers.Invalid(map[string]string{"status": "须为 pending、delivered 或 failed"})
}

// sendIntegrationTestEvent is POST /integrations/:id/test-event → 202: an
// integration.test event is queued for this integration only.
func (a *API) sendIntegrationTestEvent(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	eventID, err := a.cases.SendTestEvent(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"status": "pending", "event_id": eventID})
}
