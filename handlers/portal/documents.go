package portal

import (
	"context"
	"errors"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// documentReaders may generate and download PDF documents (as the API's).
var documentReaders = []string{auth.Admin, auth.HR, auth.Auditor}

// errPDFUnavailable is the 503 of a PDF route when the CJK font is missing.
var errPDFUnavailable = handlers.Fail(fiber.StatusServiceUnavailable, "pdf_unavailable",
	"PDF 文书暂时无法生成：服务器未加载中文字体。请联系管理员安装字体（fonts-droid-fallback）或设置 LEAVEGUARD_PDF_FONT 后重启服务。")

// documentMaker makes one document of an object (a method expression of
// *cases.Filings): generated, or its latest stored version when unchanged.
type documentMaker func(f *cases.Filings, ctx context.Context, tenant string, who store.Who, id string) (cases.Filing, error)

// registerDocuments mounts the PDF downloads: the same bytes as the API's
// (cases.Filings, audited), as an attachment no cache keeps.
func (p *Portal) registerDocuments(r fiber.Router) {
	p.AddActionLabels(map[string]string{"filing.create": "生成 PDF 文书", "filing.download": "下载 PDF 文书",
		"export.labor_bureau": "导出劳动保障合规报告"})
	p.page(r, fiber.MethodGet, "/allowance-claims/:id/pdf", p.document((*cases.Filings).ClaimForm), documentReaders...)
	p.page(r, fiber.MethodGet, "/subsidy-applications/:id/pdf", p.document((*cases.Filings).SubsidyForm), documentReaders...)
	p.page(r, fiber.MethodGet, "/leave-requests/:id/pdf", p.document((*cases.Filings).LeaveNotice), documentReaders...)
	p.page(r, fiber.MethodGet, "/employees/:id/contract-extension-notice.pdf",
		p.document((*cases.Filings).ContractExtensionNotice), documentReaders...)
}

// hasDocuments reports whether the user may download PDF documents.
func (p *Portal) hasDocuments(c *fiber.Ctx) bool { return allowed(sessionOf(c).Role, documentReaders) }

// document is GET …/:id/pdf.
func (p *Portal) document(gen documentMaker) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id := validID(c.Params("id"))
		if id == "" {
			return errNotFoundPage
		}
		f, err := gen(p.filings, c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
		if errors.Is(err, cases.ErrPDFUnavailable) {
			return errPDFUnavailable
		}
		if err != nil {
			return err
		}
		return handlers.SendFiling(c, f)
	}
}
