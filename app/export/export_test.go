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
		"":                 "",
		"乌云其其格":            "乌云其其格",
		"=1+2":             "'=1+2",
		"+86 138":          "'+86 138",
		"-2":               "'-2",
		"@SUM(A1)":         "'@SUM(A1)",
		"\tx":              "'\tx",
		"\rx":              "'\rx",
		"a=b":              "a=b",
		"'=already quoted": "'=already quoted",
		"2026-01-01":       "2026-01-01",
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

func sampleHeader() Header {
	return Header{TenantName: "兴安盟草原乳业有限公司", CreditCode: "91152200MA0Q1234X8",
		From: leave.MustDate("2026-01-01"), To: leave.MustDate("2026-03-31"),
		GeneratedAt: time.Date(2026, 4, 1, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))}
}

// write sends a small report to w: one protected row (with a formula for
// a name), an empty leave section, one claim.
func write(t *testing.T, w Writer) {
	t.Helper()
	steps := []func() error{
		func() error { return w.Begin(sampleHeader()) },
		func() error { return w.Section(Protected) },
		func() error {
			return w.Row(ProtectedRow{EmployeeName: "=cmd|' /C calc'!A0", ExternalID: "E-1", Phase: "nursing",
				From: leave.MustDate("2025-12-01"), Until: leave.MustDate("2026-11-30")})
		},
		func() error { return w.Section(Leaves) },
		func() error { return w.Section(Claims) },
		func() error {
			return w.Row(ClaimRow{EmployeeName: "萨仁高娃", ExternalID: "E-2", Event: "birth", EventDate: leave.MustDate("2025-12-01"),
				PaidDays: 158, AmountFen: 3792000, Status: "submitted", SubmittedOn: leave.MustDate("2026-01-10"), Overdue: true})
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
		"报告期间,2026-01-01 至 2026-03-31,生成时间,2026-04-01 09:30:00\r\n" +
		"\r\n一、处于孕期、产期、哺乳期（三期）的女职工\r\n" +
		"序号,职工姓名,工号,所处期间,起始日,保护期截止日,备注\r\n" +
		"1,'=cmd|' /C calc'!A0,E-1,哺乳期,2025-12-01,2026-11-30,\r\n" +
		"\r\n二、休假与法定应享天数核对\r\n" +
		"序号,职工姓名,工号,假期类型,开始日期,结束日期,法定应享天数,已批准天数,计算单位,核对结果\r\n" +
		"\r\n四、生育津贴申领情况\r\n" +
		"序号,职工姓名,工号,事件,事件日期,计发天数,津贴金额（元）,状态,提交日期,备注\r\n" +
		"1,萨仁高娃,E-2,生育,2025-12-01,158,37920.00,已提交,2026-01-10,逾期未决\r\n"
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
	if got := strings.Join(f.GetSheetList(), ","); got != "概要,三期女职工,休假核对,生育津贴" {
		t.Fatalf("sheets %s", got)
	}
	cells := map[string]string{"概要!B2": "兴安盟草原乳业有限公司", "三期女职工!A1": "序号", "三期女职工!B2": "'=cmd|' /C calc'!A0",
		"三期女职工!D2": "哺乳期", "生育津贴!G2": "37920.00", "生育津贴!J2": "逾期未决", "生育津贴!F2": "158", "休假核对!A2": ""}
	for ref, want := range cells {
		sheet, cell, _ := strings.Cut(ref, "!")
		if got, _ := f.GetCellValue(sheet, cell); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	if typ, _ := f.GetCellType("生育津贴", "F2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("paid days cell type %v, want a number", typ)
	}
}

// TestLeaveShortfall: fewer days granted than entitled is flagged.
func TestLeaveShortfall(t *testing.T) {
	r := LeaveRow{EntitledDays: 158, GrantedDays: 98, LeaveType: "maternity", Unit: "calendar_days"}
	if c := r.Cells(1); c[9] != "不足 60 天" || c[3] != "产假" || c[8] != "自然日" {
		t.Errorf("cells %v", c)
	}
	r.GrantedDays = 158
	if c := r.Cells(1); c[9] != "符合" {
		t.Errorf("cells %v", c)
	}
}
