package portal

import (
	"encoding/json"
	"sort"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// logPage is how many rows of each log the integration page shows.
const logPage = 20

// deliveryRow is one inbound webhook with its refusal reasons as text.
type deliveryRow struct {
	store.Delivery
	Problems string
}

// integrationPage is one integration: its settings, the inbound webhook
// log and the outbound delivery log, each paged.
type integrationPage struct {
	In                 store.Integration
	Webhook            string
	PreviousValid      *time.Time
	Deliveries         []deliveryRow
	Attempts           []store.Attempt
	DStatus            string
	DNext, ANext       string
	DPaged, APaged     bool
	Form               Form
	Explain            string
	DeliveryStatusList []string
}

// integration is GET /integrations/:id?dstatus=&dbefore=&abefore=.
func (p *Portal) integration(c *fiber.Ctx) error {
	f := NewForm()
	return p.renderIntegration(c, fiber.StatusOK, f, "")
}

func (p *Portal) renderIntegration(c *fiber.Ctx, status int, f Form, why string) error {
	id := validID(c.Params("id"))
	if id == "" {
		return errNotFoundPage
	}
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	in, err := p.cases.Integration(ctx, tenant, id)
	if err != nil {
		return err
	}
	page := integrationPage{In: in, Webhook: webhookURL(c, in.ID), Form: f, Explain: why, DStatus: c.Query("dstatus"),
		DeliveryStatusList: []string{"processed", "duplicate", "ignored", "invalid"}}
	if _, ok := p.labels["delivery_status"][page.DStatus]; !ok {
		page.DStatus = ""
	}
	if in.PreviousValidUntil != nil && p.cases.Now().Before(*in.PreviousValidUntil) {
		page.PreviousValid = in.PreviousValidUntil
	}
	if _, ok := f.Values["name"]; !ok {
		f.Values["name"], f.Values["outbound_url"] = in.Name, in.OutboundURL
	}
	dt, did := decodeCursor(c.Query("dbefore"))
	deliveries, err := p.cases.IntegrationDeliveries(ctx, tenant, id, store.LogFilter{Status: page.DStatus,
		BeforeTime: dt, BeforeID: did, Limit: logPage + 1})
	if err != nil {
		return err
	}
	if page.DPaged = did != ""; len(deliveries) > logPage {
		deliveries = deliveries[:logPage]
		page.DNext = encodeCursor(deliveries[logPage-1].ReceivedAt, deliveries[logPage-1].ID)
	}
	for _, d := range deliveries {
		page.Deliveries = append(page.Deliveries, deliveryRow{Delivery: d, Problems: problems(d.Errors)})
	}
	at, aid := decodeCursor(c.Query("abefore"))
	if page.Attempts, err = p.cases.IntegrationAttempts(ctx, tenant, id, store.LogFilter{BeforeTime: at, BeforeID: aid,
		Limit: logPage + 1}); err != nil {
		return err
	}
	if page.APaged = aid != ""; len(page.Attempts) > logPage {
		page.Attempts = page.Attempts[:logPage]
		page.ANext = encodeCursor(page.Attempts[logPage-1].At, page.Attempts[logPage-1].ID)
	}
	return p.render(c, status, "integration", in.Name, "integrations", page)
}

// problems lists a refused webhook's reasons ({"field": "message"}).
func problems(raw json.RawMessage) string {
	var m map[string]any
	if json.Unmarshal(raw, &m) != nil || len(m) == 0 {
		return ""
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		if s, ok := m[k].(string); ok {
			parts = append(parts, k+"："+s)
		}
	}
	return strings.Join(parts, "；")
}

// integrationUpdate is POST /integrations/:id: a new name or push address
// (setting the address again re-enables pushes after a 410 Gone).
func (p *Portal) integrationUpdate(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return errNotFoundPage
	}
	f := NewForm()
	for _, k := range []string{"name", "outbound_url"} {
		f.Values[k] = strings.TrimSpace(c.FormValue(k))
	}
	in := cases.IntegrationInput{Name: ptr(f.V("name")), OutboundURL: ptr(f.V("outbound_url"))}
	_, err := p.cases.UpdateIntegration(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err == nil {
		return c.Redirect("/integrations/"+id+"?notice=saved", fiber.StatusSeeOther)
	}
	status, ok := mergeFormError(&f, err, nil)
	if !ok {
		return err
	}
	return p.renderIntegration(c, status, f, explain(err))
}

// integrationRotate is POST /integrations/:id/rotate-secret: a new secret,
// shown once; the old one keeps working for 24 hours.
func (p *Portal) integrationRotate(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return errNotFoundPage
	}
	n, err := p.cases.RotateIntegrationSecret(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, cases.DefaultSecretGrace)
	if err != nil {
		return err
	}
	page := secretPage{In: n.Integration, Secret: n.Secret, Rotated: true, Webhook: webhookURL(c, n.ID)}
	return p.render(c, fiber.StatusOK, "integration_secret", "密钥已轮换", "integrations", page)
}

// integrationDelete is POST /integrations/:id/delete: the integration stops
// (webhooks refused, no pushes); its logs are kept.
func (p *Portal) integrationDelete(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return errNotFoundPage
	}
	if err := p.cases.DeleteIntegration(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id); err != nil {
		return err
	}
	return c.Redirect("/integrations?notice=integration_deleted", fiber.StatusSeeOther)
}

// integrationRedeliver is POST /integrations/:id/events/:event_id/redeliver.
func (p *Portal) integrationRedeliver(c *fiber.Ctx) error {
	id, event := validID(c.Params("id")), validID(c.Params("event_id"))
	if id == "" || event == "" {
		return errNotFoundPage
	}
	err := p.cases.RedeliverEvent(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, event)
	return p.integrationActed(c, id, err, "redelivered")
}

// integrationActed answers a button on the integration page: back to the
// page with notice, or the page again with the refusal explained.
func (p *Portal) integrationActed(c *fiber.Ctx, id string, err error, notice string) error {
	if err == nil {
		return c.Redirect("/integrations/"+id+"?notice="+notice, fiber.StatusSeeOther)
	}
	f := NewForm()
	status, ok := mergeFormError(&f, err, nil)
	if !ok {
		return err
	}
	return p.renderIntegration(c, status, f, explain(err))
}
