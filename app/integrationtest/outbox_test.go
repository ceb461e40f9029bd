package integrationtest

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"leaveguard/app"
	"leaveguard/store"
)

// TestOutbox10000WithCancelledWorkers: 10,000 committed events, delivered
// by three workers that are cancelled mid-batch again and again → the
// receiver gets all 10,000 distinct event ids (verified signatures), and
// none of 1,000 events whose transactions rolled back.
func TestOutbox10000WithCancelledWorkers(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 events")
	}
	tenant, _ := newTenant(t)
	rc := newReceiver(t)
	rc.secret = newIntegration(t, tenant, rc.URL+"/hook").Secret
	const n = 10000
	emit(t, tenant, "test.committed", n, 250)
	ctx := context.Background()
	for i := 0; i < 100; i++ {
		err := env.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
			for j := 0; j < 10; j++ {
				if err := tx.Emit(ctx, tenant, "test.rolled_back", map[string]any{"seq": j}); err != nil {
					return err
				}
			}
			return errors.New("roll back")
		})
		if err == nil {
			t.Fatal("transaction did not roll back")
		}
	}
	w := worker()
	start := time.Now()
	rounds := 0
	for time.Since(start) < 90*time.Second {
		if got, _ := rc.distinct(); got == n {
			break
		}
		rounds++
		wctx, cancel := context.WithCancel(ctx)
		var wg sync.WaitGroup
		for k := 0; k < 3; k++ {
			wg.Add(1)
			go func() { defer wg.Done(); w.Run(wctx) }()
		}
		time.Sleep(time.Duration(20+rand.IntN(180)) * time.Millisecond)
		cancel() // mid-batch: unstarted claims are released, in-flight sends finish
		wg.Wait()
	}
	distinct, receipts := rc.distinct()
	t.Logf("%d distinct event ids (%d receipts, %d bad signatures) in %s over %d cancelled worker rounds",
		distinct, receipts, rc.badSigs, time.Since(start).Round(time.Millisecond), rounds)
	if distinct != n || rc.types["test.rolled_back"] != 0 || rc.badSigs != 0 {
		t.Fatalf("distinct %d (want %d), rolled-back received %d, bad signatures %d", distinct, n, rc.types["test.rolled_back"], rc.badSigs)
	}
	if left := env.Count(t, `SELECT count(*) FROM outbox_events WHERE tenant_id = $1 AND (status <> 'delivered' OR locked_until IS NOT NULL)`, tenant); left != 0 {
		t.Fatalf("%d events not delivered or still leased after the workers stopped", left)
	}
	if rb := env.Count(t, `SELECT count(*) FROM outbox_events WHERE tenant_id = $1 AND type = 'test.rolled_back'`, tenant); rb != 0 {
		t.Fatalf("%d events of rolled-back transactions exist", rb)
	}
}

// TestOutboxOutOfOrderCommit: an event whose transaction began first but
// committed last (so its row is "older" than one already delivered) is
// still delivered.
func TestOutboxOutOfOrderCommit(t *testing.T) {
	tenant, _ := newTenant(t)
	rc := newReceiver(t)
	newIntegration(t, tenant, rc.URL)
	ctx := context.Background()
	slowEmitted, commitSlow, slowDone := make(chan struct{}), make(chan struct{}), make(chan error)
	go func() {
		slowDone <- env.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
			if err := tx.Emit(ctx, tenant, "test.slow", map[string]any{}); err != nil {
				return err
			}
			close(slowEmitted)
			<-commitSlow
			return nil
		})
	}()
	<-slowEmitted
	emit(t, tenant, "test.fast", 1, 1)
	w := worker()
	deliverAll(t, w, func() bool { return rc.got("test.fast") == 1 })
	if rc.got("test.slow") != 0 {
		t.Fatal("an uncommitted event was delivered")
	}
	close(commitSlow)
	if err := <-slowDone; err != nil {
		t.Fatal(err)
	}
	deliverAll(t, w, func() bool { return rc.got("test.slow") == 1 })
}

// deliverAll runs delivery rounds until done reports true (under the
// receiver's lock) or 10 s pass.
func deliverAll(t *testing.T, w *app.OutboxWorker, done func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := w.RunOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
		if done() {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("not delivered within 10 s")
}
