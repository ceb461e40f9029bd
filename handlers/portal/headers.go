package portal

import (
	"github.com/gofiber/fiber/v2"
)

const nonceKey = "lg.nonce"

// headers sets the security headers of every portal response: a CSP whose
// script-src allows only this response's nonce, no framing, no sniffing, no
// referrer, and no-store (pages show personal data; static files override
// it with their own caching).
func (p *Portal) headers(c *fiber.Ctx) error {
	nonce := randomToken(18)
	c.Locals(nonceKey, nonce)
	c.Set(fiber.HeaderContentSecurityPolicy, "default-src 'self'; script-src 'nonce-"+nonce+
		"'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
	c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	c.Set(fiber.HeaderXFrameOptions, "DENY")
	c.Set(fiber.HeaderReferrerPolicy, "no-referrer")
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Next()
}

func nonceOf(c *fiber.Ctx) string {
	n, _ := c.Locals(nonceKey).(string)
	return n
}

// cookieConfig names the session cookie and whether it is Secure.
type cookieConfig struct {
	name   string
	secure bool
}

// loginCookie is the pre-session CSRF cookie of the login forms.
func (cc cookieConfig) loginCookie() string { return "__Host-lg_login" }

func (p *Portal) setCookie(c *fiber.Ctx, name, value string, maxAge int) {
	c.Cookie(&fiber.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge,
		Secure: p.cookie.secure, HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode})
}

func (p *Portal) clearCookie(c *fiber.Ctx, name string) {
	p.setCookie(c, name, "", -1)
}
