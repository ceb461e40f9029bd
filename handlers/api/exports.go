package api

import (
	"errors"
	"maps"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

func (a *API) registerExports(r fiber.Router) {
	r.Get("/exports/labor-bureau", handlers.Require(pdfReaders...), a.laborExport)
	r.Get("/documents/verify", handlers.Require(pdfReaders...), a.verifyDocument)
}

// laborExport is GET /exports/labor-bureau?from=&to=&format=csv|xlsx|pdf:
// the compliance report of the period. CSV and XLSX are streamed row by row
// from one read-only snapshot kept open while the body is written; PDF is
// the 合规报告 filing. Every export is audited before it is sent.
func (a *API) laborExport(c *fiber.Ctx) error {
	p, format, err := exportQuery(c)
	if err != nil {
		return err
	}
	tenant, who := handlers.Tenant(c), handlers.Who(c)
	if format == "pdf" {
		f, err := a.filer().ComplianceReport(c.UserContext(), tenant, who, p)
		if err != nil {
			return pdfError(err)
		}
		return handlers.SendFiling(c, f)
	}
	return handlers.StreamLaborReport(c, a.cases, tenant, who, p, format)
}

// exportQuery validates ?from=, ?to= and ?format= (default csv) together.
func exportQuery(c *fiber.Ctx) (cases.Period, string, error) {
	p, err := cases.ParsePeriod(c.Query("from"), c.Query("to"))
	fields := map[string]string{}
	var ce *cases.Error
	if errors.As(err, &ce) {
		maps.Copy(fields, ce.Fields)
	} else if err != nil {
		return p, "", err
	}
	if err := p.Sign(c.Query("responsible"), c.Query("contact")); errors.As(err, &ce) {
		maps.Copy(fields, ce.Fields)
	}
	format := c.Query("format", "csv")
	if _, ok := handlers.ExportTypes[format]; !ok && format != "pdf" {
		fields["format"] = "须为 csv、xlsx 或 pdf"
	}
	if len(fields) > 0 {
		return p, "", handlers.Invalid(fields)
	}
	return p, format, nil
}
