package cases

import (
	"context"

	"leaveguard/store"
)

// PulledEvent is an event as GET /events lists it: the body a webhook
// would carry, with its delivery status and position.
type PulledEvent struct {
	EventEnvelope
	Status string `json:"status"`
	Pos    int64  `json:"-"`
}

// PullEvents lists the tenant's outbound events in commit order, whether
// or not the tenant has an outbound URL (the pull API for vendors that
// cannot receive webhooks). The payroll feed is compared first, so a
// payroll.feed.changed event for a change already made is there.
func (c *Cases) PullEvents(ctx context.Context, tenant string, q store.EventQuery) ([]PulledEvent, error) {
	if err := c.syncFeed(ctx, tenant); err != nil {
		return nil, err
	}
	var rows []store.PulledEvent
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		rows, err = tx.PullEvents(ctx, tenant, q)
		return err
	})
	out := make([]PulledEvent, len(rows))
	for i, r := range rows {
		out[i] = PulledEvent{EventEnvelope: Envelope(r.ID, r.Type, r.CreatedAt, r.EventMeta, r.Payload), Status: r.Status, Pos: r.Pos}
	}
	return out, err
}

// syncFeed compares the published feed lines of every employee whose facts
// changed since, announcing the changes, and then gives the events committed
// so far their positions (in a transaction of its own, so the feed's new
// events are among them).
func (c *Cases) syncFeed(ctx context.Context, tenant string) error {
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		_, err := c.openFeed(ctx, tx, tenant)
		return err
	})
	if err != nil {
		return err
	}
	return c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		_, err := tx.SequenceEvents(ctx, tenant)
		return err
	})
}

// RedeliverEvents queues the matching settled events for delivery again
// (to one integration, or to all when integrationID is ""), at most 10,000
// at a time, audited; it returns how many.
func (c *Cases) RedeliverEvents(ctx context.Context, tenant string, who store.Who, integrationID string, f store.RedeliveryFilter) (int, error) {
	n := 0
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		if integrationID != "" {
			if _, err := tx.Integration(ctx, tenant, integrationID); err != nil {
				return err
			}
		}
		var err error
		if n, err = tx.RedeliverEvents(ctx, tenant, integrationID, f, 10000); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "outbox_event.redeliver_many", "integration", integrationID,
			map[string]any{"status": f.Status, "from": f.From, "to": f.To, "types": f.Types, "events": n})
	})
	return n, err
}
