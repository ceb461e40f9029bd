package app

import (
	"context"
	"time"
)

// protectionWorker runs the daily protected-period job now and every 15
// minutes; each tenant is done once per day, by one instance.
func protectionWorker(d Deps) backgroundWorker {
	cs := d.Cases()
	return backgroundWorker{"protection-daily", every(15*time.Minute, func(ctx context.Context) {
		n, err := cs.RunProtectionJob(ctx, cs.Today())
		if err != nil && ctx.Err() == nil {
			d.Log.Error("protection job failed", "error", err.Error())
		} else if n > 0 {
			d.Log.Info("protection job raised events", "events", n)
		}
	})}
}
