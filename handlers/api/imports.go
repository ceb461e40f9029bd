package api

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

func (a *API) registerImports(r fiber.Router) {
	r.Post("/imports/employees", handlers.Require(writers...), importFile(a.cases.ImportEmployees))
	r.Get("/imports/employees/template.xlsx", handlers.Require(readers...), a.employeeTemplate)
	r.Post("/imports/family", handlers.Require(writers...), importFile(a.cases.ImportFamily))
	r.Get("/imports/family/template.xlsx", handlers.Require(readers...), a.familyTemplate)
	r.Get("/imports", handlers.Require(auth.Admin, auth.HR, auth.Auditor), a.listImports)
	r.Get("/imports/:id", handlers.Require(auth.Admin, auth.HR, auth.Auditor), a.getImport)
}

// importer is a use case that imports one file of a template.
type importer func(context.Context, string, store.Who, cases.ImportFile) (cases.ImportReport, error)

// importFile is POST /imports/employees and /imports/family
// (?dry_run=true|false, the multipart field file): the row report (200) or
// the file's refusal (400).
func importFile(run importer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		dry, err := dryRun(c)
		if err != nil {
			return err
		}
		f, err := handlers.UploadedFile(c, "file", dry)
		if err != nil {
			return err
		}
		rep, err := run(c.UserContext(), handlers.Tenant(c), handlers.Who(c), f)
		if err != nil {
			return err
		}
		return c.JSON(rep)
	}
}

// familyTemplate is GET /imports/family/template.xlsx.
func (a *API) familyTemplate(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, handlers.ExportTypes["xlsx"])
	c.Set(fiber.HeaderContentDisposition, handlers.Attachment("family-import.xlsx", "家庭情况导入模板.xlsx"))
	return a.cases.WriteFamilyTemplate(c.Response().BodyWriter())
}

// dryRun reads ?dry_run= (default false).
func dryRun(c *fiber.Ctx) (bool, error) {
	switch c.Query("dry_run") {
	case "", "false":
		return false, nil
	case "true":
		return true, nil
	}
	return false, handlers.Invalid(map[string]string{"dry_run": "须为 true 或 false"})
}

// employeeTemplate is GET /imports/employees/template.xlsx.
func (a *API) employeeTemplate(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, handlers.ExportTypes["xlsx"])
	c.Set(fiber.HeaderContentDisposition, handlers.Attachment("employees-import.xlsx", "员工导入模板.xlsx"))
	return a.cases.WriteEmployeeTemplate(c.Response().BodyWriter())
}

// listImports is GET /imports: the import history, newest first.
func (a *API) listImports(c *fiber.Ctx) error {
	ims, err := a.cases.Imports(c.UserContext(), handlers.Tenant(c))
	if err != nil {
		return err
	}
	items := make([]cases.ImportView, len(ims))
	for i, im := range ims {
		items[i] = cases.ViewImport(im)
	}
	return c.JSON(fiber.Map{"items": items})
}

// getImport is GET /imports/{id}.
func (a *API) getImport(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	im, err := a.cases.Import(c.UserContext(), handlers.Tenant(c), id)
	if err != nil {
		return err
	}
	return c.JSON(cases.ViewImport(im))
}
