package integrationtest

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// TestOutboxRetrySchedule: a failing endpoint is retried on the schedule,
// then the event is marked failed; a Retry-After longer than the schedule
// is honoured; another tenant's event is not held up meanwhile.
func TestOutboxRetrySchedule(t *testing.T) {
	tenant, _ := newTenant(t)
	failing := newReceiver(t)
	failing.status = func(*http.Request) (int, http.Header) { return http.StatusInternalServerError, nil }
	newIntegration(t, tenant, failing.URL)
	other, _ := newTenant(t)
	ok := newReceiver(t)
	newIntegration(t, other, ok.URL)
	emit(t, tenant, "test.retry", 1, 1)
	emit(t, other, "test.other", 1, 1)
	schedule := []time.Duration{300 * time.Millisecond, 600 * time.Millisecond}
	w := worker(schedule...)
	deadline := time.Now().Add(10 * time.Second)
	for count(t, `SELECT count(*) FROM outbox_events WHERE tenant_id = $1 AND status = 'failed'`, tenant) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("event not failed within 10 s")
		}
		if _, err := w.RunOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if ok.got("test.other") != 1 {
		t.Fatal("another tenant's event was held up by a failing endpoint")
	}
	failing.mu.Lock()
	at := append([]time.Time(nil), failing.at...)
	failing.mu.Unlock()
	if len(at) != len(schedule)+1 {
		t.Fatalf("%d attempts, want %d", len(at), len(schedule)+1)
	}
	for i, wait := range schedule {
		if gap := at[i+1].Sub(at[i]); gap < wait || gap > wait+2*time.Second {
			t.Fatalf("gap %d = %s, want ≥ %s", i+1, gap, wait)
		}
	}
	if n := count(t, `SELECT count(*) FROM outbox_attempts WHERE tenant_id = $1 AND status_code = 500`, tenant); n != 3 {
		t.Fatalf("%d attempts logged, want 3", n)
	}
	// A Retry-After of 2 s beats the 300 ms schedule.
	failing.mu.Lock()
	failing.at = nil
	failing.status = func(*http.Request) (int, http.Header) {
		return http.StatusServiceUnavailable, http.Header{"Retry-After": {"2"}}
	}
	failing.mu.Unlock()
	emit(t, tenant, "test.retry_after", 1, 1)
	for start := time.Now(); time.Since(start) < 3500*time.Millisecond; time.Sleep(20 * time.Millisecond) {
		if _, err := w.RunOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	failing.mu.Lock()
	defer failing.mu.Unlock()
	if len(failing.at) != 2 || failing.at[1].Sub(failing.at[0]) < 2*time.Second {
		t.Fatalf("Retry-After not honoured: attempts at %v", failing.at)
	}
}

// TestOutbox410DisablesEndpoint: 410 Gone disables the integration's
// outbound URL (audited); later events find no endpoint.
func TestOutbox410DisablesEndpoint(t *testing.T) {
	tenant, _ := newTenant(t)
	rc := newReceiver(t)
	rc.status = func(*http.Request) (int, http.Header) { return http.StatusGone, nil }
	in := newIntegration(t, tenant, rc.URL)
	emit(t, tenant, "test.gone", 1, 1)
	w := worker()
	deliverAll(t, w, func() bool {
		return count(t, `SELECT count(*) FROM integrations WHERE id = $1 AND outbound_disabled_at IS NOT NULL`, in.ID) == 1
	})
	emit(t, tenant, "test.after_gone", 1, 1)
	deliverAll(t, w, func() bool {
		return count(t, `SELECT count(*) FROM outbox_events WHERE tenant_id = $1 AND status = 'delivered' AND last_error = 'no endpoint'`, tenant) == 1
	})
	if rc.hits() != 1 {
		t.Fatalf("%d requests to a gone endpoint, want 1", rc.hits())
	}
	if n := count(t, `SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND action = 'integration.outbound_disabled'`, tenant); n != 1 {
		t.Fatalf("%d audit rows for the disabling", n)
	}
}

// TestOutboxRedirectNotFollowed: a 3xx is a failed attempt, and the
// redirect target is never contacted.
func TestOutboxRedirectNotFollowed(t *testing.T) {
	tenant, _ := newTenant(t)
	target := newReceiver(t)
	rc := newReceiver(t)
	rc.status = func(*http.Request) (int, http.Header) {
		return http.StatusTemporaryRedirect, http.Header{"Location": {target.URL}}
	}
	newIntegration(t, tenant, rc.URL)
	emit(t, tenant, "test.redirect", 1, 1)
	w := worker(time.Hour)
	deliverAll(t, w, func() bool {
		return count(t, `SELECT count(*) FROM outbox_attempts WHERE tenant_id = $1 AND status_code = 307`, tenant) == 1
	})
	if target.hits() != 0 {
		t.Fatal("the redirect was followed")
	}
}

// TestOutboxLeaseExpiry: events claimed by a worker that died (no release)
// come back when the lease expires.
func TestOutboxLeaseExpiry(t *testing.T) {
	tenant, _ := newTenant(t)
	rc := newReceiver(t)
	newIntegration(t, tenant, rc.URL)
	emit(t, tenant, "test.lease", 5, 5)
	if _, err := env.Store.ClaimOutbox(context.Background(), 1000, time.Second); err != nil { // then "crash"
		t.Fatal(err)
	}
	w := worker()
	if _, err := w.RunOnce(context.Background()); err != nil || rc.got("test.lease") != 0 {
		t.Fatalf("leased events delivered by another worker: %v", err)
	}
	time.Sleep(1100 * time.Millisecond)
	deliverAll(t, w, func() bool { return rc.got("test.lease") == 5 })
}

// TestOutboxRetriesOnlyFailedTargets: with two integrations, a retry goes
// only to the one that has not accepted the event yet.
func TestOutboxRetriesOnlyFailedTargets(t *testing.T) {
	tenant, _ := newTenant(t)
	ok, flaky := newReceiver(t), newReceiver(t)
	fails := 1
	flaky.status = func(*http.Request) (int, http.Header) {
		if fails > 0 {
			fails--
			return http.StatusBadGateway, nil
		}
		return http.StatusOK, nil
	}
	newIntegration(t, tenant, ok.URL)
	newIntegration(t, tenant, flaky.URL)
	emit(t, tenant, "test.two_targets", 1, 1)
	w := worker(100 * time.Millisecond)
	deliverAll(t, w, func() bool {
		return count(t, `SELECT count(*) FROM outbox_events WHERE tenant_id = $1 AND status = 'delivered'`, tenant) == 1
	})
	if ok.hits() != 1 || flaky.hits() != 2 || flaky.got("test.two_targets") != 1 {
		t.Fatalf("hits: accepting endpoint %d (want 1), flaky endpoint %d (want 2)", ok.hits(), flaky.hits())
	}
}
