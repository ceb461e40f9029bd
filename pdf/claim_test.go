package pdf

import (
	"testing"

	"leaveguard/leave"
	"leaveguard/payroll"

	"leaveguard/internal/testutil"
)

func TestClaim(t *testing.T) {
	c := sampleClaim(t)
	out, err := renderer(t).Claim(c)
	if err != nil {
		t.Fatal(err)
	}
	saveSample(t, "claim.pdf", out)
	text := testutil.PDFText(t, out, "-layout")
	mustContain(t, text, "生育津贴申领表", "乌云其其格", "152201********1248", "E-0042",
		"37,920.00", "7,200.00", "叁万柒仟玖佰贰拾元整", "社会保险法", "第五十六条",
		"兴安盟草原乳业有限公司", "91152200MA0Q1234X5", "LG-CLM-2025-000123", "2025年3月1日",
		"申请人（签字）", "经办人（签字）", "单位（盖章）", "日期", "第 1 页 / 共 2 页", "第 2 页 / 共 2 页", "默认值")
}

// An uninsured employee's claim shows the employer as payer and the
// compliance gap.
func TestClaimUninsured(t *testing.T) {
	c := sampleClaim(t)
	res, err := payroll.Allowance(payroll.AllowanceFacts{Event: payroll.EventMiscarriage,
		EventDate: leave.MustDate("2025-04-01"), StatutoryDays: 42, NationalDays: 42,
		EmployeeMonthlyWageFen: 600000, MaternityInsured: false})
	if err != nil {
		t.Fatal(err)
	}
	c.Event, c.EventDate, c.GestationWeeks, c.MaternityInsured = "miscarriage", leave.MustDate("2025-04-01"), 18, false
	c.PaidDays, c.BasisYear, c.BasisMonthlyWageFen, c.AmountFen = res.PaidDays, res.BasisYear, res.BasisMonthlyWageFen, res.AmountFen
	c.TopUpFen, c.Payer, c.Payee = res.TopUpFen, string(res.Payer), string(res.Payee)
	c.Parameters, c.ComplianceGaps, c.Notes = res.Parameters, res.ComplianceGaps, res.Notes
	out, err := renderer(t).Claim(c)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, testutil.PDFText(t, out, "-layout"), "未参加生育保险", "流产", "18 周", "8,400.00", "捌仟肆佰元整",
		"合规缺口", "单位未为该职工缴纳生育保险", "职工本人产假前工资")
}
