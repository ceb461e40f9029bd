package pdf

import (
	"sync"

	"github.com/go-pdf/fpdf"
)

// latinFont is the PDF core font used for Latin text (digits, letters,
// ASCII and Latin-1 punctuation): DroidSansFallback has CJK glyphs only. A
// core font is not embedded, so it costs no bytes per document.
const latinFont = "Helvetica"

// latinMetrics maps runes to the core font's cp1252 codes and widths.
type latinMetrics struct {
	code  map[rune]byte // every rune the core font can show (ASCII and cp1252)
	width [256]int      // 1/1000 em per cp1252 code
}

// latin is built once: fpdf's embedded cp1252 map and Helvetica metrics are
// constants of the library version.
var latin = sync.OnceValue(func() *latinMetrics {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetFont(latinFont, "", 10)
	tr := f.UnicodeTranslatorFromDescriptor("")
	m := &latinMetrics{code: make(map[rune]byte, 224)}
	for r := rune(0x20); r < 0x7f; r++ {
		m.code[r] = byte(r)
	}
	for r := rune(0xa0); r < 0x2200; r++ {
		if s := tr(string(r)); s != "." {
			m.code[r] = s[0]
		}
	}
	for b := 1; b < 256; b++ {
		m.width[b] = f.GetStringSymbolWidth(string([]byte{byte(b)}))
	}
	return m
})

// isLatin reports whether r is drawn with the Latin core font.
func isLatin(r rune) bool {
	_, ok := latin().code[r]
	return ok
}

// cjkWidths measures every BMP rune of the CJK font (1/1000 em) with a
// scratch fpdf document, so documents can measure text without switching
// fonts.
func cjkWidths(f *fpdf.Fpdf) []uint16 {
	w := make([]uint16, 0x10000)
	for r := range w {
		w[r] = uint16(f.GetStringSymbolWidth(string(rune(r))))
	}
	return w
}

// units is the width of r in 1/1000 em of the font that draws it.
func (fo *Font) units(r rune) int {
	if c, ok := latin().code[r]; ok {
		return latin().width[c]
	}
	if int(r) < len(fo.widths) {
		return int(fo.widths[r])
	}
	return 1000
}
