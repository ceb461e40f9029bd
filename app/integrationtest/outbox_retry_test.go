package integrationtest

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"
)

// fakeClock is the delivery worker's clock in tests: it moves only when
// told, so retry and lease times are checked without sleeping.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

// newFakeClock starts a second ahead of PostgreSQL, so events just emitted
// (next_at = now()) are due.
func newFakeClock() *fakeClock { return &fakeClock{now: time.Now().Add(time.Second)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// TestOutboxRetrySchedule: a failing endpoint is retried on the schedule
// (not a moment before), then the event is marked failed; a Retry-After
// longer than the schedule is honoured; another tenant's event is not held
// up meanwhile. The worker's clock is moved, not waited for.
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
	clock := newFakeClock()
	w := worker(300*time.Millisecond, 600*time.Millisecond)
	w.Now = clock.Now
	round := func() {
		t.Helper()
		if _, err := w.RunOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	attempts := func(want int, when string) {
		t.Helper()
		if got := failing.hits(); got != want {
			t.Fatalf("%s: %d attempts, want %d", when, got, want)
		}
	}
	round()
	attempts(1, "first round")
	if ok.got("test.other") != 1 {
		t.Fatal("another tenant's event was held up by a failing endpoint")
	}
	for _, wait := range []time.Duration{300 * time.Millisecond, 600 * time.Millisecond} {
		n := failing.hits()
		clock.Advance(wait - time.Millisecond)
		round()
		attempts(n, "a millisecond before the retry is due")
		clock.Advance(time.Millisecond)
		round()
		attempts(n+1, "when the retry is due")
	}
	if n := env.Count(t, `SELECT count(*) FROM outbox_events WHERE tenant_id = $1 AND status = 'failed'`, tenant); n != 1 {
		t.Fatal("the event is not failed after the last retry")
	}
	if n := env.Count(t, `SELECT count(*) FROM outbox_attempts WHERE tenant_id = $1 AND status_code = 500`, tenant); n != 3 {
		t.Fatalf("%d attempts logged, want 3", n)
	}
	// A Retry-After of 2 s beats the 300 ms schedule.
	failing.mu.Lock()
	failing.status = func(*http.Request) (int, http.Header) {
		return http.StatusServiceUnavailable, http.Header{"Retry-After": {"2"}}
	}
	failing.mu.Unlock()
	emit(t, tenant, "test.retry_after", 1, 1)
	clock.Advance(time.Second) // past the emitted event's next_at
	round()
	attempts(4, "the Retry-After event's first round")
	clock.Advance(1999 * time.Millisecond)
	round()
	attempts(4, "before Retry-After has passed")
	clock.Advance(time.Millisecond)
	round()
	attempts(5, "when Retry-After has passed")
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
		return env.Count(t, `SELECT count(*) FROM integrations WHERE id = $1 AND outbound_disabled_at IS NOT NULL`, in.ID) == 1
	})
	emit(t, tenant, "test.after_gone", 1, 1)
	deliverAll(t, w, func() bool {
		return env.Count(t, `SELECT count(*) FROM outbox_events WHERE tenant_id = $1 AND status = 'delivered' AND last_error = 'no endpoint'`, tenant) == 1
	})
	if rc.hits() != 1 {
		t.Fatalf("%d requests to a gone endpoint, want 1", rc.hits())
	}
	if n := env.Count(t, `SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND action = 'integration.outbound_disabled'`, tenant); n != 1 {
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
		return env.Count(t, `SELECT count(*) FROM outbox_attempts WHERE tenant_id = $1 AND status_code = 307`, tenant) == 1
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
	clock := newFakeClock()
	if _, err := env.Store.ClaimOutbox(context.Background(), 1000, time.Second, clock.Now()); err != nil { // then "crash"
		t.Fatal(err)
	}
	w := worker()
	w.Now = clock.Now
	clock.Advance(999 * time.Millisecond)
	if _, err := w.RunOnce(context.Background()); err != nil || rc.got("test.lease") != 0 {
		t.Fatalf("leased events delivered by another worker: %v", err)
	}
	clock.Advance(2 * time.Millisecond)
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
		return env.Count(t, `SELECT count(*) FROM outbox_events WHERE tenant_id = $1 AND status = 'delivered'`, tenant) == 1
	})
	if ok.hits() != 1 || flaky.hits() != 2 || flaky.got("test.two_targets") != 1 {
		t.Fatalf("hits: accepting endpoint %d (want 1), flaky endpoint %d (want 2)", ok.hits(), flaky.hits())
	}
}
