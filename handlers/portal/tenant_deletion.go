package portal

import (
	"errors"
	"io"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// tenantDeletionPage is the admin's 注销与数据删除 page: the request in
// force (Deletion), or the form asking for one.
type tenantDeletionPage struct {
	Deletion *cases.TenantDeletionView
	Form     Form
	Grace    int
}

func (p *Portal) registerTenantDeletion(r fiber.Router) {
	p.AddActionLabels(map[string]string{"tenant.deletion_request": "申请删除本单位全部数据",
		"tenant.deletion_cancel": "撤销删除申请", "tenant.export": "导出本单位全部数据"})
	p.page(r, fiber.MethodGet, "/tenant-deletion", p.tenantDeletion, auth.Admin)
	p.page(r, fiber.MethodPost, "/tenant-deletion", p.tenantDeletionRequest, auth.Admin)
	p.page(r, fiber.MethodPost, "/tenant-deletion/cancel", p.tenantDeletionCancel, auth.Admin)
	p.page(r, fiber.MethodGet, "/tenant-deletion/export.zip", p.tenantExport, auth.Admin)
}

func (p *Portal) tenantDeletion(c *fiber.Ctx) error {
	return p.renderTenantDeletion(c, fiber.StatusOK, NewForm())
}

func (p *Portal) renderTenantDeletion(c *fiber.Ctx, status int, f Form) error {
	page := tenantDeletionPage{Form: f, Grace: cases.TenantDeletionGraceDays}
	d, err := p.cases.TenantDeletion(c.UserContext(), handlers.Tenant(c))
	switch {
	case err == nil:
		page.Deletion = &d
	case !errors.Is(err, store.ErrNotFound):
		return err
	}
	return p.render(c, status, "tenant_deletion", "注销与数据删除", "settings", page)
}

// tenantDeletionRequest is POST /tenant-deletion {confirm_name}.
func (p *Portal) tenantDeletionRequest(c *fiber.Ctx) error {
	f := formOf(c, "confirm_name")
	_, err := p.cases.RequestTenantDeletion(c.UserContext(), handlers.Tenant(c), handlers.Who(c),
		cases.TenantDeletionInput{ConfirmName: opt(f.V("confirm_name"))})
	if err == nil {
		return c.Redirect("/tenant-deletion?notice=deletion_requested", fiber.StatusSeeOther)
	}
	status, ok := mergeFormError(&f, err, nil)
	if !ok {
		return err
	}
	return p.renderTenantDeletion(c, status, f)
}

// tenantDeletionCancel is POST /tenant-deletion/cancel.
func (p *Portal) tenantDeletionCancel(c *fiber.Ctx) error {
	if _, err := p.cases.CancelTenantDeletion(c.UserContext(), handlers.Tenant(c), handlers.Who(c)); err != nil {
		return err
	}
	return c.Redirect("/tenant-deletion?notice=deletion_cancelled", fiber.StatusSeeOther)
}

// tenantExport is GET /tenant-deletion/export.zip: the full export, as
// GET /api/v1/tenant/export.
func (p *Portal) tenantExport(c *fiber.Ctx) error {
	return handlers.SendSpooled(c, "application/zip", "leaveguard-export.zip", func(w io.Writer) error {
		return p.cases.ExportTenant(c.UserContext(), handlers.Tenant(c), handlers.Who(c), w)
	})
}
