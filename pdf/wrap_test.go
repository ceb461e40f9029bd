package pdf

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// wrap keeps every character (fpdf's SplitText drops one at each CJK
// break), fits every line, and does not start a line with closing
// punctuation.
func TestWrap(t *testing.T) {
	d := renderer(t).newDoc(sampleMeta("LG-WRAP"), "测试", "测试", 0, nil)
	texts := []string{
		"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
		"默认值：按该次生育（流产）的全部法定假期天数计发（含延长产假、难产、多胞胎）；女职工劳动保护特别规定 第八条",
		"Maternity allowance 37,920.00 yuan for 158 days, basis 7,200.00 per month",
		"Averyveryveryverylongwordthatcannotbreakanywhereatallinthiscell",
		"第 3 行（乌云其其格 2025-03 婚假）：工资低于当年缴费基数下限，按下限计算",
		"",
	}
	for _, w := range []float64{12, 20, 33.3, 60, 174} {
		for _, text := range texts {
			lines := d.wrap(text, w)
			if got := strings.ReplaceAll(strings.Join(lines, ""), " ", ""); got != strings.ReplaceAll(text, " ", "") {
				t.Errorf("w=%v: lines %q lose text of %q", w, lines, text)
			}
			for i, l := range lines {
				if n := len([]rune(l)); n > 1 && d.width(l) > w-2*pad+1e-9 {
					t.Errorf("w=%v: line %q is %.1f mm wide", w, l, d.width(l))
				}
				// (below ~5 characters a line may have no other place to break)
				if w >= 20 && i > 0 && l != "" && strings.ContainsRune("，。、；：）", []rune(l)[0]) {
					t.Errorf("w=%v: line %q starts with closing punctuation", w, l)
				}
			}
		}
	}
}

// Rendering never changes the Font's bytes (fpdf writes into the bytes it
// is given, so each document gets a copy).
func TestFontBytesUntouched(t *testing.T) {
	r := renderer(t)
	documents(t, r, sampleMeta("LG-FONT-1"))
	file, err := os.ReadFile(r.font.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(file, r.font.data) {
		t.Fatal("rendering changed the font bytes")
	}
}
