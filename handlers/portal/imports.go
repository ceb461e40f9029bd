package portal

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// importers may import employees; auditors may read the history.
var (
	importers      = []string{auth.Admin, auth.HR}
	importReaders  = []string{auth.Admin, auth.HR, auth.Auditor}
	importDeadline = 10 * time.Minute
)

// importsPage is the upload form, a dry run's report or a refusal, and the
// history.
type importsPage struct {
	Refused  string              // why the whole file was refused
	FileName string              // of the dry run
	Report   *cases.ImportReport // a dry run's
	History  []importEntry
	CanWrite bool
}

// importEntry is one line of the history, with who imported.
type importEntry struct {
	store.Import
	Who string
}

func (p *Portal) registerImports(r fiber.Router) {
	p.AddActionLabels(map[string]string{"import.employees": "导入员工"})
	p.page(r, fiber.MethodGet, "/imports", p.imports, importReaders...)
	p.page(r, fiber.MethodGet, "/imports/employees/template.xlsx", p.importTemplate, importers...)
	p.page(r, fiber.MethodPost, "/imports/employees", p.importEmployees, importers...)
	p.page(r, fiber.MethodGet, "/imports/family/template.xlsx", p.familyTemplate, importers...)
	p.page(r, fiber.MethodPost, "/imports/family", p.importFamily, importers...)
	p.page(r, fiber.MethodGet, "/imports/:id", p.importShow, importReaders...)
}

// imports is GET /imports.
func (p *Portal) imports(c *fiber.Ctx) error {
	return p.renderImports(c, fiber.StatusOK, importsPage{})
}

func (p *Portal) renderImports(c *fiber.Ctx, status int, page importsPage) error {
	hist, err := p.cases.Imports(c.UserContext(), handlers.Tenant(c))
	if err != nil {
		return err
	}
	names, err := p.userNames(c)
	if err != nil {
		return err
	}
	for _, im := range hist {
		page.History = append(page.History, importEntry{Import: im, Who: importer(im.CreatedBy, names)})
	}
	page.CanWrite = allowed(sessionOf(c).Role, importers)
	return p.render(c, status, "imports", "导入员工", "employees", page)
}

// importTemplate is GET /imports/employees/template.xlsx.
func (p *Portal) importTemplate(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, handlers.ExportTypes["xlsx"])
	c.Set(fiber.HeaderContentDisposition, handlers.Attachment("employees-import.xlsx", "员工导入模板.xlsx"))
	return p.cases.WriteEmployeeTemplate(c.Response().BodyWriter())
}

// importEmployees is POST /imports/employees (multipart: file, mode=dry|
// import). A dry run answers its report here; a real run goes on in the
// background and the browser follows its progress on /imports/{id}.
func (p *Portal) importEmployees(c *fiber.Ctx) error {
	dry := c.FormValue("mode") != "import"
	f, err := handlers.UploadedFile(c, "file", dry)
	var he *handlers.Error
	if errors.As(err, &he) {
		return p.renderImports(c, fiber.StatusBadRequest, importsPage{Refused: "请先选择要导入的文件（.xlsx 或 .csv）。"})
	}
	if err != nil {
		return err
	}
	run, err := p.cases.BeginEmployeeImport(c.UserContext(), handlers.Tenant(c), handlers.Who(c), f)
	var ce *cases.Error
	if errors.As(err, &ce) {
		return p.renderImports(c, fiber.StatusBadRequest, importsPage{Refused: ce.Message})
	}
	if err != nil {
		return err
	}
	if dry {
		rep, err := run.Run(c.UserContext())
		if err != nil {
			return err
		}
		return p.renderImports(c, fiber.StatusOK, importsPage{Report: &rep, FileName: f.Name})
	}
	go func() { // the run records its own progress and end (or failure) in the history
		ctx, cancel := context.WithTimeout(context.Background(), importDeadline)
		defer cancel()
		if _, err := run.Run(ctx); err != nil {
			p.log.Error("import failed", "import_id", run.ID(), "error", err.Error())
		}
	}()
	return c.Redirect("/imports/"+run.ID(), fiber.StatusSeeOther)
}

// importer names who imported (a stamp "user:<id>", "api_key:<id>" or
// "system:cli").
func importer(createdBy string, names map[string]string) string {
	if createdBy == "system:cli" {
		return "命令行（运维）"
	}
	return byName(createdBy, names)
}

// familyTemplate is GET /imports/family/template.xlsx.
func (p *Portal) familyTemplate(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, handlers.ExportTypes["xlsx"])
	c.Set(fiber.HeaderContentDisposition, handlers.Attachment("family-import.xlsx", "家庭情况导入模板.xlsx"))
	return p.cases.WriteFamilyTemplate(c.Response().BodyWriter())
}

// importFamily is POST /imports/family (multipart: file, mode=dry|import):
// family files are short, so both answer with the report here.
func (p *Portal) importFamily(c *fiber.Ctx) error {
	f, err := handlers.UploadedFile(c, "file", c.FormValue("mode") != "import")
	var he *handlers.Error
	if errors.As(err, &he) {
		return p.renderImports(c, fiber.StatusBadRequest, importsPage{Refused: "请先选择要导入的文件（.xlsx 或 .csv）。"})
	}
	if err != nil {
		return err
	}
	rep, err := p.cases.ImportFamily(c.UserContext(), handlers.Tenant(c), handlers.Who(c), f)
	var ce *cases.Error
	if errors.As(err, &ce) {
		return p.renderImports(c, fiber.StatusBadRequest, importsPage{Refused: ce.Message})
	}
	if err != nil {
		return err
	}
	return p.renderImports(c, fiber.StatusOK, importsPage{Report: &rep, FileName: f.Name})
}

// importPage is one import of the history with its stored row errors.
type importPage struct {
	Import  importEntry
	Errors  []cases.RowError
	Percent int
}

// importShow is GET /imports/:id: the progress (the page reloads itself
// while the import runs), the counts and the refused rows.
func (p *Portal) importShow(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return errNotFoundPage
	}
	im, err := p.cases.Import(c.UserContext(), handlers.Tenant(c), id)
	if errors.Is(err, store.ErrNotFound) {
		return errNotFoundPage
	}
	if err != nil {
		return err
	}
	names, err := p.userNames(c)
	if err != nil {
		return err
	}
	page := importPage{Import: importEntry{Import: im, Who: importer(im.CreatedBy, names)}}
	_ = json.Unmarshal(im.Errors, &page.Errors)
	if im.Rows > 0 {
		page.Percent = im.Processed * 100 / im.Rows
	}
	return p.render(c, fiber.StatusOK, "import", "导入记录", "employees", page)
}
