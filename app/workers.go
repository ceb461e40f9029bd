package app

import (
	"context"
	"sync"
	"time"
)

// backgroundWorker is a named loop that runs until its context ends.
type backgroundWorker struct {
	name string
	run  func(ctx context.Context)
}

// backgroundWorkers lists the loops `serve` runs besides HTTP. Several
// instances may run them at once: work is claimed in PostgreSQL.
func backgroundWorkers(d Deps) []backgroundWorker {
	outbox := NewOutboxWorker(d)
	return []backgroundWorker{
		protectionWorker(d),
		{"outbox-1", outbox.Run},
		{"outbox-2", outbox.Run},
		{"idempotency-purge", every(time.Hour, func(ctx context.Context) {
			if _, err := d.Store.PurgeIdempotencyKeys(ctx); err != nil && ctx.Err() == nil {
				d.Log.Error("idempotency purge failed", "error", err.Error())
			}
		})},
	}
}

// StartWorkers starts the background workers on ctx. Cancel ctx to stop
// them, then Wait on the result: in-flight deliveries finish and unstarted
// claims are released first.
func StartWorkers(ctx context.Context, d Deps) *sync.WaitGroup {
	var wg sync.WaitGroup
	for _, w := range backgroundWorkers(d) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.run(ctx)
			d.Log.Info("worker stopped", "worker", w.name)
		}()
	}
	return &wg
}

// every runs fn at once and then every period until ctx ends.
func every(period time.Duration, fn func(ctx context.Context)) func(ctx context.Context) {
	return func(ctx context.Context) {
		t := time.NewTicker(period)
		defer t.Stop()
		for {
			fn(ctx)
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}
}
