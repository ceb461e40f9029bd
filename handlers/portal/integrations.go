package portal

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/payroll"
	"leaveguard/store"
)

// integrationAdmins manage payroll integrations (as the API's).
var integrationAdmins = []string{auth.Admin}

// integrationsPage lists the integrations with the form of a new one.
type integrationsPage struct {
	Rows    []store.Integration
	Form    Form
	Explain string
	Closed  string // the payroll month just closed
}

// secretPage shows a new secret, once.
type secretPage struct {
	In      store.Integration
	Secret  string
	Rotated bool
	Webhook string
}

func (p *Portal) registerIntegrations(r fiber.Router) {
	p.AddNav(NavEntry{Key: "integrations", Label: "集成", Path: "/integrations", Order: OrderIntegrations, Roles: integrationAdmins})
	p.AddActionLabels(map[string]string{"integration.create": "创建集成", "integration.update": "修改集成",
		"integration.rotate_secret": "轮换集成密钥", "integration.delete": "删除集成", "outbox_event.redeliver": "重新推送事件",
		"integration.test_event": "发送测试事件"})
	p.AddLabels("delivery_status", map[string]string{"processed": "已处理", "duplicate": "重复（已忽略）",
		"ignored": "未识别的类型", "invalid": "无效（已拒收）"})
	p.AddLabels("event_status", map[string]string{"pending": "待推送", "delivered": "已送达", "failed": "失败"})
	p.AddTile(Tile{Order: 60, Roles: integrationAdmins, Run: p.deliveryTile})
	p.page(r, fiber.MethodGet, "/integrations", p.integrations, integrationAdmins...)
	p.page(r, fiber.MethodPost, "/integrations", p.integrationCreate, integrationAdmins...)
	p.page(r, fiber.MethodGet, "/integrations/:id", p.integration, integrationAdmins...)
	p.page(r, fiber.MethodPost, "/integrations/:id", p.integrationUpdate, integrationAdmins...)
	p.page(r, fiber.MethodPost, "/integrations/:id/rotate-secret", p.integrationRotate, integrationAdmins...)
	p.page(r, fiber.MethodPost, "/integrations/:id/delete", p.integrationDelete, integrationAdmins...)
	p.page(r, fiber.MethodPost, "/integrations/:id/events/:event_id/redeliver", p.integrationRedeliver, integrationAdmins...)
	p.page(r, fiber.MethodPost, "/integrations/:id/test-event", p.integrationTestEvent, integrationAdmins...)
}

// integrations is GET /integrations.
func (p *Portal) integrations(c *fiber.Ctx) error {
	return p.renderIntegrations(c, fiber.StatusOK, NewForm(), "")
}

func (p *Portal) renderIntegrations(c *fiber.Ctx, status int, f Form, why string) error {
	rows, err := p.cases.Integrations(c.UserContext(), handlers.Tenant(c))
	if err != nil {
		return err
	}
	page := integrationsPage{Rows: rows, Form: f, Explain: why}
	if mo, err := payroll.ParseMonth(c.Query("closed")); err == nil {
		page.Closed = mo.String()
	}
	return p.render(c, status, "integrations", "集成", "integrations", page)
}

// integrationCreate is POST /integrations: the new integration and its
// whsec_ secret, shown this once (the page is not stored by any cache).
func (p *Portal) integrationCreate(c *fiber.Ctx) error {
	f := NewForm()
	for _, k := range []string{"name", "outbound_url"} {
		f.Values[k] = strings.TrimSpace(c.FormValue(k))
	}
	in := cases.IntegrationInput{Name: ptr(f.V("name")), OutboundURL: ptr(f.V("outbound_url"))}
	created, err := p.cases.CreateIntegration(c.UserContext(), handlers.Tenant(c), handlers.Who(c), in)
	if err == nil {
		page := secretPage{In: created.Integration, Secret: created.Secret, Webhook: webhookURL(c, created.ID)}
		return p.render(c, fiber.StatusCreated, "integration_secret", "集成已创建", "integrations", page)
	}
	status, ok := mergeFormError(&f, err, nil)
	if !ok {
		return err
	}
	return p.renderIntegrations(c, status, f, explain(err))
}

// webhookURL is where the payroll system posts its webhooks.
func webhookURL(c *fiber.Ctx, id string) string { return c.BaseURL() + "/webhooks/payroll/" + id }

// deliveryTile counts failed or retrying pushes and refused webhooks.
func (p *Portal) deliveryTile(c *fiber.Ctx) ([]Card, error) {
	n, err := p.cases.DeliveryTrouble(c.UserContext(), handlers.Tenant(c))
	if err != nil {
		return nil, err
	}
	card := Card{Label: "推送失败的 Webhook", Value: countText(n.Failed), Link: "/integrations", Tone: "good",
		Note: "重试中 " + countText(n.Retrying) + " · 近 7 天拒收 " + countText(n.Invalid)}
	if n.Failed > 0 || n.Invalid > 0 {
		card.Tone = "bad"
	} else if n.Retrying > 0 {
		card.Tone = "warn"
	}
	return []Card{card}, nil
}
