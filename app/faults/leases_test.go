package faults_test

import (
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
)

// waitLockWaiters waits until n backends wait on a lock (requests in flight).
func waitLockWaiters(t *testing.T, admin *sqlx.DB, n int) {
	t.Helper()
	for i := 0; i < 200; i++ {
		var k int
		if err := admin.Get(&k, `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock'`); err != nil {
			t.Fatal(err)
		}
		if k >= n {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("fewer than %d requests reached the database", n)
}

// checkLeases: after shutdown no pending event is still leased, so another
// instance can deliver at once rather than after the lease expires.
func checkLeases(t *testing.T, admin *sqlx.DB) {
	t.Helper()
	var st struct {
		Leased    int `db:"leased"`
		Pending   int `db:"pending"`
		Delivered int `db:"delivered"`
	}
	err := admin.Get(&st, `SELECT
		count(*) FILTER (WHERE status = 'pending' AND locked_until > now()) AS leased,
		count(*) FILTER (WHERE status = 'pending') AS pending,
		count(*) FILTER (WHERE status = 'delivered') AS delivered FROM outbox_events`)
	if err != nil {
		t.Fatal(err)
	}
	if st.Leased > 0 {
		t.Fatalf("%d pending events still leased after shutdown (%d pending, %d delivered)", st.Leased, st.Pending, st.Delivered)
	}
	t.Logf("after shutdown: %d events delivered, %d pending and free to claim, none leased", st.Delivered, st.Pending)
}
