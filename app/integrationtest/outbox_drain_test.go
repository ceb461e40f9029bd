package integrationtest

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"

	"leaveguard/store"
)

// TestOutboxDrainsOneEmployeeAtOnce: one employee's burst of events is
// delivered in order without a pause between them: per-employee order
// holds each event behind the one before it, never behind the worker's
// idle wait (two workers with a 1 s idle, 60 events, well under 60 s).
func TestOutboxDrainsOneEmployeeAtOnce(t *testing.T) {
	tenant, _ := newTenant(t)
	rc := newOrderedReceiver(t)
	newIntegration(t, tenant, rc.URL)
	her := uuid.NewString()
	ctx := context.Background()
	const n = 60
	err := env.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		for range n {
			if err := tx.Emit(ctx, tenant, "test.burst", map[string]any{"employee_id": her}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	run, stop := context.WithCancel(ctx)
	defer stop()
	for range 2 {
		w := worker()
		w.Idle = time.Second
		go w.Run(run)
	}
	start := time.Now()
	for len(rc.types()) < n && time.Since(start) < 30*time.Second {
		time.Sleep(20 * time.Millisecond)
	}
	took := time.Since(start)
	if got := len(rc.types()); got < n {
		t.Fatalf("%d of %d events of one employee delivered in %s", got, n, took)
	}
	for i, m := range rc.got {
		if m["sequence"].(float64) != float64(i+1) {
			t.Fatalf("event %d arrived with sequence %v", i, m["sequence"])
		}
	}
	t.Logf("%d events of one employee delivered in order in %s", n, took.Round(time.Millisecond))
	if took > 10*time.Second {
		t.Fatalf("%d events took %s: the queue waits on the idle pause", n, took)
	}
}
