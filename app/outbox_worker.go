package app

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"leaveguard/app/cases"
	"leaveguard/app/netguard"
	"leaveguard/store"
)

// DefaultRetrySchedule is the wait after each failed delivery round of an
// event; after the last one the event is marked failed.
func DefaultRetrySchedule() []time.Duration {
	return []time.Duration{5 * time.Second, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour,
		5 * time.Hour, 10 * time.Hour, 14 * time.Hour, 20 * time.Hour, 24 * time.Hour}
}

// OutboxWorker delivers the transactional outbox: it claims due events of
// every tenant with a lease, POSTs each (Standard Webhooks-signed,
// webhook-id = event id) to the outbound URL of each of the tenant's
// integrations, and records each attempt and the event's fate in the
// tenant's own transaction. Delivery is at least once: a receiver must
// dedupe on webhook-id. A tenant with no outbound URL gets its events marked
// delivered with the note "no endpoint" (they are not kept waiting for an
// integration made later).
type OutboxWorker struct {
	Store    *store.Store
	Cases    *cases.Cases // decrypts integration secrets
	Log      *slog.Logger
	Client   *http.Client    // netguard.Client: refuses private addresses at dial time
	Schedule []time.Duration // DefaultRetrySchedule
	Batch    int             // events claimed at once
	Lease    time.Duration   // how long a claim lasts; a crashed worker's events come back after it
	Parallel int             // deliveries in flight per worker
	Idle     time.Duration   // pause when nothing is due
	// Now is the wall clock of delivery: signature timestamps (checked by
	// receivers against their own clocks) and retry times (compared with
	// PostgreSQL's now()). Dates and secret validity come from Cases.Now.
	Now func() time.Time
}

// NewOutboxWorker returns a worker with the production settings.
func NewOutboxWorker(d Deps) *OutboxWorker {
	cs := d.Cases()
	return &OutboxWorker{Store: cs.Store, Cases: cs, Log: d.Log,
		Client:   netguard.Client(d.Config.AllowLoopbackWebhooks, 10*time.Second),
		Schedule: DefaultRetrySchedule(), Batch: 100, Lease: 2 * time.Minute, Parallel: 8,
		Idle: time.Second, Now: time.Now}
}

// Run delivers until ctx ends. On cancellation it claims nothing more,
// releases the leases of claimed events not yet started, and lets the
// attempts in flight finish and be recorded.
func (w *OutboxWorker) Run(ctx context.Context) {
	for ctx.Err() == nil {
		n, err := w.RunOnce(ctx)
		if err != nil && ctx.Err() == nil {
			w.Log.Error("outbox: delivery round failed", "error", err.Error())
		}
		if n == 0 || err != nil {
			select {
			case <-ctx.Done():
			case <-time.After(w.Idle):
			}
		}
	}
}

// RunOnce claims one batch of due events and delivers it, returning how
// many events it claimed.
func (w *OutboxWorker) RunOnce(ctx context.Context) (int, error) {
	if ctx.Err() != nil {
		return 0, nil
	}
	// The claim is not cancelled half-way: a lease taken on the server but
	// lost to the client would hold its events until the lease expires.
	events, err := w.Store.ClaimOutbox(context.WithoutCancel(ctx), w.Batch, w.Lease, w.Now())
	if err != nil {
		return 0, err
	}
	targets := map[string][]target{}
	unstarted := map[string][]store.ClaimedEvent{}
	sem := make(chan struct{}, max(w.Parallel, 1))
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	for _, ev := range events {
		if ctx.Err() != nil {
			unstarted[ev.Tenant] = append(unstarted[ev.Tenant], ev)
			continue
		}
		ts, ok := targets[ev.Tenant]
		if !ok {
			if ts, err = w.targets(ctx, ev.Tenant); err != nil {
				unstarted[ev.Tenant] = append(unstarted[ev.Tenant], ev)
				mu.Lock()
				firstErr = err
				mu.Unlock()
				continue
			}
			targets[ev.Tenant] = ts
		}
		acquired := false
		select {
		case <-ctx.Done():
		case sem <- struct{}{}:
			acquired = true
		}
		if ctx.Err() != nil { // select picks at random when both are ready
			if acquired {
				<-sem
			}
			unstarted[ev.Tenant] = append(unstarted[ev.Tenant], ev)
			continue
		}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			if err := w.deliver(context.WithoutCancel(ctx), ev, ts); err != nil {
				mu.Lock()
				firstErr = err
				mu.Unlock()
			}
		}()
	}
	for _, evs := range unstarted {
		w.release(evs...)
	}
	wg.Wait()
	return len(events), firstErr
}

// release gives unstarted events of one tenant back (a stopping worker).
func (w *OutboxWorker) release(evs ...store.ClaimedEvent) {
	if len(evs) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	byLease := map[time.Time][]string{}
	for _, ev := range evs {
		byLease[ev.LockedUntil] = append(byLease[ev.LockedUntil], ev.ID)
	}
	err := w.Store.InTx(ctx, evs[0].Tenant, func(tx *store.Tx) error {
		for lease, ids := range byLease {
			if err := tx.ReleaseEvents(ctx, evs[0].Tenant, ids, lease); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		w.Log.Warn("outbox: release failed; the leases will expire", "events", len(evs), "error", err.Error())
	}
}

// target is an integration to deliver to, with its signing secrets.
type target struct {
	id      string
	url     string
	secrets []string
}

// targets loads a tenant's active outbound integrations.
func (w *OutboxWorker) targets(ctx context.Context, tenant string) ([]target, error) {
	var rows []store.Integration
	err := w.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		rows, err = tx.OutboundTargets(ctx, tenant)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("outbox: targets: %w", err)
	}
	out := make([]target, 0, len(rows))
	for _, in := range rows {
		secrets, err := w.Cases.IntegrationSecrets(in, w.Cases.Now())
		if err != nil {
			return nil, fmt.Errorf("outbox: targets: %w", err)
		}
		out = append(out, target{id: in.ID, url: in.OutboundURL, secrets: secrets})
	}
	return out, nil
}
