package store_test

import (
	"context"
	"errors"
	"testing"

	"leaveguard/store"
)

// TestRequestTx: under a request's transaction the steps see each other's
// writes, a failing step is undone alone, and nothing is kept until the
// request commits (a rollback keeps nothing).
func TestRequestTx(t *testing.T) {
	ctx := context.Background()
	tenant := newTenant(t, 0)
	who := store.Who{ActorType: "user", ActorID: "u1"}
	audit := func(ctx context.Context, object string) error {
		return st.InTx(ctx, tenant, func(tx *store.Tx) error {
			return tx.Audit(ctx, tenant, who, "employee.read", "employee", object, nil)
		})
	}
	count := func(ctx context.Context, object string) int {
		var n int
		err := st.ReadTx(ctx, tenant, func(tx *store.Tx) error {
			rows, err := tx.AuditLog(ctx, tenant, store.AuditFilter{ObjectType: "employee", ObjectID: object, Limit: 10})
			n = len(rows)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	failed := errors.New("step failed")
	for _, commit := range []bool{false, true} {
		object := "rollback"
		if commit {
			object = "commit"
		}
		rctx, req, err := st.BeginRequest(ctx, tenant)
		if err != nil {
			t.Fatal(err)
		}
		if err := audit(rctx, object); err != nil {
			t.Fatal(err)
		}
		err = st.InTx(rctx, tenant, func(tx *store.Tx) error {
			if err := tx.Audit(rctx, tenant, who, "employee.read", "employee", object, nil); err != nil {
				return err
			}
			return failed
		})
		if !errors.Is(err, failed) {
			t.Fatalf("failing step: %v", err)
		}
		if n := count(rctx, object); n != 1 {
			t.Fatalf("inside the request: %d rows; want the first step's only", n)
		}
		if n := count(ctx, object); n != 0 {
			t.Fatalf("outside the request before its end: %d rows", n)
		}
		if commit {
			if err := req.Commit(); err != nil {
				t.Fatal(err)
			}
		} else {
			req.Rollback()
		}
		want := map[bool]int{false: 0, true: 1}[commit]
		if n := count(ctx, object); n != want {
			t.Fatalf("after the request (commit %v): %d rows, want %d", commit, n, want)
		}
		if err := audit(rctx, object+"-after"); err != nil { // a closed request no longer captures its context
			t.Fatal(err)
		}
	}
}
