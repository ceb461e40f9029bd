package app_test

import (
	"context"
	"testing"

	"leaveguard/app/auth"
	"leaveguard/store"
)

// newKey adds an API key with role to tenant and returns it.
func newKey(t *testing.T, tenant, role string) string {
	t.Helper()
	key, hash, err := auth.NewAPIKey(tenant)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	err = env.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		_, err := tx.CreateAPIKey(ctx, tenant, role+" key", role, hash)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return key
}
