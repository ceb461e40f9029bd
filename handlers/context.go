package handlers

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/store"
)

// Principal is who is calling: the tenant comes only from here, set by
// authentication middleware, never from a path, form or body.
type Principal struct {
	Tenant    string
	ActorType string // "api_key", "user", "webhook"
	ActorID   string
	Role      string
}

const principalKey = "lg.principal"

// SetPrincipal records the authenticated caller on c.
func SetPrincipal(c *fiber.Ctx, p Principal) { c.Locals(principalKey, p) }

// PrincipalOf returns the authenticated caller of c.
func PrincipalOf(c *fiber.Ctx) (Principal, bool) {
	p, ok := c.Locals(principalKey).(Principal)
	return p, ok && p.Tenant != ""
}

// Tenant returns the caller's tenant; routes behind authentication only.
func Tenant(c *fiber.Ctx) string {
	p, _ := PrincipalOf(c)
	return p.Tenant
}

// Who is the audit actor of c.
func Who(c *fiber.Ctx) store.Who {
	p, _ := PrincipalOf(c)
	return store.Who{ActorType: p.ActorType, ActorID: p.ActorID, RequestID: RequestID(c), Role: p.Role}
}

// RequestID returns the request id set by the request-id middleware.
func RequestID(c *fiber.Ctx) string {
	id, _ := c.Locals("requestid").(string)
	return id
}
