// Package integrationtest tests payroll integration end to end over a real
// PostgreSQL: the outbox delivery worker, SSRF refusal, the idempotent API
// and the integration routes' tenant isolation.
package integrationtest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"leaveguard/app"
	"leaveguard/app/apptest"
	"leaveguard/app/cases"
	"leaveguard/app/netguard"
	"leaveguard/app/pii"
	"leaveguard/store"
)

var env *apptest.Env

func TestMain(m *testing.M) {
	var err error
	env, err = apptest.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, "integration tests need PostgreSQL and Redis (make test starts them):", err)
		os.Exit(1)
	}
	code := m.Run()
	env.Close()
	os.Exit(code)
}

var seq atomic.Int64

// loopbackCases are the use cases with the test-only loopback setting, so
// integrations may point at an httptest receiver.
func loopbackCases() *cases.Cases {
	cs := env.Cases()
	cs.Loopback = true
	return cs
}

// newTenant creates a tenant of its own (so other tests' events stay out)
// and returns its id and admin key.
func newTenant(t testing.TB) (string, string) {
	t.Helper()
	n := seq.Add(1)
	res, err := app.CreateTenant(context.Background(), env.DB.App, app.NewTenant{Name: fmt.Sprintf("推送测试%d", n), Region: "CN-NM-XAM"})
	if err != nil {
		t.Fatal(err)
	}
	return res.TenantID, res.APIKey
}

// newIntegration connects tenant to url and returns the integration.
func newIntegration(t testing.TB, tenant, url string) cases.NewIntegration {
	t.Helper()
	name := "工资系统"
	in, err := loopbackCases().CreateIntegration(context.Background(), tenant, store.Who{ActorType: "system", ActorID: "test"},
		cases.IntegrationInput{Name: &name, OutboundURL: &url})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// worker is a delivery worker for tests: loopback allowed, a short retry
// schedule, a short lease.
func worker(schedule ...time.Duration) *app.OutboxWorker {
	if len(schedule) == 0 {
		schedule = []time.Duration{50 * time.Millisecond, 50 * time.Millisecond}
	}
	return &app.OutboxWorker{Store: env.Store, Cases: loopbackCases(), Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Client: netguard.Client(true, 5*time.Second), Schedule: schedule, Batch: 100, Lease: 30 * time.Second,
		Parallel: 8, Idle: 10 * time.Millisecond, Now: time.Now}
}

// emit commits n events of typ for tenant, perTx to a transaction.
func emit(t testing.TB, tenant, typ string, n, perTx int) {
	t.Helper()
	ctx := context.Background()
	for done := 0; done < n; done += perTx {
		err := env.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
			for i := done; i < min(done+perTx, n); i++ {
				if err := tx.Emit(ctx, tenant, typ, map[string]any{"seq": i}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// nationalID returns a valid ID number not used before in this package.
func nationalID() string {
	n := int(seq.Add(1))
	return pii.MakeNationalID("152201", fmt.Sprintf("1985%02d%02d", n/1000%12+1, n/12000%28+1), n%1000)
}
