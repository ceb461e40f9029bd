package portal

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cache"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// pendingLogin is kept in Redis for a few minutes when one e-mail and
// password opened accounts at several employers: the user picks one.
type pendingLogin struct {
	Units []pendingUnit `json:"units"`
	Next  string        `json:"next"`
}

type pendingUnit struct {
	TenantID   string `json:"tenant_id"`
	TenantName string `json:"tenant_name"`
	UserID     string `json:"user_id"`
}

type unitPage struct {
	Token string
	Units []pendingUnit
}

// chooseUnit asks which 单位 to enter; only units whose password was just
// proven are listed.
func (p *Portal) chooseUnit(c *fiber.Ctx, matches []cases.LoginMatch, next string) error {
	pl := pendingLogin{Next: next}
	for _, m := range matches {
		pl.Units = append(pl.Units, pendingUnit{TenantID: m.Tenant.ID, TenantName: m.Tenant.Name, UserID: m.User.ID})
	}
	tok, err := p.sessions.stash(c.UserContext(), pl, 5*time.Minute)
	if err != nil {
		return p.renderLogin(c, fiber.StatusServiceUnavailable, loginPage{Down: true})
	}
	return p.render(c, fiber.StatusOK, "login_unit", "选择单位", "", unitPage{Token: tok, Units: pl.Units})
}

// loginUnit is POST /login/unit: the chosen 单位 of a pending login.
func (p *Portal) loginUnit(c *fiber.Ctx) error {
	if !p.validLoginToken(c) {
		return p.fail(c, errCSRF)
	}
	var pl pendingLogin
	if err := p.sessions.unstash(c.UserContext(), c.FormValue("token"), &pl); err != nil {
		return p.renderLogin(c, fiber.StatusBadRequest, loginPage{Error: "登录已超时，请重新输入邮箱和密码。",
			Down: errors.Is(err, cache.ErrUnavailable)})
	}
	for _, u := range pl.Units {
		if u.TenantID == c.FormValue("tenant") {
			return p.startSession(c, u.TenantID, u.TenantName, u.UserID, pl.Next)
		}
	}
	return p.renderLogin(c, fiber.StatusBadRequest, loginPage{Error: "请选择要进入的单位，然后重新登录。"})
}

// startSession ends any session the browser still holds, creates a new one
// under a new id (no fixation), audits the login and goes on to next.
func (p *Portal) startSession(c *fiber.Ctx, tenant, tenantName, userID, next string) error {
	ctx := c.UserContext()
	u, err := p.cases.SessionUser(ctx, tenant, userID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && u.Disabled) {
		return p.renderLogin(c, fiber.StatusUnauthorized, loginPage{Error: "该账号已停用，请联系本单位管理员。"})
	}
	if err != nil {
		return err
	}
	if old := c.Cookies(p.cookie.name); old != "" {
		if s, err := p.sessions.load(ctx, old); err == nil {
			_ = p.sessions.delete(ctx, s)
		}
	}
	sess := &Session{Tenant: tenant, TenantName: tenantName, UserID: u.ID, Email: u.Email, Name: u.Name,
		Role: u.Role, MustChange: u.MustChangePassword}
	raw, err := p.sessions.create(ctx, sess)
	if err != nil {
		return p.renderLogin(c, fiber.StatusServiceUnavailable, loginPage{Down: true})
	}
	who := store.Who{ActorType: "user", ActorID: u.ID, RequestID: handlers.RequestID(c)}
	if err := p.cases.RecordLogin(ctx, tenant, who, "user.login"); err != nil {
		_ = p.sessions.delete(ctx, sess)
		return err
	}
	p.setCookie(c, p.cookie.name, raw, 0)
	p.clearCookie(c, p.cookie.loginCookie())
	if sess.MustChange {
		next = "/password"
	}
	return c.Redirect(safeNext(next), fiber.StatusSeeOther)
}

// logout is POST /logout: the session ends in Redis and in the browser.
func (p *Portal) logout(c *fiber.Ctx) error {
	sess := sessionOf(c)
	if err := p.sessions.delete(c.UserContext(), sess); err != nil {
		return err
	}
	p.clearCookie(c, p.cookie.name)
	_ = p.cases.RecordLogin(c.UserContext(), sess.Tenant, handlers.Who(c), "user.logout")
	return c.Redirect("/login?notice=logged_out", fiber.StatusSeeOther)
}
