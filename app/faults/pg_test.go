package faults_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
)

// pgFault breaks the rig's database connections (or the whole server).
type pgFault func(t *testing.T)

// TestPostgresConnectionsKilled (short form): every connection of the
// rig's database is terminated three times under load.
func TestPostgresConnectionsKilled(t *testing.T) {
	r := newRig(t, "redis://127.0.0.1:6379/0", nil)
	admin, err := r.DB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	checkPostgresFault(t, r, func(t *testing.T) {
		for i := 0; i < 3; i++ {
			time.Sleep(400 * time.Millisecond)
			if _, err := admin.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
				WHERE datname = current_database() AND pid <> pg_backend_pid()`); err != nil {
				t.Errorf("terminate backends: %v", err)
			}
		}
	})
}

// checkPostgresFault runs API load and webhook deliveries while fault
// runs, then checks: failures were fast 503s with Retry-After (never a
// 500), the pool recovered, every answered dismissal check has its
// outbox event, and every webhook was processed exactly once.
func checkPostgresFault(t *testing.T, r *rig, fault pgFault) {
	hooks := newHookSender(t, r)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var checks sync.Map // check id → true, for answered (200) checks
	api := make(chan *tally, 1)
	go func() {
		api <- hammer(ctx, 6, func(ctx context.Context, w, i int) response {
			res := r.apiStep(ctx, w, i)
			if res.Status == 200 && i%2 == 1 {
				checks.Store(res.JSON(t)["id"].(string), true)
			}
			return res
		})
	}()
	var hookMu sync.Mutex
	acked, hookRes := map[string]string{}, newTally()
	var wg sync.WaitGroup
	for w := 0; w < 3 && hooks != nil; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ctx.Err() == nil && i < 400; i++ {
				n := w*1000 + i
				id := fmt.Sprintf("msg_fault_%d", n)
				for _, res := range hooks.deliver(ctx, id, hookBody(n), 100) {
					if res.Err != nil && ctx.Err() != nil {
						break // cut off by the end of the test, not by the fault
					}
					hookRes.add(res)
					if res.Status >= 200 && res.Status < 300 {
						hookMu.Lock()
						acked[id] = fmt.Sprintf("%d %.120s", res.Status, res.Body)
						hookMu.Unlock()
					}
				}
				if i%10 == 9 && ctx.Err() == nil { // a sender's retry after a lost 2xx: must not apply twice
					if res := hooks.deliver(ctx, id, hookBody(n), 1); ctx.Err() == nil {
						hookRes.add(res[0])
					}
				}
			}
		}()
	}
	time.Sleep(500 * time.Millisecond)
	fault(t)
	time.Sleep(time.Second)
	cancel()
	wg.Wait()
	load := <-api
	for name, tl := range map[string]*tally{"API": load, "webhooks": hookRes} {
		if tl.count(500, 502)+tl.count(504, 599)+tl.count(0, 0) > 0 || tl.noRetry > 0 {
			for _, l := range strings.Split(r.Logs.String(), "\n") {
				if strings.Contains(l, `"status":500`) {
					t.Log("server log:", l) // the error behind the 500
				}
			}
			t.Errorf("%s during the fault: %s (503 without Retry-After: %d)", name, tl, tl.noRetry)
		}
		if tl.slowest[503] > 3*time.Second {
			t.Errorf("%s: a 503 took %v; want a fast failure", name, tl.slowest[503])
		}
		t.Logf("%s: %s", name, tl)
	}
	after := stretch(t, r, 800*time.Millisecond)
	if after.count(300, 599)+after.count(0, 0) > 0 || after.count(200, 299) == 0 {
		t.Fatalf("pool did not recover: %s", after)
	}
	admin, err := r.DB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	checkOutbox(t, admin, &checks)
	if hooks != nil {
		checkWebhooksOnce(t, admin, acked)
	}
}

// stretch runs the API load for d.
func stretch(t *testing.T, r *rig, d time.Duration) *tally {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	return hammer(ctx, 4, r.apiStep)
}

// checkOutbox: each answered check is stored with its event, and there is
// exactly one event per stored check.
func checkOutbox(t *testing.T, admin *sqlx.DB, checks *sync.Map) {
	answered := 0
	checks.Range(func(k, _ any) bool {
		answered++
		var n int
		if err := admin.Get(&n, `SELECT count(*) FROM outbox_events WHERE type = 'dismissal_check.completed'
			AND payload->>'check_id' = $1`, k); err != nil || n != 1 {
			t.Errorf("check %v: %d outbox events (%v)", k, n, err)
		}
		return true
	})
	var stored, events int
	_ = admin.Get(&stored, `SELECT count(*) FROM dismissal_checks`)
	_ = admin.Get(&events, `SELECT count(*) FROM outbox_events WHERE type = 'dismissal_check.completed'`)
	if stored != events || stored < answered {
		t.Errorf("%d checks stored, %d events, %d answered", stored, events, answered)
	}
	t.Logf("outbox: %d answered checks, %d stored, %d events", answered, stored, events)
}

// checkWebhooksOnce: every acknowledged webhook-id has one delivery, one
// employee and one audited effect.
func checkWebhooksOnce(t *testing.T, admin *sqlx.DB, acked map[string]string) {
	var rows []struct {
		ID         string `db:"webhook_id"`
		Deliveries int    `db:"deliveries"`
		Effects    int    `db:"effects"`
	}
	err := admin.Select(&rows, `SELECT d.webhook_id, count(DISTINCT d.id) AS deliveries,
		(SELECT count(*) FROM audit_log a WHERE a.action = 'employee.create'
			AND a.detail::jsonb->>'webhook_id' = d.webhook_id) AS effects
		FROM webhook_deliveries d WHERE d.status = 'processed' GROUP BY d.webhook_id`)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, x := range rows {
		seen[x.ID] = true
		if x.Deliveries != 1 || x.Effects != 1 {
			t.Errorf("webhook %s: %d deliveries, %d effects; want exactly one", x.ID, x.Deliveries, x.Effects)
		}
	}
	missing := 0
	for id, answer := range acked {
		if !seen[id] {
			if missing++; missing <= 3 {
				var st []string
				_ = admin.Select(&st, `SELECT status || ':' || duplicates FROM webhook_deliveries WHERE webhook_id = $1`, id)
				var emp int
				_ = admin.Get(&emp, `SELECT count(*) FROM employees WHERE external_id = 'W' || lpad(split_part($1, '_', 3), 5, '0')`, id)
				t.Errorf("webhook %s acknowledged (%s) but not processed (deliveries %v, employees %d)", id, answer, st, emp)
			}
		}
	}
	if missing > 3 {
		t.Errorf("... %d acknowledged webhooks not processed in all", missing)
	}
	var emps int
	_ = admin.Get(&emps, `SELECT count(*) FROM employees WHERE external_id LIKE 'W%'`)
	if emps != len(rows) {
		t.Errorf("%d employees from %d processed webhooks", emps, len(rows))
	}
	t.Logf("webhooks: %d acknowledged, %d processed once each", len(acked), len(rows))
}

// TestPostgresRestarted (long form): a private PostgreSQL cluster is
// restarted under load.
func TestPostgresRestarted(t *testing.T) {
	if !long() {
		t.Skip("long form (LEAVEGUARD_FAULTS=long): restarts a private PostgreSQL cluster")
	}
	pg := startPostgres(t)
	t.Setenv("LEAVEGUARD_TEST_ADMIN_URL", pg.AdminURL())
	r := newRig(t, "redis://127.0.0.1:6379/0", nil)
	checkPostgresFault(t, r, func(t *testing.T) {
		start := time.Now()
		if err := pg.ctl("restart", "-m", "fast"); err != nil {
			t.Fatalf("restart: %v", err)
		}
		t.Logf("PostgreSQL restarted in %v", time.Since(start).Round(time.Millisecond))
	})
}
