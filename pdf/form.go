package pdf

import (
	"strconv"
	"strings"

	"leaveguard/payroll"
)

// kv is one labelled field of a form: a grey label cell and a value cell.
type kv struct {
	label, value string
}

// labelW is the width of a form's label cells (mm).
const labelW = 31.0

// form draws rows of labelled fields; the value cells of a row share the
// width left by its labels. Rows break across pages like table rows.
func (d *doc) form(rows [][]kv) {
	t := &table{d: d}
	d.setSize(sizeTable)
	for _, r := range rows {
		vw := (contentW - labelW*float64(len(r))) / float64(len(r))
		cs := make([]cell, 0, 2*len(r))
		for _, f := range r {
			cs = append(cs, cell{text: f.label, w: labelW, align: "C", shade: true},
				cell{text: f.value, w: vw, align: "L"})
		}
		t.put(cs)
	}
}

// paramTable lists the parameters a computation used with their sources.
func (d *doc) paramTable(ps []payroll.Param) {
	t := d.newTable([]column{
		{"参数", 34, "L"}, {"取值", 30, "C"}, {"来源及依据", 88, "L"}, {"备注", 22, "C"},
	})
	if len(ps) == 0 {
		t.span("无")
		return
	}
	for _, p := range ps {
		var notes []string
		if p.Default {
			notes = append(notes, "默认值")
		}
		if p.Confidence == payroll.ConfidenceLow {
			notes = append(notes, "依据待核实")
		}
		t.row([]string{paramLabel(p.Name), paramValue(p), p.Source, strings.Join(notes, "；")})
	}
}

// reasonTable lists compliance gaps (in red) and then notes.
func (d *doc) reasonTable(gaps, notes []payroll.Reason) {
	t := d.newTable([]column{{"序号", 11, "C"}, {"类别", 20, "C"}, {"说明", 87, "L"}, {"依据", 56, "L"}})
	if len(gaps)+len(notes) == 0 {
		t.span("无")
		return
	}
	for i, r := range gaps {
		t.row([]string{strconv.Itoa(i + 1), "合规缺口", r.Message, orDash(r.Basis)}, 1, 2)
	}
	for i, r := range notes {
		t.row([]string{strconv.Itoa(len(gaps) + i + 1), "说明", r.Message, orDash(r.Basis)})
	}
}

// signatures draws a row of boxes for signatures and seals, each with a
// label at the top and a date line at the bottom.
func (d *doc) signatures(labels ...string) {
	const h = 30.0
	d.gap(4)
	d.keep(h + 2)
	d.setSize(sizeTable)
	w := contentW / float64(len(labels))
	x, y := marginX, d.f.GetY()
	d.f.SetLineWidth(0.2)
	for _, l := range labels {
		d.f.Rect(x, y, w, h, "D")
		d.draw(x, y+1.5, w, lineH(sizeTable), l, "L")
		d.draw(x, y+h-lineH(sizeTable)-1.5, w, lineH(sizeTable), "日期：　　　年　　月　　日", "R")
		x += w
	}
	d.f.SetXY(marginX, y+h)
}

// receipt draws the employee's acknowledgement under a cut line.
func (d *doc) receipt(text string) {
	d.gap(6)
	d.keep(30)
	d.f.SetDashPattern([]float64{1.5, 1}, 0)
	d.f.Line(marginX, d.f.GetY(), pageW-marginX, d.f.GetY())
	d.f.SetDashPattern(nil, 0)
	d.gap(2)
	d.withSize(sizeSection, func() {
		d.f.SetX(marginX)
		d.bold(0.2, func() { d.line(contentW, 7, "签收回执", "C") })
	})
	d.paragraph(text, sizeBody, true)
	d.gap(4)
	d.withSize(sizeBody, func() {
		d.f.SetX(marginX)
		d.line(contentW, lineH(sizeBody), "职工签字：________________　　签收日期：　　　年　　月　　日", "R")
	})
}

// sealLine writes the issuer and date at the right, where the seal goes.
func (d *doc) sealLine() {
	d.gap(8)
	d.keep(3*lineH(sizeBody) + 8)
	d.withSize(sizeBody, func() {
		h := lineH(sizeBody) + 1
		for _, s := range []string{d.meta.TenantName + "（盖章）", cnDate(dateOf(d.meta.GeneratedAt))} {
			d.f.SetX(marginX)
			d.line(contentW-10, h, s, "R")
		}
	})
}
