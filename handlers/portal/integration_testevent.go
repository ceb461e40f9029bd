package portal

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
)

// integrationTestEvent is POST /integrations/:id/test-event: an
// integration.test event is queued for this integration's push address.
func (p *Portal) integrationTestEvent(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return errNotFoundPage
	}
	_, err := p.cases.SendTestEvent(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	return p.integrationActed(c, id, err, "test_event_sent")
}
