package pdf

import (
	"strconv"
	"strings"
	"testing"

	"leaveguard/internal/testutil"
)

func TestSubsidyApplication(t *testing.T) {
	a := sampleSubsidy(t, 6)
	out, err := renderer(t).SubsidyApplication(a)
	if err != nil {
		t.Fatal(err)
	}
	saveSample(t, "subsidy.pdf", out)
	var total int64
	for _, l := range a.Lines {
		total += l.ClaimableFen
	}
	text := testutil.PDFText(t, out, "-layout")
	mustContain(t, text, "社会保险费补贴申请表", "乌云其其格", "萨仁高娃", "2025年1月 至 2025年3月",
		Yuan(a.Lines[0].ClaimableFen), Yuan(a.Lines[0].BaseFen), Yuan(total), YuanUpper(total),
		"兴署办发〔2023〕86号", "经办人（签字）", "单位（盖章）", "LG-SUB-2025-000007")
}

// A 120-line application spans pages and every page that holds lines
// repeats the header row.
func TestSubsidyApplicationRepeatsHeader(t *testing.T) {
	a := sampleSubsidy(t, 120)
	out, err := renderer(t).SubsidyApplication(a)
	if err != nil {
		t.Fatal(err)
	}
	saveSample(t, "subsidy-120.pdf", out)
	pages := pageCount(t, out)
	if pages < 3 {
		t.Fatalf("%d pages for 120 lines, want at least 3", pages)
	}
	seen := 0
	for p := 1; p <= pages; p++ {
		text := testutil.PDFText(t, out, "-layout", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p))
		mustContain(t, text, "第 "+strconv.Itoa(p)+" 页 / 共 "+strconv.Itoa(pages)+" 页", "兴署办发〔2023〕86号")
		holdsLines := false
		for i := range a.Lines {
			if strings.Contains(testutil.Flat(text), testutil.Flat(a.Lines[i].ExternalID)) {
				holdsLines = true
				seen++
			}
		}
		if holdsLines {
			mustContain(t, text, "序号", "职工姓名", "工号", "月份", "假期类型", "休假天数", "当月天数", "缴费基数", "单位缴费", "可申请补贴")
		}
	}
	if seen != len(a.Lines) {
		t.Errorf("found %d of %d lines", seen, len(a.Lines))
	}
}
