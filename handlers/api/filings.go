package api

import (
	"context"
	"errors"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/pdf"
	"leaveguard/store"
)

// pdfReaders may generate and download documents.
var pdfReaders = []string{auth.Admin, auth.HR, auth.Auditor}

func (a *API) registerFilings(r fiber.Router) {
	r.Get("/allowance-claims/:id/pdf", handlers.Require(pdfReaders...), a.filingRoute((*cases.Filings).ClaimForm))
	r.Get("/subsidy-applications/:id/pdf", handlers.Require(pdfReaders...), a.filingRoute((*cases.Filings).SubsidyForm))
	r.Get("/leave-requests/:id/pdf", handlers.Require(pdfReaders...), a.filingRoute((*cases.Filings).LeaveNotice))
	r.Get("/employees/:id/contract-extension-notice.pdf", handlers.Require(pdfReaders...),
		a.filingRoute((*cases.Filings).ContractExtensionNotice))
	r.Get("/filings", handlers.Require(pdfReaders...), a.listFilings)
	r.Get("/filings/:month.zip", handlers.Require(pdfReaders...), a.monthBundle) // before /filings/:id
	r.Get("/filings/:id", handlers.Require(pdfReaders...), a.getFiling)
}

// WithPDF sets the renderer of the PDF routes; without one (the font is
// missing) they answer 503 pdf_unavailable.
func (a *API) WithPDF(r *pdf.Renderer) *API {
	a.filings = &cases.Filings{Cases: a.cases, PDF: r}
	return a
}

func (a *API) filer() *cases.Filings {
	if a.filings == nil {
		a.filings = &cases.Filings{Cases: a.cases}
	}
	return a.filings
}

// generator makes the filing of the object with an id (a method
// expression of *cases.Filings).
type generator func(f *cases.Filings, ctx context.Context, tenant string, who store.Who, id string) (cases.Filing, error)

// filingRoute is GET …/{id}/pdf: the document, generated or (unchanged)
// the latest stored version.
func (a *API) filingRoute(gen generator) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := pathID(c)
		if err != nil {
			return err
		}
		f, err := gen(a.filer(), c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
		if err != nil {
			return pdfError(err)
		}
		return handlers.SendFiling(c, f)
	}
}

// listFilings is GET /filings?kind=&subject_id=&limit=: stored versions,
// newest first, without their bytes.
func (a *API) listFilings(c *fiber.Ctx) error {
	n, err := limit(c)
	if err != nil {
		return err
	}
	in := cases.FilingFilter{Kind: c.Query("kind"), SubjectID: c.Query("subject_id"), Limit: n}
	items, err := a.filer().ListFilings(c.UserContext(), handlers.Tenant(c), in)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": nonNil(items)})
}

// getFiling is GET /filings/{id}: the stored bytes, byte-identical to what
// was generated (no font needed).
func (a *API) getFiling(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	f, err := a.filer().DownloadFiling(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err != nil {
		return err
	}
	return handlers.SendFiling(c, f)
}

// pdfError turns a missing font into the 503 every PDF route answers.
func pdfError(err error) error {
	if errors.Is(err, cases.ErrPDFUnavailable) {
		return handlers.Fail(fiber.StatusServiceUnavailable, "pdf_unavailable",
			"PDF 文书暂时无法生成：服务器未加载中文字体。请管理员安装 fonts-droid-fallback 或设置 LEAVEGUARD_PDF_FONT 后重启服务；已生成的文书仍可通过 /api/v1/filings 下载")
	}
	return err
}
