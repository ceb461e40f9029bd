package store_test

import (
	"context"
	"testing"

	"leaveguard/store"
)

func TestAuditChain(t *testing.T) {
	ctx := context.Background()
	tenant := newTenant(t, 0)
	who := store.Who{ActorType: "user", ActorID: "u1", RequestID: "r1"}
	for i := 0; i < 5; i++ {
		err := st.InTx(ctx, tenant, func(tx *store.Tx) error {
			return tx.Audit(ctx, tenant, who, "employee.read", "employee", "e1", map[string]any{"fields": []string{"name"}})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	var broken int64
	var entries []store.AuditEntry
	err := st.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		if broken, err = tx.VerifyAuditChain(ctx, tenant); err != nil {
			return err
		}
		entries, err = tx.AuditLog(ctx, tenant, store.AuditFilter{ObjectType: "employee", Limit: 10})
		return err
	})
	if err != nil || broken != 0 || len(entries) != 5 || entries[0].Seq != 5 {
		t.Fatalf("chain broken at %d, %d entries, err %v", broken, len(entries), err)
	}

	// Tampering (possible only for a superuser) is detected.
	admin, err := testDB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`UPDATE audit_log SET actor_id = 'someone-else' WHERE tenant_id = $1 AND seq = 3`, tenant); err != nil {
		t.Fatal(err)
	}
	err = st.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		broken, err = tx.VerifyAuditChain(ctx, tenant)
		return err
	})
	if err != nil || broken != 3 {
		t.Fatalf("tampered entry 3 not detected: broken=%d err=%v", broken, err)
	}
}

func TestTenantMismatch(t *testing.T) {
	ctx := context.Background()
	a, b := newTenant(t, 1), newTenant(t, 0)
	err := st.ReadTx(ctx, a, func(tx *store.Tx) error {
		_, err := tx.Employees(ctx, b, store.EmployeeFilter{Limit: 10})
		return err
	})
	if err != store.ErrTenantMismatch {
		t.Fatalf("got %v, want ErrTenantMismatch", err)
	}
}
