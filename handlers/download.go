package handlers

import (
	"bufio"
	"context"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/store"
)

// exportTimeout bounds one streamed export.
const exportTimeout = 10 * time.Minute

// ExportTypes are the content types of the spreadsheet export formats.
var ExportTypes = map[string]string{
	"csv":  "text/csv; charset=utf-8",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

// SendFiling sends a stored filing as a PDF attachment that no cache keeps,
// with its document number and version in headers.
func SendFiling(c *fiber.Ctx, f cases.Filing) error {
	c.Set(fiber.HeaderContentType, "application/pdf")
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderContentDisposition, Attachment(f.FileNameASCII(), f.FileName()))
	c.Set("X-Filing-Id", f.ID)
	c.Set("X-Filing-Version", strconv.Itoa(f.Version))
	c.Set("X-Document-No", f.DocumentNo)
	return c.Send(f.Bytes)
}

// StreamLaborReport audits and streams the compliance report of period as
// CSV or XLSX (format), row by row from one read-only snapshot kept open
// while the body is written, so memory stays constant whatever the size.
func StreamLaborReport(c *fiber.Ctx, cs *cases.Cases, tenant string, who store.Who, period cases.Period, format string) error {
	ctx, cancel := context.WithTimeout(context.Background(), exportTimeout)
	rep, err := cs.OpenLaborReport(ctx, tenant, period)
	if err != nil {
		cancel()
		return err
	}
	if err := cs.AuditExport(c.UserContext(), tenant, who, period, format); err != nil {
		rep.Close()
		cancel()
		return err
	}
	c.Set(fiber.HeaderContentType, ExportTypes[format])
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderContentDisposition, Attachment("labor-bureau-report-"+period.ID()+"."+format,
		"劳动保障合规报告-"+period.ID()+"."+format))
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		defer cancel()
		defer rep.Close()
		if err := rep.Write(ctx, w, format); err != nil && format == "csv" {
			// The status is sent already: say so in the file itself.
			_, _ = w.WriteString("\r\n导出未完成：读取数据时出错，请重新导出\r\n")
		}
	})
	return nil
}

// Attachment is a Content-Disposition with an ASCII file name and its
// UTF-8 form (RFC 6266, with RFC 8187 encoding): browsers and curl -J pick
// the Chinese name, older clients the fallback. ascii must hold no quote
// or backslash.
func Attachment(ascii, name string) string {
	const hex = "0123456789ABCDEF"
	out := make([]byte, 0, 3*len(name))
	for i := 0; i < len(name); i++ {
		b := name[i]
		switch {
		case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9',
			b == '!' || b == '#' || b == '$' || b == '&' || b == '+' || b == '-' || b == '.' ||
				b == '^' || b == '_' || b == '`' || b == '|' || b == '~':
			out = append(out, b)
		default:
			out = append(out, '%', hex[b>>4], hex[b&15])
		}
	}
	return `attachment; filename="` + ascii + `"; filename*=UTF-8''` + string(out)
}
