package portal

import (
	"crypto/subtle"
	"errors"
	"net/url"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cache"
	"leaveguard/handlers"
	"leaveguard/store"
)

const sessionLocal = "lg.session"

// sessionOf returns the session of an authenticated portal request.
func sessionOf(c *fiber.Ctx) *Session {
	s, _ := c.Locals(sessionLocal).(*Session)
	return s
}

// authed admits requests with a live session whose user may act in one of
// roles (any role when none are given). It fails closed: without Redis
// there is no session, and the login page says why.
func (p *Portal) authed(roles ...string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		sess, err := p.currentSession(c)
		if err != nil {
			return p.toLogin(c, err)
		}
		if sess.MustChange && c.Path() != "/password" && c.Path() != "/logout" {
			return c.Redirect("/password", fiber.StatusSeeOther)
		}
		c.Locals(sessionLocal, sess)
		handlers.SetPrincipal(c, handlers.Principal{Tenant: sess.Tenant, ActorType: "user", ActorID: sess.UserID, Role: sess.Role})
		if !allowed(sess.Role, roles) {
			return p.fail(c, handlers.Fail(fiber.StatusForbidden, "forbidden", "当前角色无权访问此页面"))
		}
		if c.Method() != fiber.MethodGet && c.Method() != fiber.MethodHead && !validCSRF(c, sess.CSRF) {
			return p.fail(c, errCSRF)
		}
		return c.Next()
	}
}

// errCSRF is the 403 of an unsafe request without the session's token.
var errCSRF = handlers.Fail(fiber.StatusForbidden, "csrf", "页面已过期或请求来源无效，请返回上一页刷新后重试")

// validCSRF compares the form field _csrf (or header X-CSRF-Token) with
// the expected token in constant time.
func validCSRF(c *fiber.Ctx, want string) bool {
	got := c.FormValue("_csrf")
	if got == "" {
		got = c.Get("X-CSRF-Token")
	}
	return want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// currentSession loads the cookie's session, ends it when idle or too old,
// and re-checks the user in PostgreSQL once per RecheckEvery.
func (p *Portal) currentSession(c *fiber.Ctx) (*Session, error) {
	raw := c.Cookies(p.cookie.name)
	if raw == "" {
		return nil, errNoSession
	}
	ctx := c.UserContext()
	sess, err := p.sessions.load(ctx, raw)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	if now.Sub(sess.LastSeen) > IdleTimeout || now.Sub(sess.Created) > MaxAge {
		_ = p.sessions.delete(ctx, sess)
		return nil, errNoSession
	}
	dirty := now.Sub(sess.LastSeen) >= RecheckEvery
	if now.Sub(sess.Checked) >= RecheckEvery {
		u, err := p.cases.SessionUser(ctx, sess.Tenant, sess.UserID)
		if errors.Is(err, store.ErrNotFound) || (err == nil && u.Disabled) {
			_ = p.sessions.endUser(ctx, sess.Tenant, sess.UserID)
			return nil, errNoSession
		}
		if err != nil {
			return nil, err
		}
		sess.Role, sess.Name, sess.Email, sess.MustChange, sess.Checked = u.Role, u.Name, u.Email, u.MustChangePassword, now
		dirty = true
	}
	if dirty {
		sess.LastSeen = now
		if err := p.sessions.save(ctx, sess); err != nil {
			return nil, err
		}
	}
	return sess, nil
}

// toLogin sends a request without a session to the login page, keeping
// where it was going. A stale cookie is cleared.
func (p *Portal) toLogin(c *fiber.Ctx, err error) error {
	if errors.Is(err, errNoSession) && c.Cookies(p.cookie.name) != "" {
		p.clearCookie(c, p.cookie.name)
	}
	if !errors.Is(err, errNoSession) && !errors.Is(err, cache.ErrUnavailable) {
		return p.fail(c, err) // PostgreSQL trouble, say: not a login matter
	}
	target := "/login"
	if c.Method() == fiber.MethodGet && c.Path() != "/" {
		target += "?next=" + url.QueryEscape(c.OriginalURL())
	}
	return c.Redirect(target, fiber.StatusSeeOther)
}

// safeNext returns next if it is a path on this site, else "/".
func safeNext(next string) string {
	if len(next) < 1 || next[0] != '/' || (len(next) > 1 && (next[1] == '/' || next[1] == '\\')) {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Host != "" || u.Scheme != "" {
		return "/"
	}
	return next
}
