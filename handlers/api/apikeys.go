package api

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// registerAPIKeys mounts API key management (admin only).
func (a *API) registerAPIKeys(r fiber.Router) {
	admin := handlers.Require(auth.Admin)
	r.Post("/api-keys", admin, a.createAPIKey)
	r.Get("/api-keys", admin, a.listAPIKeys)
	r.Delete("/api-keys/:id", admin, a.revokeAPIKey)
}

// apiKeyView is the public shape of a key: the key itself only in the
// response that made it.
type apiKeyView struct {
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	Role       string     `json:"role"`
	Key        string     `json:"key,omitempty"`
	Prefix     string     `json:"prefix"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
	RevokedAt  *time.Time `json:"revoked_at"`
	ExpiresAt  *time.Time `json:"expires_at"`
}

func viewAPIKey(k store.APIKey) apiKeyView {
	return apiKeyView{ID: k.ID, Name: k.Name, Role: k.Role, Prefix: k.Prefix, CreatedAt: k.CreatedAt,
		LastUsedAt: k.LastUsedAt, RevokedAt: k.RevokedAt, ExpiresAt: k.ExpiresAt}
}

// createAPIKey is POST /api-keys {name, role, expires_on?} → 201 with the
// key, shown this once.
func (a *API) createAPIKey(c *fiber.Ctx) error {
	var in cases.APIKeyInput
	if err := decode(c, &in); err != nil {
		return err
	}
	k, err := a.cases.CreateAPIKey(c.UserContext(), handlers.Tenant(c), handlers.Who(c), in)
	if err != nil {
		return err
	}
	handlers.SecretResponse(c)
	v := viewAPIKey(k.APIKey)
	v.Key = k.Key
	return c.Status(fiber.StatusCreated).JSON(v)
}

// listAPIKeys is GET /api-keys.
func (a *API) listAPIKeys(c *fiber.Ctx) error {
	keys, err := a.cases.APIKeys(c.UserContext(), handlers.Tenant(c))
	if err != nil {
		return err
	}
	items := make([]apiKeyView, len(keys))
	for i, k := range keys {
		items[i] = viewAPIKey(k)
	}
	return c.JSON(fiber.Map{"items": items})
}

// revokeAPIKey is DELETE /api-keys/:id → 204; the key answers 401
// everywhere within 2 seconds (handlers/apikey.go's cache lifetimes).
func (a *API) revokeAPIKey(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	if _, err := a.cases.RevokeAPIKey(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
