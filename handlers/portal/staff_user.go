package portal

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
	"leaveguard/store"
)

// staffUserPage is the data of one user's page.
type staffUserPage struct {
	U     store.StaffUser
	Me    bool
	Error string
	Trail []auditRow
}

// staffUser is GET /staff/:id.
func (p *Portal) staffUser(c *fiber.Ctx) error {
	return p.renderStaffUser(c, fiber.StatusOK, "")
}

func (p *Portal) renderStaffUser(c *fiber.Ctx, status int, msg string) error {
	id := validID(c.Params("id"))
	if id == "" {
		return p.fail(c, errNotFoundPage)
	}
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	page := staffUserPage{Me: id == sessionOf(c).UserID, Error: msg}
	var err error
	if page.U, err = p.cases.StaffUser(ctx, tenant, id); err != nil {
		return err
	}
	if page.Trail, _, err = p.auditRows(c, store.AuditFilter{ObjectType: "user", ObjectID: id, Limit: trailSize}); err != nil {
		return err
	}
	return p.render(c, status, "staff_user", page.U.Email, "staff", page)
}

// staffRole is POST /staff/:id/role. The user's sessions end, so the new
// role applies from their next login.
func (p *Portal) staffRole(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return p.fail(c, errNotFoundPage)
	}
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	if err := p.cases.SetUserRole(ctx, tenant, handlers.Who(c), id, c.FormValue("role")); err != nil {
		if f, ok := FormError(err, nil); ok {
			return p.renderStaffUser(c, fiber.StatusUnprocessableEntity, f.Message)
		}
		return err
	}
	if err := p.sessions.endUser(ctx, tenant, id); err != nil {
		p.log.Warn("portal: could not end sessions at once; the per-minute check will", "request_id", handlers.RequestID(c))
	}
	return c.Redirect("/staff/"+id+"?notice=role", fiber.StatusSeeOther)
}

// staffDisable is POST /staff/:id/disable (or enable). Disabling ends all
// of the user's sessions at once.
func (p *Portal) staffDisable(disabled bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id := validID(c.Params("id"))
		if id == "" {
			return p.fail(c, errNotFoundPage)
		}
		tenant, ctx := handlers.Tenant(c), c.UserContext()
		if err := p.cases.SetUserDisabled(ctx, tenant, handlers.Who(c), id, disabled); err != nil {
			if f, ok := FormError(err, nil); ok {
				return p.renderStaffUser(c, fiber.StatusUnprocessableEntity, f.Message)
			}
			return err
		}
		notice := "enabled"
		if disabled {
			notice = "disabled"
			if err := p.sessions.endUser(ctx, tenant, id); err != nil {
				p.log.Warn("portal: could not end sessions at once; the per-minute check will", "request_id", handlers.RequestID(c))
			}
		}
		return c.Redirect("/staff/"+id+"?notice="+notice, fiber.StatusSeeOther)
	}
}

// staffReset is POST /staff/:id/reset-password: a new one-time password,
// shown once; the user's sessions end.
func (p *Portal) staffReset(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return p.fail(c, errNotFoundPage)
	}
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	if id == sessionOf(c).UserID {
		return p.renderStaffUser(c, fiber.StatusUnprocessableEntity, "请在“修改密码”页面修改自己的密码。")
	}
	pw, err := p.cases.ResetPassword(ctx, tenant, handlers.Who(c), id)
	if err != nil {
		return err
	}
	_ = p.sessions.endUser(ctx, tenant, id)
	u, err := p.cases.StaffUser(ctx, tenant, id)
	if err != nil {
		return err
	}
	return p.render(c, fiber.StatusOK, "staff_created", "密码已重置", "staff", oneTimePage{UserID: id, Email: u.Email, Password: pw, Reset: true})
}
