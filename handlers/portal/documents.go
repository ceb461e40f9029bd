package portal

import (
	"context"
	"errors"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// documentReaders may generate and download PDF documents (as the API's).
var documentReaders = []string{"admin", "hr", "auditor"}

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
		return sendDocument(c, f)
	}
}

// sendDocument sends a filing as an attachment with its Chinese file name
// (and an ASCII fallback), never cached.
func sendDocument(c *fiber.Ctx, f cases.Filing) error {
	c.Set(fiber.HeaderContentType, "application/pdf")
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderContentDisposition, attachment(f.FileNameASCII(), f.FileName()))
	c.Set("X-Document-No", f.DocumentNo)
	c.Set("X-Filing-Version", strconv.Itoa(f.Version))
	return c.Send(f.Bytes)
}

// attachment is a Content-Disposition with an ASCII file name and its UTF-8
// form (RFC 6266 / RFC 8187). ascii must hold no quote or backslash.
func attachment(ascii, name string) string {
	const hex = "0123456789ABCDEF"
	out := make([]byte, 0, 3*len(name))
	for i := 0; i < len(name); i++ {
		b := name[i]
		switch {
		case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9',
			b == '!' || b == '#' || b == '$' || b == '&' || b == '+' || b == '-' || b == '.' || b == '^' || b == '_' || b == '`' || b == '|' || b == '~':
			out = append(out, b)
		default:
			out = append(out, '%', hex[b>>4], hex[b&15])
		}
	}
	return `attachment; filename="` + ascii + `"; filename*=UTF-8''` + string(out)
}
