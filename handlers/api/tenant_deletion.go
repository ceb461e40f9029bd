package api

import (
	"io"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
)

func (a *API) registerTenantDeletion(r fiber.Router) {
	r.Post("/tenant/deletion", handlers.Require(auth.Admin), a.requestTenantDeletion)
	r.Get("/tenant/deletion", handlers.Require(auth.Admin), a.tenantDeletion)
	r.Delete("/tenant/deletion", handlers.Require(auth.Admin), a.cancelTenantDeletion)
	r.Get("/tenant/export", handlers.Require(auth.Admin), a.exportTenant)
}

// requestTenantDeletion is POST /tenant/deletion {confirm_name}: every row
// of the tenant is removed after the grace period.
func (a *API) requestTenantDeletion(c *fiber.Ctx) error {
	var in cases.TenantDeletionInput
	if err := decode(c, &in); err != nil {
		return err
	}
	d, err := a.cases.RequestTenantDeletion(c.UserContext(), handlers.Tenant(c), handlers.Who(c), in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(d)
}

// tenantDeletion is GET /tenant/deletion: the request in force, or 404.
func (a *API) tenantDeletion(c *fiber.Ctx) error {
	d, err := a.cases.TenantDeletion(c.UserContext(), handlers.Tenant(c))
	if err != nil {
		return err
	}
	return c.JSON(d)
}

// cancelTenantDeletion is DELETE /tenant/deletion: cancelled during the
// grace period.
func (a *API) cancelTenantDeletion(c *fiber.Ctx) error {
	d, err := a.cases.CancelTenantDeletion(c.UserContext(), handlers.Tenant(c), handlers.Who(c))
	if err != nil {
		return err
	}
	return c.JSON(d)
}

// exportTenant is GET /tenant/export: a zip of every table of the tenant.
func (a *API) exportTenant(c *fiber.Ctx) error {
	return handlers.SendSpooled(c, "application/zip", "leaveguard-export.zip", func(w io.Writer) error {
		return a.cases.ExportTenant(c.UserContext(), handlers.Tenant(c), handlers.Who(c), w)
	})
}
