package cases

import (
	"context"
	"errors"
	"testing"
	"time"

	"leaveguard/app/signature"
)

// TestIngestQueueBounded: a tenant's queue holds at most its limit; the next
// webhook is refused with ErrBusy (a 503 with Retry-After), not held.
func TestIngestQueueBounded(t *testing.T) {
	w := NewWebhookIngest(&Cases{})
	w.limit = 2
	w.queues["t1"] = &ingestQueue{drains: ingestDrains} // a drain is busy: nothing is taken off the queue
	for i := range 3 {
		err := w.enqueue("t1", &ingestItem{done: make(chan struct{})})
		if want := i == 2; errors.Is(err, ErrBusy) != want {
			t.Fatalf("webhook %d: %v", i, err)
		}
	}
	if err := w.enqueue("t2", &ingestItem{done: make(chan struct{})}); err != nil {
		t.Fatalf("another tenant's queue is its own: %v", err)
	}
	_ = w.Close()
}

// TestIngestReceiveHonoursContext: a caller that gives up while its webhook
// waits gets ctx's error at once, and the webhook leaves the queue.
func TestIngestReceiveHonoursContext(t *testing.T) {
	w := NewWebhookIngest(&Cases{})
	w.tenants.Store("int-1", "t1")
	w.queues["t1"] = &ingestQueue{drains: ingestDrains}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, _, err := w.Receive(ctx, "int-1", signature.Headers{ID: "msg_1"}, []byte(`{}`), "req", start)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Fatalf("Receive: %v after %s", err, time.Since(start))
	}
	if n := len(w.queues["t1"].items); n != 0 {
		t.Fatalf("%d webhooks left queued", n)
	}
}

// TestIngestCloseJoinsDrains: Close waits for every drain to finish its
// batches (here they fail: there is no database) and then refuses new
// webhooks; no goroutine outlives it.
func TestIngestCloseJoinsDrains(t *testing.T) {
	w := NewWebhookIngest(&Cases{})
	items := make([]*ingestItem, 5)
	for i := range items {
		items[i] = &ingestItem{done: make(chan struct{})}
		if err := w.enqueue("t1", items[i]); err != nil {
			t.Fatal(err)
		}
	}
	_ = w.Close()
	for i, it := range items {
		select {
		case <-it.done:
		default:
			t.Fatalf("webhook %d not done after Close", i)
		}
		if it.err == nil {
			t.Fatalf("webhook %d: a failed batch was acknowledged", i)
		}
	}
	if len(w.queues) != 0 {
		t.Fatalf("queues left after Close: %d", len(w.queues))
	}
	if err := w.enqueue("t1", &ingestItem{done: make(chan struct{})}); !errors.Is(err, ErrBusy) {
		t.Fatalf("after Close: %v", err)
	}
}
