package app

import (
	"context"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"leaveguard/store"
)

// Notes kept as the last_error of events delivered without a response.
const (
	noteNoEndpoint = "no endpoint"
	noteGone       = "410 Gone: outbound URL disabled"
)

// maxRetryAfter bounds how long a receiver's Retry-After may hold an event.
const maxRetryAfter = 24 * time.Hour

// record logs a round's attempts, disables endpoints that answered 410 Gone
// and settles the event, all in one transaction of the event's tenant.
func (w *OutboxWorker) record(ctx context.Context, ev store.ClaimedEvent, results []sent, noEndpoint bool) error {
	s := w.settlement(ev, results, noEndpoint)
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	who := store.Who{ActorType: "system", ActorID: "outbox"}
	settled := false
	err := w.Store.InTx(ctx, ev.Tenant, func(tx *store.Tx) error {
		if err := tx.AsyncCommit(ctx, ev.Tenant); err != nil {
			return err
		}
		var gone []string
		for _, r := range results {
			a := store.Attempt{EventID: ev.ID, IntegrationID: r.target, Attempt: ev.Attempts + 1, StatusCode: r.code, Error: r.err}
			if err := tx.RecordAttempt(ctx, ev.Tenant, a); err != nil {
				return err
			}
			if r.gone() {
				if err := tx.DisableOutbound(ctx, ev.Tenant, r.target); err != nil {
					return err
				}
				gone = append(gone, r.target)
			}
		}
		ok, err := tx.SettleEvent(ctx, ev.Tenant, ev.ID, ev.LockedUntil, s)
		if err != nil {
			return err
		}
		settled = ok
		if ok && s.Status == "failed" {
			if err := tx.Audit(ctx, ev.Tenant, who, "outbox_event.failed", "outbox_event", ev.ID,
				map[string]any{"type": ev.Type, "attempts": ev.Attempts + 1, "last_error": s.LastError}); err != nil {
				return err
			}
		}
		for _, id := range gone {
			if err := tx.Audit(ctx, ev.Tenant, who, "integration.outbound_disabled", "integration", id,
				map[string]any{"reason": "410", "event_id": ev.ID}); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil && settled && s.Status == "failed" {
		OutboxFailed.Inc()
		w.Log.Warn("outbox: event failed for good", "event", ev.ID, "type", ev.Type, "tenant", ev.Tenant)
	}
	return err
}

// OutboxFailed counts the events that ended failed (every retry used up):
// leaveguard_outbox_events_failed_total on /metrics; the tenant sees each
// one in the audit log (outbox_event.failed) and on the integrations page.
var OutboxFailed = prometheus.NewCounter(prometheus.CounterOpts{
	Name: "leaveguard_outbox_events_failed_total",
	Help: "Outbound events that used up every retry and were marked failed.",
})

// settlement decides the event's fate after a round: delivered when every
// target answered 2xx (or 410, which disables it), else retried on the
// schedule (later if a Retry-After asks), else failed when it is used up.
func (w *OutboxWorker) settlement(ev store.ClaimedEvent, results []sent, noEndpoint bool) store.Settlement {
	if noEndpoint {
		return store.Settlement{Status: "delivered", LastError: noteNoEndpoint}
	}
	var errs []string
	var wait time.Duration
	note := ""
	for _, r := range results {
		switch {
		case r.ok():
		case r.gone():
			note = noteGone
		default:
			errs = append(errs, r.err)
			wait = max(wait, min(r.retryAfter, maxRetryAfter))
		}
	}
	if len(errs) == 0 {
		return store.Settlement{Status: "delivered", LastError: note}
	}
	last := truncate(strings.Join(errs, "; "), 500)
	n := ev.Attempts + 1
	if n > len(w.Schedule) {
		return store.Settlement{Status: "failed", LastError: last}
	}
	return store.Settlement{Status: "pending", NextAt: w.Now().Add(max(w.Schedule[n-1], wait)), LastError: last}
}
