package portal

import (
	"github.com/gofiber/fiber/v2"
	"time"

	"leaveguard/app/auth"
	"leaveguard/handlers"
	"leaveguard/store"
)

// staffPage is the data of the staff list.
type staffPage struct {
	Q, Role, Status string
	Rows            []store.StaffUser
	Next            string
	Paged, Filtered bool
	Me              string
}

func (p *Portal) registerStaff(r fiber.Router) {
	p.AddNav(NavEntry{Key: "staff", Label: "账号管理", Path: "/staff", Order: OrderStaff, Roles: []string{auth.Admin}})
	p.AddActionLabels(map[string]string{"user.create": "创建账号", "user.role_change": "变更角色",
		"user.disable": "停用账号", "user.enable": "启用账号", "user.password_reset": "重置密码",
		"user.password_change": "修改密码"})
	p.page(r, fiber.MethodGet, "/staff", p.staff, auth.Admin)
	p.page(r, fiber.MethodGet, "/staff/new", p.staffNew, auth.Admin)
	p.page(r, fiber.MethodPost, "/staff", p.staffInvite, auth.Admin)
	p.page(r, fiber.MethodGet, "/staff/:id", p.staffUser, auth.Admin)
	p.page(r, fiber.MethodPost, "/staff/:id/role", p.staffRole, auth.Admin)
	p.page(r, fiber.MethodPost, "/staff/:id/disable", p.staffDisable(true), auth.Admin)
	p.page(r, fiber.MethodPost, "/staff/:id/enable", p.staffDisable(false), auth.Admin)
	p.page(r, fiber.MethodPost, "/staff/:id/reset-password", p.staffReset, auth.Admin)
}

// staff is GET /staff?q=&role=&status=&after=: the tenant's portal users.
func (p *Portal) staff(c *fiber.Ctx) error {
	page := staffPage{Q: c.Query("q"), Role: c.Query("role"), Status: c.Query("status"), Me: sessionOf(c).UserID}
	if _, ok := roleLabels[page.Role]; !ok {
		page.Role = ""
	}
	if page.Status != "enabled" && page.Status != "disabled" {
		page.Status = ""
	}
	if len([]rune(page.Q)) > 100 {
		page.Q = string([]rune(page.Q)[:100])
	}
	after, afterID := decodeCursor(c.Query("after"))
	page.Paged, page.Filtered = afterID != "", page.Q != "" || page.Role != "" || page.Status != ""
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	var err error
	page.Rows, err = p.cases.StaffUsers(ctx, tenant, store.UserFilter{Query: page.Q, Role: page.Role,
		Status: page.Status, AfterTime: after, AfterID: afterID, Limit: PageSize + 1})
	if err != nil {
		return err
	}
	page.Rows, page.Next = cutPage(page.Rows, func(u store.StaffUser) (time.Time, string) { return u.CreatedAt, u.ID })
	return p.render(c, fiber.StatusOK, "staff", "账号管理", "staff", page)
}
