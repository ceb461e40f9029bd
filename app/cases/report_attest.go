package cases

import (
	"leaveguard/app/export"
	"leaveguard/store"
)

// VerifyPath is the route that answers whether this tenant issued a
// document with a given SHA-256 (never its content).
const VerifyPath = "/api/v1/documents/verify?sha256="

// attest writes the last section: document number, content hash and how to
// verify it, the declaration with the responsible person and contact, the
// legal basis and the tenant settings applied. It is not part of the
// content hash (it carries it).
func (r *reportRun) attest(t store.Tenant, no string) error {
	w := r.w.W
	if err := w.Section(secAttest); err != nil {
		return err
	}
	sum := r.w.Sum()
	or := func(s, missing string) export.Cell {
		if s == "" {
			return export.F(missing)
		}
		return export.T(s)
	}
	rows := [][]export.Cell{
		{export.T("文书编号"), export.T(no)},
		{export.T("内容校验码（SHA-256）"), export.T(sum)},
		{export.T("校验方式"), export.T("以本单位账户访问 " + VerifyPath + sum +
			"，或以所持文件的 SHA-256 查询；CSV、XLSX、PDF 各有登记编号与文件校验码，内容校验码三者相同")},
		{export.T("承诺"), export.T(reportDeclaration)},
		{export.T("负责人"), or(r.p.Responsible, "未填写（请在导出参数 responsible 中填写）")},
		{export.T("联系方式"), or(r.p.Contact, "未填写（请在导出参数 contact 中填写）")},
		{export.T("法律依据"), export.T(reportBasis)},
		{export.T("单位设置"), export.T(reportSettings)},
		{export.T("生育津贴口径"), export.T("各申领按计算时有效的单位设置计发；与现行设置不同之处在第五部分“说明”栏注明")},
	}
	for _, row := range rows {
		if err := w.Row(row); err != nil {
			return err
		}
	}
	return nil
}
