package app

import (
	"context"
	"strings"
	"time"

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
	return w.Store.InTx(ctx, ev.Tenant, func(tx *store.Tx) error {
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
		if _, err := tx.SettleEvent(ctx, ev.Tenant, ev.ID, ev.LockedUntil, s); err != nil {
			return err
		}
		for _, id := range gone {
			if err := tx.Audit(ctx, ev.Tenant, who, "integration.outbound_disabled", "integration", id,
				map[string]any{"reason": "410", "event_id": ev.ID}); err != nil {
				return err
			}
		}
		return nil
	})
}

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
