package cases

import (
	"leaveguard/app/export"
	"leaveguard/pdf"
)

// factNames are the sensitive facts a notice is about.
var factNames = map[string]string{"pregnancy": "怀孕", "birth": "生育", "miscarriage": "流产"}

// rightsSections are the copy's tables of her correction requests
// (《个人信息保护法》第四十六条) and of the notices of her sensitive facts
// (第二十九、三十条); a notice not given, or not recorded, is flagged.
func rightsSections(a AccessCopy) []pdf.ReportSection {
	cr := copySection("十二、更正申请", "收到日期", 14, "方式", 12, "申请更正的内容", 34, "处理结果", 12,
		"处理日期", 14, "说明", 14)
	for _, r := range a.Corrections {
		status := "处理中"
		if r.Status != "open" {
			status = name(CorrectionOutcomes, r.Status)
		}
		add(&cr, r.ReceivedOn.String(), name(CorrectionChannels, r.Channel), r.Subject, status,
			dateText(r.DecidedOn), r.OutcomeNote)
	}
	nt := copySection("十三、敏感个人信息处理告知记录", "事项", 12, "是否告知", 20, "告知日期", 16, "告知方式", 16,
		"记录时间", 36)
	for _, n := range a.Notices {
		status := name(NoticeStatuses, n.Status)
		if n.Status != "informed" {
			status = "!" + status
		}
		add(&nt, name(factNames, n.FactType), status, dateText(n.InformedOn), name(NoticeMethods, n.Method),
			export.Stamp(n.CreatedAt))
	}
	return []pdf.ReportSection{cr, nt}
}
