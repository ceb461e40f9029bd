package cases

import (
	"context"

	"leaveguard/store"
)

// TestEventType is the event SendTestEvent queues: it carries no facts and
// asks nothing of the receiver but a 2xx.
const TestEventType = "integration.test"

// SendTestEvent queues an integration.test event through the outbox to
// integration id only (signed and retried like every event), so an admin
// can check the receiving end; audited. It returns the event id (the
// webhook-id the receiver sees).
func (c *Cases) SendTestEvent(ctx context.Context, tenant string, who store.Who, id string) (string, error) {
	var eventID string
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		if err := outboundReady(ctx, tx, tenant, id); err != nil {
			return err
		}
		var err error
		eventID, err = tx.EmitTo(ctx, tenant, id, TestEventType, map[string]any{
			"integration_id": id, "message": "LeaveGuard 测试事件：收到即可，无需处理"})
		if err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "integration.test_event", "integration", id, map[string]any{"event_id": eventID})
	})
	return eventID, err
}
