package cases

import (
	"context"
	"fmt"

	"leaveguard/app/export"
	"leaveguard/pdf"
	"leaveguard/store"
)

// ComplianceReport generates (or returns the unchanged latest) 合规报告 of
// period p: the labor-bureau report as a PDF filing.
func (f *Filings) ComplianceReport(ctx context.Context, tenant string, who store.Who, p Period) (Filing, error) {
	return f.generate(ctx, tenant, who, KindComplianceReport, p.ID(), func(tx *store.Tx) (document, error) {
		doc := &reportPDF{pdf.ComplianceReport{From: p.From, To: p.To}}
		if err := f.Cases.writeReport(ctx, tx, tenant, p, (*reportCollector)(doc)); err != nil {
			return nil, err
		}
		return doc, nil
	})
}

// reportCollector gathers the report's rows into the PDF's input.
type reportCollector reportPDF

// Begin implements export.Writer; the tenant comes with the filing's Meta.
func (r *reportCollector) Begin(export.Header) error { return nil }

// Section implements export.Writer.
func (r *reportCollector) Section(export.Section) error { return nil }

// Close implements export.Writer.
func (r *reportCollector) Close() error { return nil }

// Row implements export.Writer.
func (r *reportCollector) Row(row export.Row) error {
	switch x := row.(type) {
	case export.ProtectedRow:
		r.Protected = append(r.Protected, pdf.ProtectedRow{EmployeeName: x.EmployeeName, ExternalID: x.ExternalID,
			Phase: x.Phase, From: x.From, Until: x.Until, Estimated: x.Estimated})
	case export.LeaveRow:
		r.Leaves = append(r.Leaves, pdf.LeaveRow{EmployeeName: x.EmployeeName, ExternalID: x.ExternalID,
			LeaveType: x.LeaveType, Start: x.Start, End: x.End, EntitledDays: x.EntitledDays,
			GrantedDays: x.GrantedDays, Unit: x.Unit})
	case export.DismissalRow:
		r.Dismissals = append(r.Dismissals, pdf.DismissalRow{EmployeeName: x.EmployeeName, ExternalID: x.ExternalID,
			Action: x.Action, Ground: x.Ground, EffectiveDate: x.EffectiveDate, Verdict: x.Verdict,
			ProtectedUntil: x.ProtectedUntil, Reason: x.Reason})
	case export.ClaimRow:
		r.Claims = append(r.Claims, pdf.ClaimRow{EmployeeName: x.EmployeeName, ExternalID: x.ExternalID,
			Event: x.Event, EventDate: x.EventDate, PaidDays: x.PaidDays, AmountFen: x.AmountFen,
			Status: x.Status, SubmittedOn: x.SubmittedOn, Overdue: x.Overdue})
	case export.ExtensionRow:
		r.Extensions = append(r.Extensions, pdf.ExtensionRow{EmployeeName: x.EmployeeName, ExternalID: x.ExternalID,
			ContractEnd: x.ContractEnd, ProtectedUntil: x.ProtectedUntil, ExtendedEnd: x.ExtendedEnd})
	default:
		return fmt.Errorf("cases: report: unknown row %T", row)
	}
	return nil
}
