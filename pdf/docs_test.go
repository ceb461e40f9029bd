package pdf

import (
	"testing"

	"leaveguard/leave"

	"leaveguard/internal/testutil"
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
	mustContain(t, testutil.PDFText(t, out, "-layout"), "休假审批通知书", "乌云其其格", "产假", "2025年2月10日", "2025年7月17日",
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
	mustContain(t, testutil.PDFText(t, out, "-layout"), "劳动合同顺延通知书", "萨仁高娃", "152222********2026",
		"2025年6月30日", "2026年1月19日", "哺乳期", "劳动合同法》第四十五条", "续延至相应的情形消失时终止",
		"签收回执", "LG-EXT-2025-000004")
}
