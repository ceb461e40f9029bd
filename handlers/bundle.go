package handlers

import (
	"bufio"
	"context"
	"log/slog"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
)

// bundleStall is how long one document of a month bundle may take to
// reach the client.
const bundleStall = time.Minute

// StreamMonthBundle streams an opened (and so audited) month bundle as a
// ZIP, one document at a time, flushing after each so the client sees its
// progress; X-Document-Count says how many documents to expect.
func StreamMonthBundle(c *fiber.Ctx, b *cases.MonthBundle) error {
	c.Set(fiber.HeaderContentType, "application/zip")
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderContentDisposition, Attachment("filings-"+b.Month+".zip", "申领文书-"+b.Month+".zip"))
	c.Set("X-Document-Count", strconv.Itoa(len(b.Subjects)))
	conn := c.Context().Conn()
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		ctx, cancel := context.WithTimeout(context.Background(), exportTimeout)
		defer cancel()
		// The server's write timeout bounds a whole response; a long ZIP
		// instead gets bundleStall per document.
		_ = conn.SetWriteDeadline(time.Now().Add(bundleStall))
		n := 0
		err := b.Write(ctx, w, func() {
			n++
			_ = w.Flush()
			_ = conn.SetWriteDeadline(time.Now().Add(bundleStall))
		})
		if err != nil { // the status is sent: the ZIP's note says it is incomplete
			slog.Default().Error("month bundle incomplete", "month", b.Month, "written", n, "of", len(b.Subjects))
		}
	})
	return nil
}
