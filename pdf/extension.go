package pdf

import (
	"fmt"
	"strconv"

	"leaveguard/leave"
)

// basisExtension is the contract-extension notice's footer and first basis.
const basisExtension = "《中华人民共和国劳动合同法》第四十五条：劳动合同期满，有本法第四十二条规定情形之一的，" +
	"劳动合同应当续延至相应的情形消失时终止；第四十二条第（四）项：女职工在孕期、产期、哺乳期的，" +
	"用人单位不得依照本法第四十条、第四十一条的规定解除劳动合同"

// ContractExtension is the input of the contract-extension notice
// (劳动合同顺延通知书) for an employee whose fixed-term contract ends inside
// her protected period (劳动合同法 第四十五条).
type ContractExtension struct {
	Meta
	EmployeeName     string
	NationalIDMasked string
	ExternalID       string
	ContractEnd      leave.Date // the contract's original end
	Phase            string     // "pregnancy", "maternity_leave" or "nursing"
	ProtectedUntil   leave.Date // last day of the protected period
	Estimated        bool       // ProtectedUntil is estimated from the due date
	ExtendedEnd      leave.Date // the contract's new end
	Basis            []string   // further sources, cited after 第四十五条; optional
}

// ContractExtension renders the contract-extension notice.
func (r *Renderer) ContractExtension(e ContractExtension) ([]byte, error) {
	if err := e.Meta.check("contract extension"); err != nil {
		return nil, err
	}
	if err := requireName("contract extension", e.EmployeeName); err != nil {
		return nil, err
	}
	if e.ContractEnd.IsZero() || e.ExtendedEnd.IsZero() {
		return nil, fmt.Errorf("pdf: contract extension: %w: contract_end, extended_end", ErrIncomplete)
	}
	return r.render(e.Meta, "劳动合同顺延通知书", basisExtension, e.body)
}

// body lays the notice out.
func (e ContractExtension) body(d *doc) {
	phase := label(phases, e.Phase)
	d.start()
	d.gap(4)
	d.paragraph(e.EmployeeName+"（工号："+orDash(e.ExternalID)+"）：", sizeBody, false)
	d.paragraph("你与本单位订立的劳动合同原定于"+cnDate(e.ContractEnd)+"期满。经核实，你目前处于"+phase+
		"，依法受特殊保护，保护期至"+cnDate(e.ProtectedUntil)+"。根据《中华人民共和国劳动合同法》第四十五条、"+
		"第四十二条第（四）项的规定，你的劳动合同期限顺延至"+cnDate(e.ExtendedEnd)+"。", sizeBody, true)
	d.gap(2)
	until := cnDate(e.ProtectedUntil)
	if e.Estimated {
		until += "（按预产期估算）"
	}
	d.form([][]kv{
		{{"职工姓名", e.EmployeeName}, {"身份证号码", orDash(e.NationalIDMasked)}},
		{{"原合同期满日", cnDate(e.ContractEnd)}, {"所处期间", phase}},
		{{"保护期截止日", until}, {"顺延后终止日", cnDate(e.ExtendedEnd)}},
	})
	d.section("法律依据")
	for i, b := range append([]string{basisExtension}, e.Basis...) {
		d.paragraph(strconv.Itoa(i+1)+". "+b, sizeBody, false)
	}
	d.section("说明")
	text := "顺延期间，原劳动合同的其他条款继续履行，你的工资、福利待遇不变。"
	if e.Estimated {
		text += "保护期截止日系按预产期估算，子女出生后本单位将按实际日期重新核定并另行书面通知。"
	}
	d.paragraph(text+"如对本通知有异议，可自收到之日起向本单位人力资源部门提出。", sizeBody, true)
	d.sealLine()
	d.receipt("本人已收到" + d.meta.TenantName + "出具的劳动合同顺延通知书（编号：" + d.meta.DocNo + "），知悉劳动合同期限顺延至" +
		cnDate(e.ExtendedEnd) + "。")
}
