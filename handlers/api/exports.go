package api

import (
	"bufio"
	"context"
	"errors"
	"maps"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/app/export"
	"leaveguard/handlers"
)

// exportTimeout bounds one streamed export.
const exportTimeout = 10 * time.Minute

func (a *API) registerExports(r fiber.Router) {
	r.Get("/exports/labor-bureau", handlers.Require(pdfReaders...), a.laborExport)
}

// exportTypes are the content types of the spreadsheet formats.
var exportTypes = map[string]string{
	"csv":  "text/csv; charset=utf-8",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
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
		return sendPDF(c, f)
	}
	ctx, cancel := context.WithTimeout(context.Background(), exportTimeout)
	rep, err := a.cases.OpenLaborReport(ctx, tenant, p)
	if err != nil {
		cancel()
		return err
	}
	if err := a.cases.AuditExport(c.UserContext(), tenant, who, p, format); err != nil {
		rep.Close()
		cancel()
		return err
	}
	c.Set(fiber.HeaderContentType, exportTypes[format])
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderContentDisposition, attachment("labor-bureau-report-"+p.ID()+"."+format,
		"劳动保障合规报告-"+p.ID()+"."+format))
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		defer cancel()
		defer rep.Close()
		var ew export.Writer = export.NewCSV(w)
		if format == "xlsx" {
			ew = export.NewXLSX(w)
		}
		if err := rep.Write(ctx, ew); err != nil && format == "csv" {
			// The status is sent already: say so in the file itself.
			_, _ = w.WriteString("\r\n导出未完成：读取数据时出错，请重新导出\r\n")
		}
	})
	return nil
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
	format := c.Query("format", "csv")
	if _, ok := exportTypes[format]; !ok && format != "pdf" {
		fields["format"] = "须为 csv、xlsx 或 pdf"
	}
	if len(fields) > 0 {
		return p, "", handlers.Invalid(fields)
	}
	return p, format, nil
}
