package pdf

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"leaveguard/leave"

	"leaveguard/internal/testutil"
)

// sampleReport has one section of n rows, every other one flagged.
func sampleReport(n int) ComplianceReport {
	rep := ComplianceReport{Meta: sampleMeta("LG-HGBG-2025-000001-PDF"), ReportNo: "LG-HGBG-2025-000001",
		Title: "劳动保障合规报告（女职工特殊保护）", From: leave.MustDate("2025-01-01"), To: leave.MustDate("2025-03-31"),
		Head: [][]string{{"报告期间", "2025-01-01 至 2025-03-31", "生成时间", ""}}, Basis: "《女职工劳动保护特别规定》第五条至第九条",
		ContentSHA256: strings.Repeat("ab", 32), VerifyURL: "/api/v1/documents/verify?sha256=" + strings.Repeat("ab", 32)}
	s := ReportSection{Title: "二、休假与法定应享天数核对", Columns: []ReportColumn{{Name: "序号", Width: 6},
		{Name: "职工姓名", Width: 12}, {Name: "法定应享", Width: 9, Right: true}, {Name: "核对结果", Width: 26}}}
	for i := 0; i < n; i++ {
		result := ReportCell{Text: "符合"}
		if i%2 == 1 {
			result = ReportCell{Text: "不足 60 天", Flag: true}
		}
		s.Rows = append(s.Rows, []ReportCell{{Text: strconv.Itoa(i + 1)}, {Text: sampleNames[i%len(sampleNames)]},
			{Text: "158"}, result})
	}
	if n == 0 {
		s.Rows = [][]ReportCell{{{Text: "本期无记录"}}}
	}
	rep.Sections = []ReportSection{s}
	return rep
}

func TestComplianceReport(t *testing.T) {
	out, err := renderer(t).ComplianceReport(sampleReport(3))
	if err != nil {
		t.Fatal(err)
	}
	saveSample(t, "report.pdf", out)
	mustContain(t, testutil.PDFText(t, out, "-layout"), "劳动保障合规报告", "2025-01-01 至 2025-03-31", "乌云其其格",
		"不足 60 天", "二、休假与法定应享天数核对", "编制人（签字）", "+08:00", "LG-HGBG-2025-000001-PDF",
		"内容校验码（SHA-256）："+strings.Repeat("ab", 32))
	if imgs := pdfImages(t, out); imgs != 1 {
		t.Errorf("%d images, want the QR code", imgs)
	}
	if got := strings.Count(testutil.Flat(testutil.PDFText(t, out, "-layout")), "本期无记录"); got != 0 {
		t.Errorf("%d empty markers", got)
	}
}

// The creation date carries +08:00, so readers show Beijing time.
func TestComplianceReportCreationDate(t *testing.T) {
	out, err := renderer(t).ComplianceReport(sampleReport(40))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo not installed")
	}
	cmd := exec.Command("pdfinfo", "-isodates", "-")
	cmd.Stdin = strings.NewReader(string(out))
	info, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	if !strings.Contains(string(info), "+08") || strings.Contains(string(info), "Syntax Error") {
		t.Errorf("pdfinfo:\n%s", info)
	}
	if pageCount(t, out) < 2 {
		t.Errorf("40 rows on one page")
	}
}

// pdfImages counts the images of a PDF (pdfimages -list).
func pdfImages(t *testing.T, out []byte) int {
	t.Helper()
	if _, err := exec.LookPath("pdfimages"); err != nil {
		t.Skip("pdfimages not installed")
	}
	cmd := exec.Command("pdfimages", "-list", "-")
	cmd.Stdin = strings.NewReader(string(out))
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdfimages: %v", err)
	}
	return max(0, len(strings.Split(strings.TrimSpace(string(b)), "\n"))-2)
}
