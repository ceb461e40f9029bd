package cases

import (
	"context"

	"leaveguard/app/export"
	"leaveguard/store"
)

// reportClaims lists the allowance claims of the period and their status.
func (c *Cases) reportClaims(ctx context.Context, tx *store.Tx, tenant string, p Period, w export.Writer) error {
	return tx.EachExportClaim(ctx, tenant, p.From, p.To, c.Today(), func(r store.ExportClaim) error {
		row := export.ClaimRow{EmployeeName: r.EmployeeName, ExternalID: r.ExternalID, Event: r.Event,
			EventDate: r.EventDate, PaidDays: r.PaidDays, AmountFen: r.AmountFen, Status: r.Status, Overdue: r.Overdue}
		if r.SubmittedOn != nil {
			row.SubmittedOn = *r.SubmittedOn
		}
		return w.Row(row)
	})
}
