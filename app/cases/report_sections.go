package cases

import (
	"context"

	"leaveguard/app/export"
	"leaveguard/leave"
	"leaveguard/store"
)

// writeReport writes the header and the five sections of period p to w in
// tx, each row as it is read.
func (c *Cases) writeReport(ctx context.Context, tx *store.Tx, tenant string, p Period, w export.Writer) error {
	t, err := tx.Tenant(ctx, tenant)
	if err != nil {
		return err
	}
	h := export.Header{TenantName: t.Name, CreditCode: t.CreditCode, From: p.From, To: p.To, GeneratedAt: c.Now()}
	if err := w.Begin(h); err != nil {
		return err
	}
	sections := []struct {
		s    export.Section
		rows func() error
	}{
		{export.Protected, func() error { return reportProtected(ctx, tx, tenant, p, w) }},
		{export.Leaves, func() error { return reportLeaves(ctx, tx, tenant, p, w) }},
		{export.Dismissals, func() error { return reportDismissals(ctx, tx, tenant, p, w) }},
		{export.Claims, func() error { return c.reportClaims(ctx, tx, tenant, p, w) }},
		{export.Extensions, func() error { return reportExtensions(ctx, tx, tenant, p, w) }},
	}
	for _, s := range sections {
		if err := w.Section(s.s); err != nil {
			return err
		}
		if err := s.rows(); err != nil {
			return err
		}
	}
	return nil
}

// reportProtected: each protected interval of a female employee that
// overlaps the period, with the phase she was in at its last day inside it.
func reportProtected(ctx context.Context, tx *store.Tx, tenant string, p Period, w export.Writer) error {
	return tx.EachProtectionCandidate(ctx, tenant, func(pf store.ProtectionFacts) error {
		f, err := protectionFacts(pf)
		if err != nil {
			return err
		}
		for _, iv := range leave.ProtectedIntervals(f) {
			if iv.To.Before(p.From) || iv.From.After(p.To) {
				continue
			}
			last := iv.To
			if p.To.Before(last) {
				last = p.To
			}
			row := export.ProtectedRow{EmployeeName: pf.Name, ExternalID: pf.ExternalID,
				Phase: string(leave.ProtectionOn(f, last).Phase), From: iv.From, Until: iv.To, Estimated: iv.Estimated}
			if err := w.Row(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// reportWholeLeave are the leave types granted as one statutory entitlement: the
// days approved in their bucket are compared with it. Parental and
// only-child care leave are drawn on as needed: each request is its own
// measure.
var reportWholeLeave = map[string]bool{"maternity": true, "miscarriage": true, "marriage": true, "spousal_nursing": true}

func reportLeaves(ctx context.Context, tx *store.Tx, tenant string, p Period, w export.Writer) error {
	return tx.EachExportLeave(ctx, tenant, p.From, p.To, func(r store.ExportLeave) error {
		row := export.LeaveRow{EmployeeName: r.EmployeeName, ExternalID: r.ExternalID, LeaveType: r.LeaveType,
			Start: r.Start, End: r.End, EntitledDays: r.Days, GrantedDays: r.Days, Unit: r.Unit}
		if reportWholeLeave[r.LeaveType] && r.Entitled > 0 {
			row.EntitledDays, row.GrantedDays = r.Entitled, r.BucketDays
		}
		return w.Row(row)
	})
}

func reportDismissals(ctx context.Context, tx *store.Tx, tenant string, p Period, w export.Writer) error {
	from, until := p.bounds()
	return tx.EachExportDismissal(ctx, tenant, from, until, func(r store.ExportDismissal) error {
		row := export.DismissalRow{CheckedOn: leave.DateOf(r.CheckedAt.In(chinaTime)), EmployeeName: r.EmployeeName,
			ExternalID: r.ExternalID, Action: r.Action, Ground: r.Ground, EffectiveDate: r.EffectiveDate,
			Verdict: r.Verdict, Reason: r.Reason}
		if r.ProtectedUntil != nil {
			row.ProtectedUntil = *r.ProtectedUntil
		}
		return w.Row(row)
	})
}

// reportExtensions: contracts ending in the period inside a protected
// period (劳动合同法 第四十五条).
func reportExtensions(ctx context.Context, tx *store.Tx, tenant string, p Period, w export.Writer) error {
	return tx.EachContractEnding(ctx, tenant, p.From, p.To, func(pf store.ProtectionFacts) error {
		x, _, ok, err := extensionOf(pf, p.From)
		if err != nil || !ok {
			return err
		}
		return w.Row(export.ExtensionRow{EmployeeName: x.Name, ExternalID: x.ExternalID, ContractEnd: x.ContractEnd,
			Phase: string(x.Phase), ProtectedUntil: x.ProtectedUntil, Estimated: x.UntilEstimated, ExtendedEnd: x.ExtendedContractEnd})
	})
}
