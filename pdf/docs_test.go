package pdf

import (
	"strconv"
	"strings"
	"testing"

	"leaveguard/leave"
)

func sampleNotice() LeaveNotice {
	return LeaveNotice{Meta: sampleMeta("LG-LVN-2025-000031"), EmployeeName: "乌云其其格", ExternalID: "E-0042",
		Department: "质量管理部", LeaveType: "maternity", Start: leave.MustDate("2025-02-10"),
		End: leave.MustDate("2025-07-17"), Days: 158, Unit: "calendar_days",
		Basis: []string{"女职工劳动保护特别规定 第七条（产假98天）",
			"内蒙古自治区人口与计划生育条例 第三十条（生育第一、二个子女延长产假60天）"},
		Approver: "包志刚", ApprovedOn: leave.MustDate("2025-02-05")}
}

func TestLeaveNotice(t *testing.T) {
	out, err := renderer(t).LeaveNotice(sampleNotice())
	if err != nil {
		t.Fatal(err)
	}
	saveSample(t, "notice.pdf", out)
	mustContain(t, pdfText(t, out, 0, 0), "休假审批通知书", "乌云其其格", "产假", "2025年2月10日", "2025年7月17日",
		"158 天", "自然日", "包志刚", "2025年2月5日", "女职工劳动保护特别规定 第七条", "第三十条第二款",
		"签收回执", "LG-LVN-2025-000031", "第 1 页 / 共 1 页")
}

func sampleExtension() ContractExtension {
	return ContractExtension{Meta: sampleMeta("LG-EXT-2025-000004"), EmployeeName: "萨仁高娃",
		NationalIDMasked: "152222********2026", ExternalID: "E-0107", ContractEnd: leave.MustDate("2025-06-30"),
		Phase: "nursing", ProtectedUntil: leave.MustDate("2026-01-19"), ExtendedEnd: leave.MustDate("2026-01-19")}
}

func TestContractExtension(t *testing.T) {
	out, err := renderer(t).ContractExtension(sampleExtension())
	if err != nil {
		t.Fatal(err)
	}
	saveSample(t, "extension.pdf", out)
	mustContain(t, pdfText(t, out, 0, 0), "劳动合同顺延通知书", "萨仁高娃", "152222********2026",
		"2025年6月30日", "2026年1月19日", "哺乳期", "劳动合同法》第四十五条", "续延至相应的情形消失时终止",
		"签收回执", "LG-EXT-2025-000004")
}

// sampleReport has n rows in each section: shortfalls, prohibited verdicts
// and overdue claims among them.
func sampleReport(n int) ComplianceReport {
	rep := ComplianceReport{Meta: sampleMeta("LG-RPT-2025-Q1"), From: leave.MustDate("2025-01-01"),
		To: leave.MustDate("2025-03-31")}
	day := leave.MustDate("2025-01-06")
	for i := 0; i < n; i++ {
		name, id := sampleNames[i%len(sampleNames)], "E-"+strconv.Itoa(2000+i)
		d := day.AddDays(i)
		rep.Protected = append(rep.Protected, ProtectedRow{EmployeeName: name, ExternalID: id,
			Phase: []string{"pregnancy", "maternity_leave", "nursing"}[i%3], From: d, Until: d.AddDays(400), Estimated: i%3 == 0})
		granted := 158
		if i%4 == 1 {
			granted = 98
		}
		rep.Leaves = append(rep.Leaves, LeaveRow{EmployeeName: name, ExternalID: id, LeaveType: "maternity",
			Start: d, End: d.AddDays(granted - 1), EntitledDays: 158, GrantedDays: granted, Unit: "calendar_days"})
		rep.Dismissals = append(rep.Dismissals, DismissalRow{EmployeeName: name, ExternalID: id, Action: "termination",
			Ground: "art40", EffectiveDate: d, Verdict: "prohibited", ProtectedUntil: d.AddDays(300),
			Reason: "女职工在孕期、产期、哺乳期的，不得依照劳动合同法第四十条、第四十一条解除劳动合同；违法解除应支付二倍经济补偿（第八十七条）"})
		rep.Claims = append(rep.Claims, ClaimRow{EmployeeName: name, ExternalID: id, Event: "birth", EventDate: d,
			PaidDays: 158, AmountFen: 3792000 + int64(i)*100, Status: "submitted", SubmittedOn: d.AddDays(20), Overdue: i%2 == 0})
		rep.Extensions = append(rep.Extensions, ExtensionRow{EmployeeName: name, ExternalID: id,
			ContractEnd: d.AddDays(30), ProtectedUntil: d.AddDays(330), ExtendedEnd: d.AddDays(330)})
	}
	return rep
}

func TestComplianceReport(t *testing.T) {
	out, err := renderer(t).ComplianceReport(sampleReport(3))
	if err != nil {
		t.Fatal(err)
	}
	saveSample(t, "report.pdf", out)
	mustContain(t, pdfText(t, out, 0, 0), "合规报告", "2025年1月1日 至 2025年3月31日", "乌云其其格", "张丽华",
		"三期", "哺乳期", "不足 60 天", "禁止", "37,920.00", "37,921.00", "逾期未决", "已提交",
		"应顺延的劳动合同", "第四十二条", "编制人（签字）", "其中不足法定天数 1 项", "其中禁止 3 次")
}

func TestComplianceReportEmpty(t *testing.T) {
	out, err := renderer(t).ComplianceReport(sampleReport(0))
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, out, 0, 0)
	if got := strings.Count(squash(text), "本期无记录"); got != 5 {
		t.Errorf("%d empty-section markers, want 5", got)
	}
}

// Each section of a long report repeats its header row on the pages it
// continues on: a page showing a section's rows shows that section's header.
func TestComplianceReportRepeatsHeaders(t *testing.T) {
	out, err := renderer(t).ComplianceReport(sampleReport(40))
	if err != nil {
		t.Fatal(err)
	}
	saveSample(t, "report-40.pdf", out)
	pages := pageCount(t, out)
	if pages < 5 {
		t.Fatalf("%d pages for 40 rows per section, want at least 5", pages)
	}
	sections := []struct{ row, head string }{
		{"按预产期估算", "保护期截止日"}, // protected employees
		{"不足60天", "法定应享"},    // leaves
		{"（第四十条）", "拟采取事项"},  // dismissal checks
		{"已提交", "津贴金额（元）"},   // claims
	}
	for p := 1; p <= pages; p++ {
		text := squash(pdfText(t, out, p, p))
		for _, s := range sections {
			if strings.Contains(text, s.row) && !strings.Contains(text, s.head) {
				t.Errorf("page %d shows %q rows without the %q header", p, s.row, s.head)
			}
		}
	}
}
