package integrationtest

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	dto "github.com/prometheus/client_model/go"

	"leaveguard/app"
	"leaveguard/store"
)

// orderedReceiver records the bodies it accepted, in arrival order, and
// refuses (500) the event ids in fail.
type orderedReceiver struct {
	*httptest.Server
	mu   sync.Mutex
	fail map[string]bool
	got  []map[string]any
}

func newOrderedReceiver(t *testing.T) *orderedReceiver {
	rc := &orderedReceiver{fail: map[string]bool{}}
	rc.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rc.mu.Lock()
		defer rc.mu.Unlock()
		if rc.fail[r.Header.Get("webhook-id")] {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		var m map[string]any
		_ = json.Unmarshal(body, &m)
		rc.got = append(rc.got, m)
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(rc.Close)
	return rc
}

func (rc *orderedReceiver) types() []string {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	out := []string{}
	for _, m := range rc.got {
		out = append(out, m["type"].(string))
	}
	return out
}

// TestOutboxOrderPerEmployee: while an employee's first event is being
// retried, her second is not sent (another employee's event is); once the
// first is accepted the second follows. Bodies carry event_id,
// schema_version, occurred_at, employee_id and sequence.
func TestOutboxOrderPerEmployee(t *testing.T) {
	tenant, _ := newTenant(t)
	rc := newOrderedReceiver(t)
	newIntegration(t, tenant, rc.URL)
	her, other := uuid.NewString(), uuid.NewString()
	ctx := context.Background()
	err := env.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		for _, e := range []struct{ typ, emp string }{{"test.first", her}, {"test.second", her}, {"test.other", other}} {
			if err := tx.Emit(ctx, tenant, e.typ, map[string]any{"employee_id": e.emp}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	admin, err := env.DB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var first string
	if err := admin.Get(&first, `SELECT id FROM outbox_events WHERE tenant_id = $1 AND type = 'test.first'`, tenant); err != nil {
		t.Fatal(err)
	}
	rc.mu.Lock()
	rc.fail[first] = true
	rc.mu.Unlock()
	clock := newFakeClock()
	w := worker(300*time.Millisecond, 600*time.Millisecond, time.Second)
	w.Now = clock.Now
	round := func() {
		t.Helper()
		if _, err := w.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	round()
	if got := rc.types(); len(got) != 1 || got[0] != "test.other" {
		t.Fatalf("first round: %v (only the other employee's event may pass)", got)
	}
	clock.Advance(300 * time.Millisecond)
	round()
	if got := rc.types(); len(got) != 1 {
		t.Fatalf("while her first event is retried her second was sent: %v", got)
	}
	rc.mu.Lock()
	rc.fail[first] = false
	rc.mu.Unlock()
	clock.Advance(600 * time.Millisecond)
	round()
	round()
	got := rc.types()
	if len(got) != 3 || got[1] != "test.first" || got[2] != "test.second" {
		t.Fatalf("order: %v", got)
	}
	a, b := rc.got[1], rc.got[2]
	if a["employee_id"] != her || a["sequence"].(float64) != 1 || b["sequence"].(float64) != 2 ||
		a["event_id"] != first || a["schema_version"].(float64) != 1 || a["occurred_at"] == nil || a["data"] == nil {
		t.Fatalf("bodies: %v / %v", a, b)
	}
}

// TestOutboxFailedAlert: an event that uses up its retries ends failed, is
// audited (outbox_event.failed, which the portal shows) and counted on
// /metrics, and ?status=failed on the event log lists its attempts.
func TestOutboxFailedAlert(t *testing.T) {
	tenant, key := newTenant(t)
	rc := newOrderedReceiver(t)
	in := newIntegration(t, tenant, rc.URL)
	emit(t, tenant, "test.doomed", 1, 1)
	admin, err := env.DB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var id string
	if err := admin.Get(&id, `SELECT id FROM outbox_events WHERE tenant_id = $1`, tenant); err != nil {
		t.Fatal(err)
	}
	rc.mu.Lock()
	rc.fail[id] = true
	rc.mu.Unlock()
	before := failedCount(t)
	clock := newFakeClock()
	w := worker(time.Second)
	w.Now = clock.Now
	for range 2 {
		if _, err := w.RunOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
		clock.Advance(time.Second)
	}
	if n := env.Count(t, `SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND action = 'outbox_event.failed' AND object_id = $2`, tenant, id); n != 1 {
		t.Fatalf("%d outbox_event.failed audit rows", n)
	}
	if got := failedCount(t) - before; got != 1 {
		t.Fatalf("failed counter moved by %v", got)
	}
	failed := env.Do(t, "GET", "/api/v1/integrations/"+in.ID+"/events?status=failed", key, nil).JSON(t)["items"].([]any)
	delivered := env.Do(t, "GET", "/api/v1/integrations/"+in.ID+"/events?status=delivered", key, nil).JSON(t)["items"].([]any)
	if len(failed) != 2 || len(delivered) != 0 {
		t.Fatalf("status filter: %d failed, %d delivered attempts", len(failed), len(delivered))
	}
	if r := env.Do(t, "GET", "/api/v1/integrations/"+in.ID+"/events?status=lost", key, nil); r.Status != 400 {
		t.Fatalf("bad status: %d", r.Status)
	}
	// Bulk redelivery of failed events queues it again.
	r := env.Do(t, "POST", "/api/v1/events/redeliver", key, map[string]any{"status": "failed"})
	if r.Status != 202 || num(r.JSON(t)["events"]) != 1 {
		t.Fatalf("redeliver failed: %d %s", r.Status, r.Body)
	}
	if n := env.Count(t, `SELECT count(*) FROM outbox_events WHERE tenant_id = $1 AND status = 'pending'`, tenant); n != 1 {
		t.Fatalf("%d pending after the bulk redelivery", n)
	}
}

// failedCount reads the outbox failure counter.
func failedCount(t *testing.T) float64 {
	t.Helper()
	var m dto.Metric
	if err := app.OutboxFailed.Write(&m); err != nil {
		t.Fatal(err)
	}
	return m.GetCounter().GetValue()
}
