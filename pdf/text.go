package pdf

import (
	"time"
	"unicode/utf8"

	"leaveguard/leave"
)

// pad is the horizontal padding inside a cell (mm).
const pad = 1.2

// lineH is the line height (mm) for a type size in points.
func lineH(size float64) float64 { return size * 0.3528 * 1.45 }

// setSize sets the type size of the following text.
func (d *doc) setSize(size float64) {
	d.size = size
	if d.pages > 0 {
		d.f.SetFont(fontFamily, "", size)
	}
}

// withSize runs fn with the type size set to size, then restores it.
func (d *doc) withSize(size float64, fn func()) {
	old := d.size
	d.setSize(size)
	fn()
	d.setSize(old)
}

// bold runs fn with text filled and stroked (the font has no bold face).
func (d *doc) bold(stroke float64, fn func()) {
	if d.pages == 0 {
		fn()
		return
	}
	lw := d.f.GetLineWidth()
	d.f.SetLineWidth(stroke)
	d.f.SetTextRenderingMode(2)
	fn()
	d.f.SetTextRenderingMode(0)
	d.f.SetLineWidth(lw)
}

// runeW is the advance of r at the current size (mm).
func (d *doc) runeW(r rune) float64 {
	return float64(d.font.units(r)) * d.size * 25.4 / 72 / 1000
}

// width is the advance of s at the current size (mm).
func (d *doc) width(s string) float64 {
	n := 0
	for _, r := range s {
		n += d.font.units(r)
	}
	return float64(n) * d.size * 25.4 / 72 / 1000
}

// draw writes one line of text in the box (x, y, w, h), aligned "L", "C" or
// "R" with the cell padding. Latin runs use the core font, the rest the CJK
// font.
func (d *doc) draw(x, y, w, h float64, s, align string) {
	d.runes.add(s)
	if d.pages == 0 {
		return
	}
	switch align {
	case "R":
		x += w - pad - d.width(s)
	case "C":
		x += (w - d.width(s)) / 2
	default:
		x += pad
	}
	// The CJK font at d.size is set on entry (setSize) and on return; fpdf
	// writes a font change into the page each time it is asked for one.
	for s != "" {
		run, lat, rest := nextRun(s)
		rw := d.width(run)
		if lat {
			d.f.SetFont(latinFont, "", d.size)
			run = cp1252(run)
		}
		d.f.SetXY(x, y)
		d.f.CellFormat(rw, h, run, "", 0, "L", false, 0, "")
		if lat {
			d.f.SetFont(fontFamily, "", d.size)
		}
		x, s = x+rw, rest
	}
}

// line draws s at the current position in a box w wide and moves to the
// start of the next line.
func (d *doc) line(w, h float64, s, align string) {
	x, y := d.f.GetX(), d.f.GetY()
	d.draw(x, y, w, h, s, align)
	d.f.SetXY(marginX, y+h)
}

// nextRun splits s after its first run of runes of one font.
func nextRun(s string) (run string, lat bool, rest string) {
	r, _ := utf8.DecodeRuneInString(s)
	lat = isLatin(r)
	for i, r := range s {
		if isLatin(r) != lat {
			return s[:i], lat, s[i:]
		}
	}
	return s, lat, ""
}

// cp1252 encodes a Latin run for the core font.
func cp1252(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, latin().code[r])
	}
	return string(b)
}

// dateOf is the Beijing civil date of t.
func dateOf(t time.Time) leave.Date { return leave.DateOf(t.In(chinaTime)) }
