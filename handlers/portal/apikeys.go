package portal

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// apiKeysPage lists the tenant's API keys with the form of a new one, and
// a key just made (shown this once).
type apiKeysPage struct {
	Rows []store.APIKey
	Form Form
	New  *cases.NewAPIKey
}

func (p *Portal) registerAPIKeys(r fiber.Router) {
	p.AddNav(NavEntry{Key: "api-keys", Label: "API 密钥", Path: "/api-keys", Order: OrderIntegrations + 1, Roles: []string{auth.Admin}})
	p.AddActionLabels(map[string]string{"api_key.revoke": "吊销 API 密钥"})
	p.page(r, fiber.MethodGet, "/api-keys", p.apiKeys, auth.Admin)
	p.page(r, fiber.MethodPost, "/api-keys", p.apiKeyCreate, auth.Admin)
	p.page(r, fiber.MethodPost, "/api-keys/:id/revoke", p.apiKeyRevoke, auth.Admin)
}

// apiKeys is GET /api-keys.
func (p *Portal) apiKeys(c *fiber.Ctx) error {
	f := NewForm()
	f.Values["role"] = auth.Auditor
	return p.renderAPIKeys(c, fiber.StatusOK, apiKeysPage{Form: f})
}

func (p *Portal) renderAPIKeys(c *fiber.Ctx, status int, page apiKeysPage) error {
	rows, err := p.cases.APIKeys(c.UserContext(), handlers.Tenant(c))
	if err != nil {
		return err
	}
	page.Rows = rows
	return p.render(c, status, "api_keys", "API 密钥", "api-keys", page)
}

// apiKeyCreate is POST /api-keys: the key is on the answer page only.
func (p *Portal) apiKeyCreate(c *fiber.Ctx) error {
	f := NewForm()
	for _, k := range []string{"name", "role", "expires_on"} {
		f.Values[k] = strings.TrimSpace(c.FormValue(k))
	}
	in := cases.APIKeyInput{Name: ptr(f.V("name")), Role: ptr(f.V("role")), ExpiresOn: ptr(f.V("expires_on"))}
	made, err := p.cases.CreateAPIKey(c.UserContext(), handlers.Tenant(c), handlers.Who(c), in)
	if err == nil {
		return p.renderAPIKeys(c, fiber.StatusCreated, apiKeysPage{Form: NewForm(), New: &made})
	}
	status, ok := mergeFormError(&f, err, nil)
	if !ok {
		return err
	}
	return p.renderAPIKeys(c, status, apiKeysPage{Form: f})
}

// apiKeyRevoke is POST /api-keys/:id/revoke.
func (p *Portal) apiKeyRevoke(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return errNotFoundPage
	}
	if _, err := p.cases.RevokeAPIKey(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id); err != nil {
		return err
	}
	return c.Redirect("/api-keys?notice=api_key_revoked", fiber.StatusSeeOther)
}
