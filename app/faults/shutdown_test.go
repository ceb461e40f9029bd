package faults_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"leaveguard/app"
	"leaveguard/store/dbtest"
)

// TestShutdownFinishesInFlight: with 100 requests in flight (held on the
// tenant's audit chain head), a shutdown lets every one of them finish
// with 200, takes no new ones, and the outbox workers release the leases
// of the events they had not started to deliver.
func TestShutdownFinishesInFlight(t *testing.T) { checkShutdown(t, serveInProcess) }

// TestShutdownOnSIGTERM (long form) is the same through the real binary
// and a real SIGTERM.
func TestShutdownOnSIGTERM(t *testing.T) {
	if !long() {
		t.Skip("long form (LEAVEGUARD_FAULTS=long): builds and runs the binary")
	}
	checkShutdown(t, serveBinary)
}

func checkShutdown(t *testing.T, start func(*testing.T, *dbtest.DB) *served) {
	db, err := dbtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := app.CreateTenant(context.Background(), db.App, app.NewTenant{Name: "停机演练单位", Region: "CN-NM-XAM"})
	if err != nil {
		t.Fatal(err)
	}
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		time.Sleep(150 * time.Millisecond) // a slow payroll system: deliveries stay in flight
		w.WriteHeader(http.StatusNoContent)
	}))
	defer recv.Close()
	s := start(t, db)
	r := &rig{DB: db, URL: s.URL, Tenant: res.TenantID, Key: res.APIKey, Client: &http.Client{Timeout: 60 * time.Second}}
	switch got := r.do(t, "POST", "/api/v1/integrations", fmt.Sprintf(`{"name": "慢速工资系统", "outbound_url": %q}`, recv.URL)); got.Status {
	case 201:
	case 404:
		t.Log("no payroll integrations yet: no deliveries in flight at shutdown")
	default:
		t.Fatalf("integration: %d %s", got.Status, got.Body)
	}
	emp := r.employee(t, 0)
	check := fmt.Sprintf(`{"employee_id": %q, "action": "termination", "ground": "art40", "effective_date": "2026-12-01"}`, emp)
	for i := 0; i < 60; i++ { // events for the outbox workers to be busy with
		r.do(t, "POST", "/api/v1/dismissal-checks", check)
	}
	admin, err := db.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	hold, err := admin.Beginx()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := hold.Exec(`SELECT 1 FROM audit_heads WHERE tenant_id = $1 FOR UPDATE`, r.Tenant); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	codes := make(chan int, 100)
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := r.send(context.Background(), "POST", "/api/v1/dismissal-checks", check)
			codes <- res.Status
		}()
	}
	waitLockWaiters(t, admin, 10)
	time.Sleep(300 * time.Millisecond) // the rest are queued for a pool connection
	s.Term()
	time.Sleep(300 * time.Millisecond)
	if res := r.send(context.Background(), "GET", "/healthz", ""); res.Err == nil {
		t.Errorf("a new request was served during shutdown: %d", res.Status)
	}
	_ = hold.Rollback()
	wg.Wait()
	close(codes)
	got := map[int]int{}
	for c := range codes {
		got[c]++
	}
	if got[200] != 100 {
		t.Fatalf("in-flight requests at shutdown: %v; want 100 × 200", got)
	}
	select {
	case err := <-s.Done:
		if err != nil {
			t.Fatalf("serve after shutdown: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not return after shutdown")
	}
	checkLeases(t, admin)
}
