package app

import (
	"errors"

	"leaveguard/pdf"
)

// PDFFont is the CJK font the PDF documents embed, read once at start-up
// from LEAVEGUARD_PDF_FONT, or why it could not be read. The zero value
// means no font was loaded: PDF routes answer 503 and /readyz says so.
type PDFFont struct {
	Font *pdf.Font
	Err  error
}

// LoadPDFFont reads the font at path; a missing or unusable file is kept
// as Err (the server still starts, degraded).
func LoadPDFFont(path string) PDFFont {
	f, err := pdf.LoadFont(path)
	return PDFFont{Font: f, Err: err}
}

// Renderer returns the PDF renderer over the font, or nil when there is none.
func (p PDFFont) Renderer() *pdf.Renderer {
	if p.Font == nil {
		return nil
	}
	return pdf.NewRenderer(p.Font)
}

// Reason says in Chinese, for an operator, why PDFs cannot be generated
// ("" when they can).
func (p PDFFont) Reason() string {
	var missing *pdf.ErrFontMissing
	switch {
	case p.Font != nil:
		return ""
	case errors.As(p.Err, &missing):
		return missing.Error()
	case errors.Is(p.Err, pdf.ErrBadFont):
		return "PDF 中文字体文件无法使用（须为可嵌入的 TrueType 字体，如 fonts-droid-fallback 的 DroidSansFallbackFull.ttf），请检查 LEAVEGUARD_PDF_FONT"
	case p.Err != nil:
		return "PDF 中文字体文件无法读取，请检查 LEAVEGUARD_PDF_FONT 指向的文件及其权限"
	}
	return "PDF 中文字体未加载，请设置 LEAVEGUARD_PDF_FONT"
}

// Readiness is the /readyz check of the font: "ok", or why PDF routes
// answer 503.
func (p PDFFont) Readiness() func() (name string, ok bool, detail string) {
	return func() (string, bool, string) {
		if r := p.Reason(); r != "" {
			return "pdf_font", false, "不可用：" + r + "；PDF 文书与 PDF 报告暂不可生成，其余功能正常"
		}
		return "pdf_font", true, "ok"
	}
}
