package app

import (
	"context"
	"time"

	"leaveguard/app/cases"
)

// protectionWorker removes the tenants whose deletion is due, then runs
// the daily protected-period job now and every 15
// minutes; each tenant is done once per day, by one instance. When the job
// raised or corrected notices, contract-extension notices whose dates moved
// are re-issued as new versions (when PDFs can be made).
func protectionWorker(d Deps) backgroundWorker {
	cs := d.Cases()
	filer := &cases.Filings{Cases: cs, PDF: d.PDFFont.Renderer()}
	return backgroundWorker{"protection-daily", every(15*time.Minute, func(ctx context.Context) {
		purged, err := cs.RunTenantDeletions(ctx, cs.Today())
		for _, t := range purged {
			d.Log.Info("tenant deleted", "tenant_id", t.ID, "rows", t.Rows)
		}
		if err != nil && ctx.Err() == nil {
			d.Log.Error("tenant deletion failed", "error", err.Error())
		}
		n, err := cs.RunProtectionJob(ctx, cs.Today())
		if err != nil && ctx.Err() == nil {
			d.Log.Error("protection job failed", "error", err.Error())
			return
		}
		if n == 0 {
			return
		}
		d.Log.Info("protection job raised events", "events", n)
		if filer.PDF == nil {
			return
		}
		if k, err := filer.ReissueExtensionNotices(ctx); err != nil && ctx.Err() == nil {
			d.Log.Error("extension notice re-issue failed", "error", err.Error())
		} else if k > 0 {
			d.Log.Info("extension notices re-issued", "notices", k)
		}
	})}
}
