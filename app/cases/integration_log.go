package cases

import (
	"context"

	"leaveguard/store"
)

// IntegrationDeliveries pages the inbound webhook log of an integration,
// invalid and ignored receipts included.
func (c *Cases) IntegrationDeliveries(ctx context.Context, tenant, id string, f store.LogFilter) ([]store.Delivery, error) {
	var out []store.Delivery
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		if _, err := tx.Integration(ctx, tenant, id); err != nil {
			return err
		}
		var err error
		out, err = tx.Deliveries(ctx, tenant, id, f)
		return err
	})
	return out, err
}

// IntegrationAttempts pages the outbound delivery attempts to an integration.
func (c *Cases) IntegrationAttempts(ctx context.Context, tenant, id string, f store.LogFilter) ([]store.Attempt, error) {
	var out []store.Attempt
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		if _, err := tx.Integration(ctx, tenant, id); err != nil {
			return err
		}
		var err error
		out, err = tx.Attempts(ctx, tenant, id, f)
		return err
	})
	return out, err
}

// RedeliverEvent sends an outbound event again to one integration (or, if
// the event is still being retried, retries it now), audited.
func (c *Cases) RedeliverEvent(ctx context.Context, tenant string, who store.Who, id, eventID string) error {
	return c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		if err := outboundReady(ctx, tx, tenant, id); err != nil {
			return err
		}
		if err := tx.RedeliverEvent(ctx, tenant, eventID, id); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "outbox_event.redeliver", "outbox_event", eventID, map[string]any{"integration_id": id})
	})
}

// outboundReady loads integration id (404 for another tenant's) and checks
// that events can be pushed to it: an outbound URL is set and not disabled.
func outboundReady(ctx context.Context, tx *store.Tx, tenant, id string) error {
	in, err := tx.Integration(ctx, tenant, id)
	if err != nil {
		return err
	}
	switch {
	case in.OutboundURL == "":
		return Fail(Unprocessable, "no_outbound_url", "该集成未设置推送地址（outbound_url）")
	case in.OutboundDisabledAt != nil:
		return Fail(Unprocessable, "outbound_disabled", "推送地址曾返回 410 已停用；请先用 PATCH 重新设置 outbound_url")
	}
	return nil
}
