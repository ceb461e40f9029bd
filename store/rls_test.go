package store_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"leaveguard/store"
)

// TestCatalogRLS proves every table with tenant_id has row-level security
// enabled and forced with a policy, every unique index leads with
// tenant_id, and the application role owns nothing.
func TestCatalogRLS(t *testing.T) {
	admin, err := testDB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var violations []string
	var tables []struct {
		Name     string `db:"relname"`
		RLS      bool   `db:"relrowsecurity"`
		Forced   bool   `db:"relforcerowsecurity"`
		Policies int    `db:"policies"`
	}
	const q = `
		SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
			(SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'public' AND c.relkind = 'r'
		  AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id')
		       OR c.relname = 'tenants')`
	if err := admin.Select(&tables, q); err != nil {
		t.Fatal(err)
	}
	if len(tables) < 5 {
		t.Fatalf("only %d tenant tables found", len(tables))
	}
	for _, tb := range tables {
		if !tb.RLS || !tb.Forced || tb.Policies == 0 {
			violations = append(violations, fmt.Sprintf("%s: rls=%v forced=%v policies=%d", tb.Name, tb.RLS, tb.Forced, tb.Policies))
		}
	}
	var idx []struct {
		Table string `db:"tbl"`
		Index string `db:"idx"`
		First string `db:"first_col"`
	}
	const qi = `
		SELECT t.relname AS tbl, i.relname AS idx, COALESCE(a.attname, '(expression)') AS first_col
		FROM pg_index x
		JOIN pg_class i ON i.oid = x.indexrelid
		JOIN pg_class t ON t.oid = x.indrelid
		JOIN pg_namespace n ON n.oid = t.relnamespace
		LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
		WHERE n.nspname = 'public' AND x.indisunique
		  AND EXISTS (SELECT 1 FROM pg_attribute b WHERE b.attrelid = t.oid AND b.attname = 'tenant_id')`
	if err := admin.Select(&idx, qi); err != nil {
		t.Fatal(err)
	}
	for _, i := range idx {
		if i.First != "tenant_id" {
			violations = append(violations, fmt.Sprintf("unique index %s on %s leads with %s", i.Index, i.Table, i.First))
		}
	}
	var owned []string
	if err := admin.Select(&owned, `SELECT tablename FROM pg_tables WHERE schemaname='public' AND tableowner IN ('leaveguard','leaveguard_app')`); err != nil {
		t.Fatal(err)
	}
	for _, o := range owned {
		violations = append(violations, "app role owns "+o)
	}
	var fks []string
	const qf = `
		SELECT conname FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
		WHERE c.contype = 'f' AND a.attname <> 'tenant_id' AND c.connamespace = 'public'::regnamespace`
	if err := admin.Select(&fks, qf); err != nil {
		t.Fatal(err)
	}
	for _, f := range fks {
		violations = append(violations, "foreign key does not lead with tenant_id: "+f)
	}
	if len(violations) > 0 {
		t.Fatalf("%d violations:\n%s", len(violations), strings.Join(violations, "\n"))
	}
}

// TestRLSWithoutTenant proves a transaction with no tenant set sees nothing.
func TestRLSWithoutTenant(t *testing.T) {
	newTenant(t, 2)
	var n int
	if err := testDB.App.Get(&n, `SELECT count(*) FROM employees`); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("no tenant set, yet %d employees visible", n)
	}
	if _, err := testDB.App.Exec(`UPDATE audit_log SET action = 'x'`); err == nil {
		t.Fatal("app role may UPDATE the audit log")
	}
	if _, err := testDB.App.Exec(`DELETE FROM audit_log`); err == nil {
		t.Fatal("app role may DELETE from the audit log")
	}
}

// TestPoolIsolation runs 10,000 alternating-tenant transactions over a
// 5-connection pool: none may see a row of the other tenant.
func TestPoolIsolation(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	a, b := newTenant(t, 3), newTenant(t, 4)
	testDB.App.SetMaxOpenConns(5)
	defer testDB.App.SetMaxOpenConns(20)
	ctx := context.Background()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var leaks, failures int
	work := make(chan int)
	for w := 0; w < 10; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				tenant := a
				if i%2 == 1 {
					tenant = b
				}
				var rows []string
				err := st.ReadTx(ctx, tenant, func(tx *store.Tx) error {
					return store.TxSelectTenants(ctx, tx, tenant, &rows)
				})
				mu.Lock()
				if err != nil {
					failures++
				}
				for _, r := range rows {
					if r != tenant {
						leaks++
					}
				}
				mu.Unlock()
			}
		}()
	}
	for i := 0; i < 10000; i++ {
		work <- i
	}
	close(work)
	wg.Wait()
	if leaks != 0 || failures != 0 {
		t.Fatalf("cross-tenant rows: %d, failed transactions: %d", leaks, failures)
	}
	// Outside any transaction the pooled connections carry no tenant.
	var n int
	if err := testDB.App.Get(&n, `SELECT count(*) FROM employees`); err != nil || n != 0 {
		t.Fatalf("pooled connection leaked a tenant: %d rows, %v", n, err)
	}
}
