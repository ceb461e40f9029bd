package cases

import (
	"context"
	"time"

	"leaveguard/store"
)

// DeliveryTrouble counts the tenant's failed or retrying outbound events
// and the inbound webhooks refused as invalid in the last 7 days.
func (c *Cases) DeliveryTrouble(ctx context.Context, tenant string) (store.DeliveryTrouble, error) {
	var out store.DeliveryTrouble
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		out, err = tx.DeliveryTrouble(ctx, tenant, c.Now().Add(-7*24*time.Hour))
		return err
	})
	return out, err
}
