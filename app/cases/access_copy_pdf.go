package cases

import (
	"context"
	"strings"

	"leaveguard/app/export"
	"leaveguard/pdf"
	"leaveguard/store"
)

// AccessCopyDoc is an access copy as a PDF. It is not kept as a filing:
// storing it would be one more copy of her personal data.
type AccessCopyDoc struct {
	DocumentNo string
	Bytes      []byte
}

// FileName is "个人信息副本-LG-GRXX-….pdf".
func (d AccessCopyDoc) FileName() string { return accessTitle + "-" + d.DocumentNo + ".pdf" }

// FileNameASCII is the ASCII fallback of FileName.
func (d AccessCopyDoc) FileNameASCII() string { return d.DocumentNo + ".pdf" }

const accessTitle = "个人信息副本"

// accessBasis is the footer of the copy.
const accessBasis = "《个人信息保护法》第四十四条至第四十七条（查阅、复制、更正、删除）；" +
	"本副本列出本单位通过 LeaveGuard 处理的该职工全部个人信息及据此作出的决定，身份证号已遮蔽。"

// AccessCopyPDF renders employee id's access copy as an A4 Chinese PDF,
// audited as employee.access_copy (format pdf); ErrPDFUnavailable when no
// font was loaded.
func (f *Filings) AccessCopyPDF(ctx context.Context, tenant string, who store.Who, id string) (AccessCopyDoc, error) {
	var out AccessCopyDoc
	_, err := f.Cases.accessCopy(ctx, tenant, who, id, "pdf", func(a AccessCopy) error {
		if f.PDF == nil {
			return ErrPDFUnavailable
		}
		out.DocumentNo = "LG-GRXX-" + strings.ReplaceAll(a.AsOf.String(), "-", "") + "-" +
			strings.ToUpper(strings.ReplaceAll(id, "-", "")[:8])
		in := pdf.AccessCopy{Meta: pdf.Meta{TenantName: a.Controller.Name, CreditCode: a.Controller.CreditCode,
			DocNo: out.DocumentNo, GeneratedAt: a.GeneratedAt}, Title: accessTitle, Head: accessHead(a),
			Sections: accessSections(a), Basis: accessBasis}
		var err error
		out.Bytes, err = f.PDF.AccessCopy(in)
		return err
	})
	return out, err
}

// accessHead is the block under the issuer: who the copy is of, and when.
func accessHead(a AccessCopy) [][]string {
	e := a.Employee
	return [][]string{
		{"职工姓名", e.Name, "工号", e.ExternalID},
		{"身份证号（已遮蔽）", e.NationalIDMasked, "数据截至", a.AsOf.String()},
		{"生成时间", export.Stamp(a.GeneratedAt), "", ""},
	}
}

// Chinese labels of the copy's codes (the report's are in report_layout.go).
var (
	genderNames      = map[string]string{"female": "女", "male": "男"}
	leaveStatusNames = map[string]string{"submitted": "待审批", "approved": "已批准", "rejected": "已驳回",
		"cancelled": "已取消"}
	entryNames = map[string]string{"credit": "记入额度", "debit": "休假扣减", "reversal": "冲回",
		"withdrawal": "收回额度"}
	separationNames = map[string]string{"resignation": "职工辞职", "mutual_agreement": "协商一致解除",
		"termination": "解除劳动合同", "non_renewal": "劳动合同期满终止", "retirement": "退休", "death": "死亡",
		"bankruptcy": "用人单位破产", "closure": "用人单位关闭、撤销"}
	sepEventNames = map[string]string{"recorded": "登记离职", "withdrawn": "撤销离职"}
	wageOutcomes  = map[string]string{"applied": "已执行", "refused": "已拒绝（保护期内降薪）"}
	actorNames    = map[string]string{"user": "用户", "api_key": "接口密钥", "webhook": "薪资系统推送",
		"system": "系统"}
	auditNames = map[string]string{"employee.create": "创建员工记录", "employee.update": "修改员工信息",
		"employee.read": "查阅员工信息", "events.read": "查阅家庭事件", "entitlements.read": "查阅应享假期",
		"ledger.read": "查阅休假台账", "protection.read": "查阅保护期状态", "employee.access_copy": "生成个人信息副本",
		"pregnancy.create": "登记怀孕", "birth.create": "登记生育", "birth.read": "查阅生育记录",
		"marriage.create": "登记结婚", "miscarriage.create": "登记流产", "dismissal_check.create": "解除终止检查",
		"employee.separate": "登记离职", "employee.separation_withdraw": "撤销离职",
		"birth.correct": "更正生育记录", "miscarriage.correct": "更正流产记录", "marriage.correct": "更正结婚记录",
		"pregnancy.correct": "更正怀孕记录", "miscarriage.read": "查阅流产记录", "wage_reduction.refused": "拒绝降薪",
		"wage_reduction.override": "越权降薪", "correction_request.create": "登记更正申请",
		"correction_request.decide": "处理更正申请", "sensitive_notice.create": "记录敏感信息告知"}
)
