package store

import (
	"context"
	"fmt"
	"time"
)

// DeliveryTrouble is what needs attention in a tenant's payroll
// integrations: outbound events that failed for good or are being retried,
// and inbound webhooks refused as invalid since a given time. Counts stop
// at troubleCap+1 (enough for "1000+").
type DeliveryTrouble struct {
	Failed   int `db:"failed"`
	Retrying int `db:"retrying"`
	Invalid  int `db:"invalid"`
}

const troubleCap = 1000

// DeliveryTrouble counts the tenant's delivery problems.
func (t *Tx) DeliveryTrouble(ctx context.Context, tenant string, since time.Time) (DeliveryTrouble, error) {
	if err := t.check(tenant); err != nil {
		return DeliveryTrouble{}, err
	}
	const q = `
		SELECT
		  (SELECT count(*) FROM (SELECT 1 FROM outbox_events
		     WHERE tenant_id = $1 AND status = 'failed' LIMIT $3) f) AS failed,
		  (SELECT count(*) FROM (SELECT 1 FROM outbox_events
		     WHERE tenant_id = $1 AND status = 'pending' AND attempts > 0 LIMIT $3) r) AS retrying,
		  (SELECT count(*) FROM (SELECT 1 FROM webhook_deliveries
		     WHERE tenant_id = $1 AND status = 'invalid' AND received_at >= $2 LIMIT $3) i) AS invalid`
	var out DeliveryTrouble
	if err := t.tx.GetContext(ctx, &out, q, tenant, since, troubleCap+1); err != nil {
		return DeliveryTrouble{}, fmt.Errorf("store: delivery trouble: %w", mapErr(err))
	}
	return out, nil
}
