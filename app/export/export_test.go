package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"leaveguard/leave"
)

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "乌云其其格": "乌云其其格", "=1+2": "'=1+2", "+86 138": "'+86 138", "-2": "'-2",
		"@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx", "\rx": "'\rx", "a=b": "a=b", "2026-01-01": "2026-01-01",
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestYuan(t *testing.T) {
	for fen, want := range map[int64]string{0: "0.00", 5: "0.05", 3792000: "37920.00", 3742105: "37421.05", -120: "-1.20"} {
		if got := Yuan(fen); got != want {
			t.Errorf("Yuan(%d) = %q, want %q", fen, got, want)
		}
	}
}

var sample = Section{Sheet: "生育津贴", Title: "五、生育津贴核对", Columns: []Column{{"序号", 6}, {"职工姓名", 12},
	{"事件日期", 12}, {"计发天数", 8}, {"应发金额（元）", 12}, {"核查结果", 20}}}

// write sends a small report to w: one row with a formula for a name.
func write(t *testing.T, w Writer) {
	t.Helper()
	h := Header{Title: "劳动保障合规报告（女职工特殊保护）", TenantName: "兴安盟草原乳业有限公司", CreditCode: "91152200MA0Q1234X8",
		From: leave.MustDate("2025-01-01"), To: leave.MustDate("2025-12-31"),
		GeneratedAt: time.Date(2026, 1, 5, 1, 30, 0, 0, time.UTC)}
	steps := []func() error{
		func() error { return w.Begin(h) },
		func() error { return w.Section(sample) },
		func() error {
			return w.Row([]Cell{N(1), T("=cmd|' /C calc'!A0"), D(leave.MustDate("2025-12-01")), N(158), Y(3792000), F("逾期未决")})
		},
		w.Close,
	}
	for _, s := range steps {
		if err := s(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	write(t, NewCSV(&b))
	want := "\uFEFF劳动保障合规报告（女职工特殊保护）\r\n" +
		"单位名称,兴安盟草原乳业有限公司,统一社会信用代码,91152200MA0Q1234X8\r\n" +
		"报告期间,2025-01-01 至 2025-12-31,生成时间,2026-01-05 09:30:00 +08:00\r\n" +
		"\r\n五、生育津贴核对\r\n" +
		"序号,职工姓名,事件日期,计发天数,应发金额（元）,核查结果\r\n" +
		"1,'=cmd|' /C calc'!A0,2025-12-01,158,37920.00,逾期未决\r\n"
	if b.String() != want {
		t.Errorf("CSV:\n%q\nwant\n%q", b.String(), want)
	}
}

func TestXLSX(t *testing.T) {
	var b bytes.Buffer
	write(t, NewXLSX(&b))
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "概要,生育津贴" {
		t.Fatalf("sheets %s", got)
	}
	cells := map[string]string{"概要!B2": "兴安盟草原乳业有限公司", "概要!D3": "2026-01-05 09:30:00 +08:00",
		"生育津贴!A1": "五、生育津贴核对", "生育津贴!B3": "'=cmd|' /C calc'!A0", "生育津贴!C3": "2025-12-01",
		"生育津贴!D3": "158", "生育津贴!E3": "37920.00", "生育津贴!F3": "逾期未决"}
	for ref, want := range cells {
		sheet, cell, _ := strings.Cut(ref, "!")
		if got, _ := f.GetCellValue(sheet, cell); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	for _, c := range []string{"C3", "D3", "E3"} {
		if typ, _ := f.GetCellType("生育津贴", c); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("%s is text, want a number or date", c)
		}
	}
	p, err := f.GetDocProps()
	if err != nil || p.Creator != "LeaveGuard" || p.Created != "2026-01-05T09:30:00+08:00" || p.Title != "劳动保障合规报告（女职工特殊保护）" {
		t.Errorf("doc props %+v %v", p, err)
	}
}
