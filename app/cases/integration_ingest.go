package cases

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"leaveguard/app/signature"
	"leaveguard/store"
)

// ErrBusy means too much work waits already (or the receiver is shutting
// down): the caller answers 503 with Retry-After and the sender retries.
var ErrBusy = errors.New("cases: too many requests waiting")

// ErrBadSignature means a webhook's Standard Webhooks signature, timestamp
// or headers did not verify against the integration's secrets.
var ErrBadSignature = errors.New("cases: webhook signature does not verify")

// ErrStaleTimestamp means a webhook was signed correctly but its timestamp
// is outside the tolerance (a sender's clock, or a replay): told apart from
// ErrBadSignature only for a sender who holds the secret.
var ErrStaleTimestamp = errors.New("cases: webhook timestamp outside tolerance")

// verifyError names why a webhook did not verify: a stale timestamp when
// the signature verifies at the time it claims, else a bad signature.
func verifyError(secrets []string, h signature.Headers, body []byte, err error) error {
	if errors.Is(err, signature.ErrTimestampOutOfRange) {
		if ts, perr := strconv.ParseInt(h.Timestamp, 10, 64); perr == nil &&
			signature.Verify(secrets, h, body, time.Unix(ts, 0)) == nil {
			return ErrStaleTimestamp
		}
	}
	return ErrBadSignature
}

// maxIngestBatch bounds how many webhooks share one transaction, and
// ingestDrains how many transactions of one tenant run at once. One is
// best: a tenant's batches all take its audit-chain head, so a second drain
// would only wait on the first's lock, while the webhooks that arrive
// meanwhile, left waiting, make the next batch larger (one commit for all
// of them). Measured with make bench: 0.80 of the baseline with one drain,
// 0.64 with two, 0.61 with three.
// maxIngestQueue bounds the webhooks of one tenant waiting for a batch: more
// are refused with ErrBusy rather than held in memory.
const (
	maxIngestBatch = 64
	ingestDrains   = 1
	maxIngestQueue = 1024
)

// WebhookIngest receives the webhooks of every integration. Webhooks of one
// tenant that arrive while its previous batch is being written wait and are
// then verified and applied together in one transaction (one commit, one
// turn of the tenant's audit chain), which is what lets the endpoint keep up
// with a payroll system's bursts. Each webhook still gets all or nothing:
// anything but the plain path (a new or updated employee, a duplicate, a bad
// signature) is applied on its own by ReceiveWebhook, and so is the whole
// batch if its transaction fails.
type WebhookIngest struct {
	c       *Cases
	tenants sync.Map // integration id → tenant id: fixed for an integration's life

	mu     sync.Mutex
	queues map[string]*ingestQueue // per tenant, present while a drain runs
	limit  int                     // webhooks that may wait per tenant
	closed bool                    // Close was called: refuse new webhooks
	drains sync.WaitGroup          // the running drains, joined by Close

	// dismissals bounds concurrent termination proposals: each holds two
	// pooled connections (see terminationProposedEffect).
	dismissals chan struct{}
}

// ingestQueue holds a tenant's waiting webhooks and counts its drains.
type ingestQueue struct {
	items  []*ingestItem
	drains int
}

// NewWebhookIngest returns the webhook receiver over c.
func NewWebhookIngest(c *Cases) *WebhookIngest {
	return &WebhookIngest{c: c, queues: map[string]*ingestQueue{}, limit: maxIngestQueue, dismissals: make(chan struct{}, 4)}
}

// Close refuses new webhooks (ErrBusy) and waits until the drains have
// written every batch already queued. The server calls it on shutdown,
// once no request is in flight.
func (w *WebhookIngest) Close() error {
	w.mu.Lock()
	w.closed = true
	w.mu.Unlock()
	w.drains.Wait()
	return nil
}

// ingestItem is one received webhook and, once done is closed, its fate.
type ingestItem struct {
	integrationID string
	h             signature.Headers
	body          []byte
	now           time.Time
	requestID     string
	done          chan struct{}

	src        WebhookSource // set once verified
	typ        string        // its event type, once parsed
	out        WebhookOutcome
	err        error
	individual bool // verified, to be applied on its own
}

// Receive verifies a webhook on its raw body (before anything parses it)
// against the secrets of integrationID at now, then applies it. It returns
// ErrUnknownIntegration or ErrBadSignature (both a 401 to the sender), an
// *Error for an invalid webhook (logged for the admin), ErrBusy when its
// tenant's queue is full, ctx's error when ctx ends first, or the outcome.
func (w *WebhookIngest) Receive(ctx context.Context, integrationID string, h signature.Headers, body []byte,
	requestID string, now time.Time) (WebhookSource, WebhookOutcome, error) {
	tenant, err := w.tenant(ctx, integrationID)
	if err != nil {
		return WebhookSource{}, WebhookOutcome{}, err
	}
	it := &ingestItem{integrationID: integrationID, h: h, body: bytes.Clone(body), now: now,
		requestID: requestID, done: make(chan struct{})}
	if err := w.enqueue(tenant, it); err != nil {
		return WebhookSource{}, WebhookOutcome{}, err
	}
	select {
	case <-it.done:
	case <-ctx.Done():
		w.withdraw(tenant, it) // unless its batch already runs: then the webhook's dedupe row answers a retry
		return WebhookSource{}, WebhookOutcome{}, ctx.Err()
	}
	if it.individual {
		if it.typ == "employee.termination_proposed" {
			select {
			case w.dismissals <- struct{}{}:
			case <-ctx.Done():
				return it.src, WebhookOutcome{}, ctx.Err()
			}
			defer func() { <-w.dismissals }()
		}
		it.out, it.err = w.c.ReceiveWebhook(ctx, it.src, h.ID, it.body)
	}
	return it.src, it.out, it.err
}

// tenant finds the tenant of an integration through the SECURITY DEFINER
// lookup, remembering it (whether the integration is still active is
// checked in every batch's own transaction).
func (w *WebhookIngest) tenant(ctx context.Context, integrationID string) (string, error) {
	if t, ok := w.tenants.Load(integrationID); ok {
		return t.(string), nil
	}
	tenant, err := w.c.Store.IntegrationTenant(ctx, integrationID)
	if errors.Is(err, store.ErrNotFound) {
		return "", ErrUnknownIntegration
	}
	if err != nil {
		return "", err
	}
	w.tenants.Store(integrationID, tenant)
	return tenant, nil
}

// enqueue adds it to its tenant's queue, starting a drain if fewer than
// ingestDrains run; ErrBusy when the queue is full or the receiver closed.
func (w *WebhookIngest) enqueue(tenant string, it *ingestItem) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	q := w.queues[tenant]
	if w.closed || q != nil && len(q.items) >= w.limit {
		return ErrBusy
	}
	if q == nil {
		q = &ingestQueue{}
		w.queues[tenant] = q
	}
	q.items = append(q.items, it)
	if q.drains < ingestDrains {
		q.drains++
		w.drains.Add(1)
		go w.drain(tenant, q)
	}
	return nil
}

// withdraw takes it out of its tenant's queue if no batch has taken it yet.
func (w *WebhookIngest) withdraw(tenant string, it *ingestItem) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if q := w.queues[tenant]; q != nil {
		for i, x := range q.items {
			if x == it {
				q.items = append(q.items[:i:i], q.items[i+1:]...)
				return
			}
		}
	}
}

// drain applies a tenant's queued webhooks batch by batch until none wait.
func (w *WebhookIngest) drain(tenant string, q *ingestQueue) {
	defer w.drains.Done()
	for {
		w.mu.Lock()
		if len(q.items) == 0 {
			if q.drains--; q.drains == 0 {
				delete(w.queues, tenant)
			}
			w.mu.Unlock()
			return
		}
		n := min(len(q.items), maxIngestBatch)
		batch := q.items[:n:n]
		q.items = q.items[n:]
		w.mu.Unlock()
		w.safeBatch(tenant, batch)
		for _, it := range batch {
			close(it.done)
		}
	}
}

// safeBatch runs a batch; a panic fails its webhooks instead of the process.
func (w *WebhookIngest) safeBatch(tenant string, batch []*ingestItem) {
	defer func() {
		if r := recover(); r != nil {
			for _, it := range batch {
				it.individual, it.err = false, fmt.Errorf("cases: webhook batch panicked: %v", r)
			}
		}
	}()
	w.batch(tenant, batch)
}
