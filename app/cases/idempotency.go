package cases

import (
	"context"

	"leaveguard/store"
)

// KeyedRequest is a POST running under its Idempotency-Key: the key, every
// effect of the request's use cases and the stored response are one
// transaction (store.RequestTx), so they commit together or not at all.
type KeyedRequest struct {
	req         *store.RequestTx
	tenant, key string
}

// StartKeyed opens the request-wide transaction of tenant and claims key
// with fingerprint fp in it. Claimed false returns the response stored
// under the key (the transaction is already closed). Use cases run under
// the returned context join the transaction. store.ErrKeyInFlight means a
// request with the key still runs after store.IdempotencyWait.
func (c *Cases) StartKeyed(ctx context.Context, tenant, key string, fp []byte) (context.Context, *KeyedRequest, bool, store.IdempotentResponse, error) {
	ctx, req, err := c.Store.BeginRequest(ctx, tenant)
	if err != nil {
		return ctx, nil, false, store.IdempotentResponse{}, err
	}
	claimed, prior, err := req.Tx().ClaimIdempotencyKey(ctx, tenant, key, fp)
	if err != nil || !claimed {
		req.Rollback()
		return ctx, nil, false, prior, err
	}
	return ctx, &KeyedRequest{req: req, tenant: tenant, key: key}, true, prior, nil
}

// Finish stores the response to replay under the key and commits the
// request. An error means nothing was kept (or, if only the commit's
// answer was lost, a retry replays).
func (k *KeyedRequest) Finish(ctx context.Context, r store.IdempotentResponse) error {
	if err := k.req.Tx().FinishIdempotencyKey(ctx, k.tenant, k.key, r); err != nil {
		return err
	}
	return k.req.Commit()
}

// Abandon rolls the request back with its key (a no-op after Finish).
func (k *KeyedRequest) Abandon() { k.req.Rollback() }
