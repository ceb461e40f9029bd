package faults_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
)

// TestIdempotencyUnderConnectionKills: keyed POST /dismissal-checks while
// every connection of the app's database is terminated again and again.
// Each client retries its key until it gets a final answer (anything but a
// 5xx, a transport error or 409 idempotency_in_flight); then every key has
// exactly one stored check and one dismissal_check.completed event, and
// every answer for a key names that check. 500 keys in the long form, 60
// in the short one.
func TestIdempotencyUnderConnectionKills(t *testing.T) {
	keys, workers := 60, 6
	if long() {
		keys, workers = 500, 8
	}
	r := newRig(t, "redis://127.0.0.1:6379/0", nil)
	admin, err := r.DB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	kills := make(chan int, 1)
	go func() { kills <- killBackends(ctx, admin, 300*time.Millisecond) }()

	start := time.Now()
	var attempts, inFlight atomic.Int64
	answers := make([][]string, keys) // check ids answered per key
	finals := make([]int, keys)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range jobs {
				answers[k], finals[k] = r.keyedCheck(k, &attempts, &inFlight)
			}
		}()
	}
	for k := 0; k < keys; k++ {
		jobs <- k
	}
	close(jobs)
	wg.Wait()
	cancel()
	killed := <-kills
	elapsed := time.Since(start)

	for k := 0; k < keys; k++ {
		if finals[k] != 200 {
			t.Errorf("key %d: final answer %d", k, finals[k])
			continue
		}
		checkOneEffect(t, admin, k, answers[k])
	}
	var checks, events int
	_ = admin.Get(&checks, `SELECT count(*) FROM dismissal_checks`)
	_ = admin.Get(&events, `SELECT count(*) FROM outbox_events WHERE type = 'dismissal_check.completed'`)
	if checks != keys || events != keys {
		t.Errorf("%d keys: %d checks stored, %d events", keys, checks, events)
	}
	t.Logf("%d keys, %d workers: %d requests in %v (%d answered 409 in flight), %d backends terminated; %d checks, %d events",
		keys, workers, attempts.Load(), elapsed.Round(time.Millisecond), inFlight.Load(), killed, checks, events)
}

// keyedCheck sends key k's dismissal check until it gets a final answer
// (at most a minute), returning the check ids of its 2xx answers and the
// final status (0 when none came).
func (r *rig) keyedCheck(k int, attempts, inFlight *atomic.Int64) ([]string, int) {
	day := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, k)
	body := fmt.Sprintf(`{"employee_id": %q, "action": "termination", "ground": "art40", "effective_date": %q}`,
		r.Emps[k%len(r.Emps)], day.Format(time.DateOnly))
	key := fmt.Sprintf("fault-key-%d", k)
	var ids []string
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		attempts.Add(1)
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		res := r.send(ctx, "POST", "/api/v1/dismissal-checks", body, "Idempotency-Key", key)
		cancel()
		var m struct {
			ID    string `json:"id"`
			Error struct {
				Code string `json:"code"`
			} `json:"error"`
		}
		_ = json.Unmarshal(res.Body, &m)
		switch {
		case res.Err != nil || res.Status >= 500:
		case res.Status == 409 && m.Error.Code == "idempotency_in_flight":
			inFlight.Add(1)
		default:
			if res.Status/100 == 2 {
				ids = append(ids, m.ID)
			}
			if len(ids) == 1 && k%5 == 0 { // a client that lost the answer asks again: a replay
				continue
			}
			return ids, res.Status
		}
		time.Sleep(50 * time.Millisecond)
	}
	return ids, 0
}

// checkOneEffect: key k's effective date has exactly one stored check with
// one event, and every answer for the key named it.
func checkOneEffect(t *testing.T, admin *sqlx.DB, k int, answered []string) {
	t.Helper()
	day := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, k)
	var ids []string
	if err := admin.Select(&ids, `SELECT id::text FROM dismissal_checks WHERE effective_date = $1`, day); err != nil {
		t.Fatal(err)
	}
	if len(ids) != 1 {
		t.Errorf("key %d: %d checks stored; want 1", k, len(ids))
		return
	}
	var events int
	_ = admin.Get(&events, `SELECT count(*) FROM outbox_events WHERE type = 'dismissal_check.completed'
		AND payload->>'check_id' = $1`, ids[0])
	if events != 1 {
		t.Errorf("key %d: check %s has %d events; want 1", k, ids[0], events)
	}
	for _, id := range answered {
		if id != ids[0] {
			t.Errorf("key %d: answered check %s, stored %s", k, id, ids[0])
		}
	}
}

// killBackends terminates every other connection to the database every
// period until ctx ends, returning how many it terminated.
func killBackends(ctx context.Context, admin *sqlx.DB, period time.Duration) int {
	n := 0
	for {
		select {
		case <-ctx.Done():
			return n
		case <-time.After(period):
		}
		var k int
		_ = admin.GetContext(ctx, &k, `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
			WHERE datname = current_database() AND pid <> pg_backend_pid()`)
		n += k
	}
}
