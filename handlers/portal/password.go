package portal

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
)

// passwordPage is the data of the password form.
type passwordPage struct {
	Form       Form
	MustChange bool
}

// passwordForm is GET /password.
func (p *Portal) passwordForm(c *fiber.Ctx) error {
	return p.render(c, fiber.StatusOK, "password", "修改密码", "",
		passwordPage{Form: NewForm(), MustChange: sessionOf(c).MustChange})
}

// passwordSubmit is POST /password. On success every session of the user
// ends, and this browser gets a fresh one.
func (p *Portal) passwordSubmit(c *fiber.Ctx) error {
	sess := sessionOf(c)
	ctx := c.UserContext()
	err := p.cases.ChangePassword(ctx, sess.Tenant, handlers.Who(c),
		c.FormValue("current_password"), c.FormValue("new_password"), c.FormValue("confirm_password"))
	if f, ok := FormError(err, nil); ok {
		return p.render(c, fiber.StatusBadRequest, "password", "修改密码", "", passwordPage{Form: f, MustChange: sess.MustChange})
	}
	if err != nil {
		return err
	}
	if err := p.sessions.endUser(ctx, sess.Tenant, sess.UserID); err != nil {
		return err
	}
	next := &Session{Tenant: sess.Tenant, TenantName: sess.TenantName, UserID: sess.UserID, Email: sess.Email,
		Name: sess.Name, Role: sess.Role}
	raw, err := p.sessions.create(ctx, next)
	if err != nil {
		return err
	}
	p.setCookie(c, p.cookie.name, raw, 0)
	return c.Redirect("/?notice=password", fiber.StatusSeeOther)
}
