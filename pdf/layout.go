package pdf

import (
	"bytes"
	"fmt"

	"github.com/go-pdf/fpdf"
)

// Page geometry of every document (A4 portrait, millimetres).
const (
	pageW    = 210.0
	marginX  = 18.0
	contentW = pageW - 2*marginX
	bodyTop  = 21.0  // where the body starts on each page, below the running header
	bodyEnd  = 272.0 // the body must end above this; the footer follows
	footerY  = 276.0
)

// Type sizes (points).
const (
	sizeTitle   = 18.0
	sizeSection = 11.0
	sizeBody    = 10.5
	sizeTable   = 9.0
	sizeHead    = 8.0 // table header rows
	sizeSmall   = 7.5
)

// doc is one document being rendered: the fpdf document plus what its
// running header and footer show. A dry doc lays the pages out without
// font or text, to count them.
type doc struct {
	f     *fpdf.Fpdf
	font  *Font
	meta  Meta
	title string
	basis string
	pages int // total, for "共 N 页"; 0 in the dry run
	size  float64
	// heading is a section heading waiting for its block (see keep).
	heading string
	// runes are those drawn with the CJK font so far.
	runes runeSet
}

// render lays the document out twice with body: a dry run (geometry only,
// no font: text is measured with the Font's own width tables) counts the
// pages and collects the runes the CJK font draws, then the real run embeds
// a font cut to those runes and prints "第 n 页 / 共 N 页" with N known.
// (fpdf's page-count alias would leave a gap before "页", which is drawn with
// another font.) title is the document's name, shown large on page 1 and
// in the running header; basis is the footer's legal basis.
func (r *Renderer) render(m Meta, title, basis string, body func(d *doc)) ([]byte, error) {
	dry := r.newDoc(m, title, basis, 0, nil)
	body(dry)
	dry.pageFooter() // fpdf draws the last page's footer on Output only
	d := r.newDoc(m, title, basis, dry.f.PageNo(), r.font.sfnt.subset(dry.runes.sorted()))
	body(d)
	var b bytes.Buffer
	if err := d.f.Output(&b); err != nil {
		return nil, fmt.Errorf("pdf: %s: %w", title, err)
	}
	for ru := range d.runes {
		if _, ok := dry.runes[ru]; !ok { // its glyph is not in the embedded font
			return nil, fmt.Errorf("pdf: %s: %q drawn only in the real run", title, ru)
		}
	}
	return withZone(b.Bytes())
}

// newDoc starts a document with its first page, embedding font (the CJK
// font cut for this document); pages == 0 makes a dry doc, without font.
func (r *Renderer) newDoc(m Meta, title, basis string, pages int, font []byte) *doc {
	f := fpdf.New("P", "mm", "A4", "")
	d := &doc{f: f, font: r.font, meta: m, title: title, basis: basis, pages: pages, runes: runeSet{}}
	if pages > 0 {
		f.AddUTF8FontFromBytes(fontFamily, "", font)
		at := m.GeneratedAt.In(chinaTime)
		f.SetCreationDate(at)
		f.SetModificationDate(at)
		f.SetCatalogSort(true)
		f.SetCompression(true)
		f.SetProducer("LeaveGuard", false)
		f.SetCreator("LeaveGuard", false)
		f.SetTitle(title, true)
		f.SetAuthor(m.TenantName, true)
		f.SetSubject(m.DocNo, true)
		f.SetLang("zh-CN")
	}
	f.SetMargins(marginX, bodyTop, marginX)
	f.SetAutoPageBreak(false, 0) // rows break pages themselves (table.go)
	f.SetCellMargin(0)           // draw pads cells itself
	f.SetHeaderFunc(d.pageHeader)
	f.SetFooterFunc(d.pageFooter)
	d.setSize(sizeBody)
	f.AddPage()
	return d
}
