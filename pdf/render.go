package pdf

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"leaveguard/leave"
)

// ErrIncomplete is returned (wrapped, with the field name) when a
// document's input lacks a field every document needs.
var ErrIncomplete = errors.New("pdf: incomplete document data")

// chinaTime is Beijing time (UTC+8, no daylight saving): generation dates are
// shown, and written into the PDF, in it.
var chinaTime = time.FixedZone("CST", 8*3600)

// Meta is what every document carries: the issuing employer, the document
// number and when it was generated.
type Meta struct {
	// TenantName is the employer's registered name (单位名称).
	TenantName string
	// CreditCode is its unified social credit code (统一社会信用代码).
	CreditCode string
	// DocNo is the document number (文书编号), e.g. "LG-CLM-2025-000123".
	DocNo string
	// GeneratedAt is when the document was generated. It is printed (as a
	// Beijing date) and fixes the PDF's creation and modification dates, so
	// the same input renders to the same bytes. Required.
	GeneratedAt time.Time
}

// check reports the first missing field every document needs.
func (m Meta) check(doc string) error {
	switch {
	case m.TenantName == "":
		return fmt.Errorf("pdf: %s: %w: tenant_name", doc, ErrIncomplete)
	case m.DocNo == "":
		return fmt.Errorf("pdf: %s: %w: doc_no", doc, ErrIncomplete)
	case m.GeneratedAt.IsZero():
		return fmt.Errorf("pdf: %s: %w: generated_at", doc, ErrIncomplete)
	}
	return nil
}

// Renderer renders LeaveGuard's documents with one font. It holds no
// per-document state and is safe for concurrent use.
type Renderer struct {
	font *Font
}

// NewRenderer returns a Renderer that embeds font in every document.
func NewRenderer(font *Font) *Renderer { return &Renderer{font: font} }

// cnDate formats a date the way Chinese documents write it: "2025年3月1日";
// the zero Date is "—".
func cnDate(d leave.Date) string {
	if d.IsZero() {
		return "—"
	}
	return strconv.Itoa(d.Year()) + "年" + strconv.Itoa(int(d.Month())) + "月" + strconv.Itoa(d.Day()) + "日"
}

// isoDate formats a date for table cells: "2025-03-01"; the zero Date is "—".
func isoDate(d leave.Date) string {
	if d.IsZero() {
		return "—"
	}
	return d.String()
}

// orDash returns s, or "—" when s is empty.
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// days formats a day count: "158 天".
func days(n int) string { return strconv.Itoa(n) + " 天" }

// requireName reports a missing employee name.
func requireName(doc, name string) error {
	if name == "" {
		return fmt.Errorf("pdf: %s: %w: employee_name", doc, ErrIncomplete)
	}
	return nil
}
