package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"leaveguard/leave"
	"leaveguard/payroll"

	"leaveguard/internal/testutil"
)

var (
	fontOnce   sync.Once
	testFont   *Font
	testFontEr error
)

// renderer loads the system font once; without it the PDF tests cannot run:
// they skip locally and fail in CI (CI=true).
func renderer(t testing.TB) *Renderer {
	t.Helper()
	fontOnce.Do(func() { testFont, testFontEr = LoadFont(fontPath()) })
	if testFontEr != nil {
		testutil.Need(t, "the CJK font (apt-get install fonts-droid-fallback): "+testFontEr.Error())
	}
	return NewRenderer(testFont)
}

func fontPath() string {
	if p := os.Getenv("LEAVEGUARD_PDF_FONT"); p != "" {
		return p
	}
	return DefaultFontPath
}

// mustContain fails for each phrase not in text (white space ignored).
func mustContain(t *testing.T, text string, phrases ...string) {
	t.Helper()
	flat := testutil.Flat(text)
	for _, p := range phrases {
		if !strings.Contains(flat, testutil.Flat(p)) {
			t.Errorf("text lacks %q", p)
		}
	}
}

// pageCount counts pages by pdftotext's form feeds.
func pageCount(t *testing.T, pdf []byte) int {
	t.Helper()
	return strings.Count(testutil.PDFText(t, pdf, "-layout"), "\f")
}

// saveSample writes the PDF to $LEAVEGUARD_PDF_SAMPLES/name when set, for
// looking at (pdftoppm -png -r 60).
func saveSample(t *testing.T, name string, pdf []byte) {
	if dir := os.Getenv("LEAVEGUARD_PDF_SAMPLES"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%s: %d bytes", name, len(pdf))
}

var sampleTime = time.Date(2025, 3, 1, 9, 30, 0, 0, chinaTime)

func sampleMeta(no string) Meta {
	return Meta{TenantName: "兴安盟草原乳业有限公司", CreditCode: "91152200MA0Q1234X5",
		DocNo: no, GeneratedAt: sampleTime}
}

// sampleClaim is a second-child birth in 2025 computed by payroll.Allowance:
// 7,200.00 × 158 ÷ 30 = 37,920.00.
func sampleClaim(t testing.TB) Claim {
	t.Helper()
	birth := leave.MustDate("2025-02-10")
	res, err := payroll.Allowance(payroll.AllowanceFacts{
		Event: payroll.EventBirth, EventDate: birth, StatutoryDays: 158, NationalDays: 98,
		AvgMonthlyWageFen: map[int]int64{2024: 720000}, EmployeeMonthlyWageFen: 850000,
		MaternityInsured: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	return Claim{
		Meta: sampleMeta("LG-CLM-2025-000123"), EmployeeName: "乌云其其格",
		NationalIDMasked: "152201********1248", ExternalID: "E-0042", MaternityInsured: true,
		Event: "birth", EventDate: birth, ChildOrder: 2, Babies: 1,
		LeaveStart: birth, LeaveEnd: birth.AddDays(157),
		PaidDays: res.PaidDays, BasisYear: res.BasisYear, BasisMonthlyWageFen: res.BasisMonthlyWageFen,
		Divisor: res.Divisor, AmountFen: res.AmountFen, EmployeeWageFen: res.EmployeeWageFen,
		TopUpFen: res.TopUpFen, Payer: string(res.Payer), Payee: string(res.Payee),
		Parameters: res.Parameters, ComplianceGaps: res.ComplianceGaps, Notes: res.Notes,
	}
}

// contains reports whether b holds sub (for raw PDF checks).
func contains(b []byte, sub string) bool { return bytes.Contains(b, []byte(sub)) }

var sampleNames = []string{"乌云其其格", "张丽华", "萨仁高娃", "王海燕", "阿拉坦其其格", "刘晓梅", "其木格", "陈静"}

// sampleSubsidy is an application of n lines over 2025 Q1, computed by
// payroll.SubsidyLines with the national-frame rates.
func sampleSubsidy(t testing.TB, n int) SubsidyApplication {
	t.Helper()
	types := []payroll.LeaveType{payroll.LeaveMaternity, payroll.LeaveParental, payroll.LeaveMarriage, payroll.LeaveSpousalNursing}
	var emps []payroll.SubsidyEmployee
	for i := 0; i < n; i++ {
		mo := payroll.NewMonth(2025, time.Month(1+i%3))
		emps = append(emps, payroll.SubsidyEmployee{
			EmployeeID: "emp-" + strconv.Itoa(i), WageFen: int64(420000 + 13579*i),
			Leave: []payroll.LeaveDays{{Month: mo, LeaveType: types[i%4], Days: 1 + i%mo.Days()}},
		})
	}
	res, err := payroll.SubsidyLines(payroll.SubsidyInput{Employees: emps,
		Rates: map[int]payroll.YearRates{2025: sampleRates()}, Program: sampleProgram()})
	if err != nil {
		t.Fatal(err)
	}
	a := SubsidyApplication{Meta: sampleMeta("LG-SUB-2025-000007"), PeriodFrom: "2025-01", PeriodTo: "2025-03",
		Parameters: res.Parameters, Notes: res.Notes}
	for i, l := range res.Lines {
		a.Lines = append(a.Lines, SubsidyLine{EmployeeName: sampleNames[i%len(sampleNames)],
			ExternalID: "E-" + strconv.Itoa(1000+i), Month: l.Month.String(), LeaveType: string(l.LeaveType),
			LeaveDays: l.LeaveDays, DaysInMonth: l.DaysInMonth, BaseFen: l.BaseFen,
			EmployerContributionFen: l.EmployerContributionFen, ClaimableFen: l.ClaimableFen, Reasons: l.Reasons})
	}
	return a
}

func sampleRates() payroll.YearRates {
	r := payroll.DefaultYearRates(2)
	r.BaseFloorFen, r.BaseCeilingFen = 450000, 2250000
	return r
}

func sampleProgram() payroll.SubsidyProgram { return payroll.DefaultSubsidyProgram() }
