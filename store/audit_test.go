package store_test

import (
	"context"
	"sync"
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
	if err != nil || broken != 0 || len(entries) != 5 || entries[0].Seq <= entries[4].Seq {
		t.Fatalf("chain broken at %d, %d entries (newest first), err %v", broken, len(entries), err)
	}

	// Tampering (possible only for a superuser) is detected.
	admin, err := testDB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	third := entries[2].Seq
	if _, err := admin.Exec(`UPDATE audit_log SET actor_id = 'someone-else' WHERE tenant_id = $1 AND seq = $2`, tenant, third); err != nil {
		t.Fatal(err)
	}
	err = st.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		broken, err = tx.VerifyAuditChain(ctx, tenant)
		return err
	})
	if err != nil || broken != third {
		t.Fatalf("tampered entry %d not detected: broken=%d err=%v", third, broken, err)
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

// TestAuditLanes: concurrent transactions of one tenant append to several
// chains (lanes), each of which verifies, and seq orders the whole log.
func TestAuditLanes(t *testing.T) {
	ctx := context.Background()
	tenant := newTenant(t, 0)
	who := store.Who{ActorType: "user", ActorID: "u1"}
	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := st.InTx(ctx, tenant, func(tx *store.Tx) error {
				recs := []store.AuditRecord{{Who: who, Action: "employee.read", ObjectType: "employee", ObjectID: "e1"},
					{Who: who, Action: "employee.read", ObjectType: "employee", ObjectID: "e2"}}
				if i%2 == 0 {
					return tx.AuditMany(ctx, tenant, recs)
				}
				return tx.Audit(ctx, tenant, who, "employee.update", "employee", "e1", nil)
			})
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	var broken int64
	var entries []store.AuditEntry
	err := st.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		if broken, err = tx.VerifyAuditChain(ctx, tenant); err != nil {
			return err
		}
		entries, err = tx.AuditLog(ctx, tenant, store.AuditFilter{Limit: 100})
		return err
	})
	lanes := map[int]bool{}
	for i, e := range entries {
		lanes[e.Lane] = true
		if i > 0 && e.Seq >= entries[i-1].Seq {
			t.Fatalf("entries out of order at %d", i)
		}
	}
	if err != nil || broken != 0 || len(entries) != 60 || len(lanes) < 2 {
		t.Fatalf("broken at %d, %d entries (want 60) in %d lanes, err %v", broken, len(entries), len(lanes), err)
	}
}
