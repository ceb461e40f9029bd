package cases

import (
	"strconv"

	"leaveguard/pdf"
)

// Kinds of filing (filings.kind).
const (
	KindAllowanceClaim     = "allowance_claim"
	KindSubsidyApplication = "subsidy_application"
	KindLeaveNotice        = "leave_notice"
	KindContractExtension  = "contract_extension"
	KindComplianceReport   = "compliance_report"
)

// document is the input of one PDF document, stored as a filing's data:
// its Meta (tenant, number, generation time) and how to render it.
type document interface {
	meta() *pdf.Meta
	render(r *pdf.Renderer) ([]byte, error)
}

// kindSpec describes a kind of filing: its document-number prefix, its
// Chinese title (the file name), the audit object type of its subject and
// an empty input to decode stored data into.
type kindSpec struct {
	kind, prefix, title, object string
	blank                       func() document
}

var kinds = map[string]kindSpec{
	KindAllowanceClaim: {KindAllowanceClaim, "LG-SYJT", "生育津贴申领表", "allowance_claim",
		func() document { return &claimPDF{} }},
	KindSubsidyApplication: {KindSubsidyApplication, "LG-SBBT", "社会保险费补贴申请表", "subsidy_application",
		func() document { return &subsidyPDF{} }},
	KindLeaveNotice: {KindLeaveNotice, "LG-XJTZ", "休假审批通知书", "leave_request",
		func() document { return &noticePDF{} }},
	KindContractExtension: {KindContractExtension, "LG-HTSY", "劳动合同顺延通知书", "employee",
		func() document { return &extensionPDF{} }},
	KindComplianceReport: {KindComplianceReport, "LG-HGBG", "合规报告", "report",
		func() document { return &reportPDF{} }},
}

// KnownKind reports whether kind is a kind of filing.
func KnownKind(kind string) bool {
	_, ok := kinds[kind]
	return ok
}

// The documents; each embeds its pdf input, so the stored JSON is exactly
// that input.
type (
	claimPDF     struct{ pdf.Claim }
	subsidyPDF   struct{ pdf.SubsidyApplication }
	noticePDF    struct{ pdf.LeaveNotice }
	extensionPDF struct{ pdf.ContractExtension }
	reportPDF    struct{ pdf.ComplianceReport }
)

func (d *claimPDF) meta() *pdf.Meta     { return &d.Meta }
func (d *subsidyPDF) meta() *pdf.Meta   { return &d.Meta }
func (d *noticePDF) meta() *pdf.Meta    { return &d.Meta }
func (d *extensionPDF) meta() *pdf.Meta { return &d.Meta }
func (d *reportPDF) meta() *pdf.Meta    { return &d.Meta }

func (d *claimPDF) render(r *pdf.Renderer) ([]byte, error) { return r.Claim(d.Claim) }
func (d *subsidyPDF) render(r *pdf.Renderer) ([]byte, error) {
	return r.SubsidyApplication(d.SubsidyApplication)
}
func (d *noticePDF) render(r *pdf.Renderer) ([]byte, error) { return r.LeaveNotice(d.LeaveNotice) }
func (d *extensionPDF) render(r *pdf.Renderer) ([]byte, error) {
	return r.ContractExtension(d.ContractExtension)
}
func (d *reportPDF) render(r *pdf.Renderer) ([]byte, error) {
	return r.ComplianceReport(d.ComplianceReport)
}

// ownNumber is a document numbered from its own number: fileNo is the
// number of its version.
type ownNumber interface {
	fileNo(version int) string
}

// fileNo is the report PDF's own number: the report's number with -PDF,
// and the version past the first.
func (d *reportPDF) fileNo(version int) string {
	if version > 1 {
		return d.ReportNo + "-PDF-" + strconv.Itoa(version)
	}
	return d.ReportNo + "-PDF"
}
