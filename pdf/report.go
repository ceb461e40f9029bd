package pdf

import "leaveguard/leave"

// ComplianceReport is the input of the labor-bureau compliance report
// (劳动保障合规报告): the same title block and sections, cell for cell, as
// its CSV and XLSX forms; the PDF only lays them out.
type ComplianceReport struct {
	Meta
	ReportNo string // the report's number, the same in CSV, XLSX and PDF
	Title    string
	From     leave.Date
	To       leave.Date
	Head     [][]string // the title block's rows, after the title
	Sections []ReportSection
	Basis    string // the footer: every rule the report relies on
	// ContentSHA256 is the report's content hash (hex), the same in every
	// format; VerifyURL where it is checked. Printed with a QR code.
	ContentSHA256 string
	VerifyURL     string
}

// ReportSection is one section: its heading, its columns and its rows.
type ReportSection struct {
	Title   string
	Columns []ReportColumn
	Rows    [][]ReportCell
}

// ReportColumn is a column's header and relative width.
type ReportColumn struct {
	Name  string
	Width float64
	Right bool `json:",omitempty"` // numbers are right-aligned
}

// ReportCell is one cell's text; Flag marks a finding (printed in red).
type ReportCell struct {
	Text string
	Flag bool `json:",omitempty"`
}

// ComplianceReport renders the compliance report; each section's table
// breaks across pages with its header row repeated.
func (r *Renderer) ComplianceReport(rep ComplianceReport) ([]byte, error) {
	if err := rep.Meta.check("compliance report"); err != nil {
		return nil, err
	}
	title := rep.Title
	if title == "" {
		title = "合规报告"
	}
	return r.render(rep.Meta, title, rep.Basis, rep.body)
}

// body lays the report out: the title block, then each section's table.
func (rep ComplianceReport) body(d *doc) {
	d.start()
	var head [][]kv
	for _, r := range rep.Head {
		var row []kv
		for i := 0; i+1 < len(r); i += 2 {
			v := r[i+1]
			if r[i] == "生成时间" && v == "" {
				v = d.meta.GeneratedAt.In(chinaTime).Format("2006-01-02 15:04:05 -07:00")
			}
			row = append(row, kv{r[i], v})
		}
		head = append(head, row)
	}
	d.form(head)
	for _, s := range rep.Sections {
		d.section(s.Title)
		rep.table(d, s)
	}
	if rep.VerifyURL != "" {
		d.section("校验")
		d.qrBlock(rep.VerifyURL, []string{"文书编号：" + rep.ReportNo + "（本 PDF 登记编号 " + rep.DocNo + "）",
			"内容校验码（SHA-256）：" + rep.ContentSHA256, "校验地址：" + rep.VerifyURL,
			"扫码或访问校验地址，可查询本单位是否出具过该校验码的文书（不显示内容）。"})
	}
	d.section("编制与审核")
	d.signatures("编制人（签字）：", "审核人（签字）：", "单位（盖章）：")
}

// sizeReport is the report tables' type size: wide sections (up to 20
// columns) on a portrait page.
const sizeReport = 6.5

// table draws one section, its column widths scaled to the page.
func (rep ComplianceReport) table(d *doc, s ReportSection) {
	total := 0.0
	for _, c := range s.Columns {
		total += c.Width
	}
	cols := make([]column, len(s.Columns))
	for i, c := range s.Columns {
		align := "C"
		if c.Right {
			align = "R"
		}
		cols[i] = column{c.Name, contentW * c.Width / total, align}
	}
	t := d.newTable(cols)
	d.setSize(sizeReport)
	for _, r := range s.Rows {
		if len(r) < len(cols) {
			t.span(r[0].Text)
			continue
		}
		texts, flags := make([]string, len(cols)), []int(nil)
		for i := range cols {
			texts[i] = r[i].Text
			if r[i].Flag {
				flags = append(flags, i)
			}
		}
		t.row(texts, flags...)
	}
}
