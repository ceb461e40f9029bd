package pdf

import (
	"strings"
	"unicode"
)

// wrap splits text into lines that fit in a cell of width w (mm) at the
// current size. CJK text breaks between characters, other text at spaces; a
// line does not start with closing punctuation. "\n" starts a new line.
// (fpdf's SplitText drops the character at each CJK break, so it is not used.)
func (d *doc) wrap(text string, w float64) []string {
	avail := w - 2*pad
	text = strings.Map(func(r rune) rune { // tabs and other controls from user data
		if r != '\n' && unicode.IsControl(r) {
			return ' '
		}
		return r
	}, text)
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, d.wrapPara([]rune(para), avail)...)
	}
	return lines
}

// wrapPara wraps one paragraph; see wrap.
func (d *doc) wrapPara(rs []rune, avail float64) []string {
	lines := []string{}
	start, brk, width := 0, -1, 0.0
	for i := 0; i < len(rs); i++ {
		if i > start && canBreak(rs[i-1], rs[i]) {
			brk = i
		}
		width += d.runeW(rs[i])
		if width <= avail || i == start {
			continue
		}
		cut := i
		if brk > start {
			cut = brk
		}
		lines = append(lines, strings.TrimRight(string(rs[start:cut]), " "))
		for cut < len(rs) && rs[cut] == ' ' {
			cut++
		}
		start, brk, width, i = cut, -1, 0, cut-1
	}
	if start < len(rs) || len(lines) == 0 {
		lines = append(lines, string(rs[start:]))
	}
	return lines
}

// canBreak reports whether a line may break between a and b.
func canBreak(a, b rune) bool {
	switch {
	case strings.ContainsRune("，。、；：？！）》」』”’%．,.;:)]}", b):
		return false
	case strings.ContainsRune("（《「『“‘([{", a):
		return false
	case a == ' ':
		return true
	}
	return isWide(a) || isWide(b)
}

// isWide reports whether r is a CJK character or full-width punctuation.
func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}
