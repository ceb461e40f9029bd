package handlers

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cache"
	"leaveguard/store"
)

// keyCacheTTL bounds how long a revoked key may still work through the cache.
const keyCacheTTL = 60 * time.Second

type cachedKey struct {
	ID   string `json:"id"`
	Role string `json:"role"`
}

// APIKeyAuth authenticates "Authorization: Bearer lg_..." against the key's
// own tenant, caching the result in Redis (PostgreSQL when Redis is down).
func APIKeyAuth(st *store.Store, kc *cache.Cache) fiber.Handler {
	unauth := Fail(fiber.StatusUnauthorized, "unauthenticated", "缺少或无效的 API 密钥（Authorization: Bearer lg_...）")
	return func(c *fiber.Ctx) error {
		key, ok := strings.CutPrefix(c.Get(fiber.HeaderAuthorization), "Bearer ")
		if !ok {
			return unauth
		}
		tenant, err := auth.ParseAPIKey(strings.TrimSpace(key))
		if err != nil {
			return unauth
		}
		k, err := lookupKey(c.UserContext(), st, kc, tenant, auth.HashAPIKey(strings.TrimSpace(key)))
		if errors.Is(err, store.ErrNotFound) {
			return unauth
		}
		if err != nil {
			return err
		}
		SetPrincipal(c, Principal{Tenant: tenant, ActorType: "api_key", ActorID: k.ID, Role: k.Role})
		return c.Next()
	}
}

func lookupKey(ctx context.Context, st *store.Store, kc *cache.Cache, tenant string, hash []byte) (cachedKey, error) {
	ck := "apikey:" + hex.EncodeToString(hash)
	var k cachedKey
	if b, err := kc.Get(ctx, ck); err == nil && json.Unmarshal(b, &k) == nil {
		return k, nil
	}
	err := st.InTx(ctx, tenant, func(tx *store.Tx) error {
		found, err := tx.UseAPIKey(ctx, tenant, hash)
		k = cachedKey{ID: found.ID, Role: found.Role}
		return err
	})
	if err != nil {
		return cachedKey{}, err
	}
	if b, err := json.Marshal(k); err == nil {
		_ = kc.Set(ctx, ck, b, keyCacheTTL)
	}
	return k, nil
}
