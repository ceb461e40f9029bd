package portal

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

// exportsPage is the export form and the month-end bundle's form.
type exportsPage struct {
	Form  Form
	Month Form
}

func (p *Portal) registerExports(r fiber.Router) {
	p.AddNav(NavEntry{Key: "exports", Label: "导出", Path: "/exports", Order: OrderExports, Roles: documentReaders})
	p.page(r, fiber.MethodGet, "/exports", p.exports, documentReaders...)
	p.page(r, fiber.MethodGet, "/exports/labor-bureau", p.laborExport, documentReaders...)
	p.page(r, fiber.MethodGet, "/exports/filings", p.monthBundle, documentReaders...)
	p.AddActionLabels(map[string]string{"filing.export_month": "导出月末申领文书（ZIP）"})
}

// exports is GET /exports: the period form, last quarter by default.
func (p *Portal) exports(c *fiber.Ctx) error {
	return p.render(c, fiber.StatusOK, "exports", "导出", "exports", exportsPage{Form: p.reportForm(), Month: p.monthForm()})
}

// reportForm is the report's form for last quarter, as CSV.
func (p *Portal) reportForm() Form {
	f := NewForm()
	first := p.cases.Today().FirstOfMonth()
	f.Values["from"], f.Values["to"], f.Values["format"] = first.AddMonths(-3).String(), first.AddDays(-1).String(), "csv"
	return f
}

// laborExport is GET /exports/labor-bureau?from=&to=&format=csv|xlsx|pdf:
// the compliance report of the period, audited before it is sent. CSV and
// XLSX stream row by row from one snapshot; PDF is the 合规报告 filing.
// A bad period comes back as the form with its messages.
func (p *Portal) laborExport(c *fiber.Ctx) error {
	f := NewForm()
	for _, k := range []string{"from", "to", "format", "responsible", "contact"} {
		f.Values[k] = c.Query(k)
	}
	period, err := cases.ParsePeriod(f.V("from"), f.V("to"))
	if err == nil {
		err = period.Sign(f.V("responsible"), f.V("contact"))
	}
	if _, ok := handlers.ExportTypes[f.V("format")]; !ok && f.V("format") != "pdf" {
		f.Errors["format"] = "请选择 CSV、Excel 或 PDF"
	}
	if err != nil || len(f.Errors) > 0 {
		status, ok := mergeFormError(&f, err, nil)
		if !ok {
			return err
		}
		return p.render(c, status, "exports", "导出", "exports", exportsPage{Form: f, Month: p.monthForm()})
	}
	tenant, who, format := handlers.Tenant(c), handlers.Who(c), f.V("format")
	if format == "pdf" {
		doc, err := p.filings.ComplianceReport(c.UserContext(), tenant, who, period)
		if errors.Is(err, cases.ErrPDFUnavailable) {
			return errPDFUnavailable
		}
		if err != nil {
			return err
		}
		return handlers.SendFiling(c, doc)
	}
	return handlers.StreamLaborReport(c, p.cases, tenant, who, period, format)
}
