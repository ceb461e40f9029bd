package cases

import (
	"context"

	"leaveguard/app/export"
	"leaveguard/pdf"
	"leaveguard/store"
)

// ComplianceReport generates (or returns the unchanged latest) 合规报告 of
// period p: the labor-bureau report as a PDF filing, the same sections and
// cells as the CSV and XLSX, numbered like them.
func (f *Filings) ComplianceReport(ctx context.Context, tenant string, who store.Who, p Period) (Filing, error) {
	return f.generate(ctx, tenant, who, KindComplianceReport, p.ID(), func(tx *store.Tx) (document, error) {
		doc := &reportPDF{pdf.ComplianceReport{From: p.From, To: p.To, Basis: reportBasis}}
		number := func(content string) (string, error) {
			no, err := f.Cases.reportNumber(ctx, tx, tenant, p, content)
			doc.ReportNo, doc.ContentSHA256, doc.VerifyURL = no, content, VerifyPath+content
			return no, err
		}
		if err := f.Cases.writeReport(ctx, tx, tenant, p, (*reportCollector)(doc), number); err != nil {
			return nil, err
		}
		return doc, nil
	})
}

// reportCollector gathers the report into the PDF's input.
type reportCollector reportPDF

// Begin implements export.Writer: the title and the title block without
// the tenant (the PDF's issuer block shows it) and without the generation
// time (the renderer prints the filing's own).
func (r *reportCollector) Begin(h export.Header) error {
	r.Title = h.Title
	r.Head = [][]string{{"报告期间", h.Rows()[2][1].Text, "生成时间", ""}}
	return nil
}

// Section implements export.Writer.
func (r *reportCollector) Section(s export.Section) error {
	cols := make([]pdf.ReportColumn, len(s.Columns))
	for i, c := range s.Columns {
		cols[i] = pdf.ReportColumn{Name: c.Name, Width: c.Width}
	}
	r.Sections = append(r.Sections, pdf.ReportSection{Title: s.Title, Columns: cols})
	return nil
}

// Row implements export.Writer.
func (r *reportCollector) Row(cells []export.Cell) error {
	s := &r.Sections[len(r.Sections)-1]
	row := make([]pdf.ReportCell, len(cells))
	for i, c := range cells {
		row[i] = pdf.ReportCell{Text: c.Text, Flag: c.Flag}
		if c.Kind == export.Int || c.Kind == export.Money {
			s.Columns[i].Right = true
		}
	}
	s.Rows = append(s.Rows, row)
	return nil
}

// Close implements export.Writer.
func (r *reportCollector) Close() error { return nil }
