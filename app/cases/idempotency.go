package cases

import (
	"context"
	"errors"

	"leaveguard/store"
)

// ClaimIdempotencyKey claims a POST's idempotency key for the tenant, or
// returns the answer stored under it (claimed false), retrying when the
// holder released the key in between.
func (c *Cases) ClaimIdempotencyKey(ctx context.Context, tenant, key string, fp []byte) (bool, store.IdempotentResponse, error) {
	for try := 0; ; try++ {
		var claimed bool
		var prior store.IdempotentResponse
		err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
			var err error
			claimed, prior, err = tx.ClaimIdempotencyKey(ctx, tenant, key, fp)
			return err
		})
		if errors.Is(err, store.ErrNotFound) && try < 3 {
			continue
		}
		return claimed, prior, err
	}
}

// FinishIdempotencyKey stores the answer to replay under a claimed key.
func (c *Cases) FinishIdempotencyKey(ctx context.Context, tenant, key string, r store.IdempotentResponse) error {
	return c.Store.InTx(ctx, tenant, func(tx *store.Tx) error { return tx.FinishIdempotencyKey(ctx, tenant, key, r) })
}

// ReleaseIdempotencyKey frees a claimed key so that the client may retry.
func (c *Cases) ReleaseIdempotencyKey(ctx context.Context, tenant, key string, fp []byte) error {
	return c.Store.InTx(ctx, tenant, func(tx *store.Tx) error { return tx.ReleaseIdempotencyKey(ctx, tenant, key, fp) })
}
