package pdf

import "strconv"

// pageHeader is the running header: employer left, title and number right.
func (d *doc) pageHeader() {
	d.withSize(sizeSmall+0.5, func() {
		d.f.SetTextColor(80, 80, 80)
		d.draw(marginX-pad, 10, contentW/2, 5, d.meta.TenantName, "L")
		d.draw(marginX+contentW/2+pad, 10, contentW/2, 5, d.title+"　编号："+d.meta.DocNo, "R")
		d.f.SetTextColor(0, 0, 0)
	})
	d.f.SetDrawColor(0, 0, 0)
	d.f.SetLineWidth(0.5)
	d.f.Line(marginX, 15.6, pageW-marginX, 15.6)
	d.f.SetLineWidth(0.15)
	d.f.Line(marginX, 16.4, pageW-marginX, 16.4)
	d.f.SetXY(marginX, bodyTop)
}

// pageFooter is the legal basis (up to four lines) and "第 n 页 / 共 N 页".
func (d *doc) pageFooter() {
	d.f.SetDrawColor(0, 0, 0)
	d.f.SetLineWidth(0.2)
	d.f.Line(marginX, footerY, pageW-marginX, footerY)
	const numW = 34.0
	d.withSize(sizeSmall, func() {
		d.f.SetTextColor(60, 60, 60)
		y := footerY + 1.5
		lines := d.wrap("法律依据："+d.basis, contentW-numW-2)
		for _, l := range lines[:min(4, len(lines))] {
			d.draw(marginX-pad, y, contentW-numW, 3.5, l, "L")
			y += 3.5
		}
		page := "第 " + strconv.Itoa(d.f.PageNo()) + " 页 / 共 " + strconv.Itoa(d.pages) + " 页"
		d.draw(pageW-marginX-numW, footerY+1.5, numW, 3.5, page, "R")
		d.f.SetTextColor(0, 0, 0)
	})
}

// start draws page 1's title and the issuer block (employer, credit code,
// document number, generation date), then any extra rows of the block.
func (d *doc) start(extra ...[]kv) {
	d.withSize(sizeTitle, func() {
		d.f.SetXY(marginX, bodyTop+2)
		d.bold(0.3, func() { d.line(contentW, 11, d.title, "C") })
	})
	d.f.SetY(d.f.GetY() + 3)
	rows := [][]kv{
		{{"单位名称", d.meta.TenantName}, {"统一社会信用代码", orDash(d.meta.CreditCode)}},
		{{"文书编号", d.meta.DocNo}, {"生成日期", cnDate(dateOf(d.meta.GeneratedAt))}},
	}
	d.form(append(rows, extra...))
}

// ensure starts a new page unless h mm fit above the footer.
func (d *doc) ensure(h float64) {
	if d.f.GetY()+h > bodyEnd {
		d.f.AddPage()
	}
}

// gap moves down h mm.
func (d *doc) gap(h float64) { d.f.SetY(d.f.GetY() + h) }

// section sets a numbered heading ("一、职工信息") for the next block; the
// block draws it (keep), so a heading never ends a page alone.
func (d *doc) section(title string) {
	d.gap(3)
	d.heading = title
}

// keep starts a block that needs need mm: it keeps the pending heading and
// the block's start on one page, then draws the heading.
func (d *doc) keep(need float64) {
	hh := 0.0
	if d.heading != "" {
		hh = lineH(sizeSection) + 2
	}
	d.ensure(hh + need)
	if d.heading == "" {
		return
	}
	d.withSize(sizeSection, func() {
		d.f.SetX(marginX - pad)
		d.bold(0.2, func() { d.line(contentW, lineH(sizeSection)+1, d.heading, "L") })
	})
	d.gap(1)
	d.heading = ""
}

// paragraph writes wrapped text at size, with a two-character indent when
// indent is set (Chinese paragraphs), breaking pages between lines.
func (d *doc) paragraph(text string, size float64, indent bool) {
	d.withSize(size, func() {
		if indent {
			text = "　　" + text
		}
		h := lineH(size)
		lines := d.wrap(text, contentW+2*pad)
		d.keep(float64(min(2, len(lines))) * h)
		for _, l := range lines {
			d.ensure(h)
			d.f.SetX(marginX - pad)
			d.line(contentW+2*pad, h, l, "L")
		}
	})
}
