package webhooks_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"leaveguard/store"
)

// TestDedupe10000: 1,000 distinct webhook-ids each delivered 10 times,
// shuffled, 50 at once → exactly 1,000 stored deliveries and 1,000
// employees, every response 2xx (202 once per id, 200 for the repeats).
func TestDedupe10000(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 deliveries")
	}
	id, path, secret := integration(t, env.A.Key)
	const distinct, repeats, workers = 1000, 10, 50
	bodies := make([][]byte, distinct)
	for i := range bodies {
		bodies[i] = upsertBody(fmt.Sprintf("DEDUPE-%04d", i))
	}
	order := make([]int, 0, distinct*repeats)
	for i := 0; i < distinct; i++ {
		for j := 0; j < repeats; j++ {
			order = append(order, i)
		}
	}
	rand.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	work := make(chan int)
	var mu sync.Mutex
	statuses := map[int]int{}
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				r := post(t, path, secret, fmt.Sprintf("msg_dedupe_%04d", i), bodies[i])
				mu.Lock()
				statuses[r.Status]++
				mu.Unlock()
			}
		}()
	}
	for _, i := range order {
		work <- i
	}
	close(work)
	wg.Wait()
	elapsed := time.Since(start)
	deliveries := env.Count(t, `SELECT count(*) FROM webhook_deliveries WHERE integration_id = $1 AND status = 'processed'`, id)
	repeatsSeen := env.Count(t, `SELECT coalesce(sum(duplicates), 0) FROM webhook_deliveries WHERE integration_id = $1`, id)
	employees := env.Count(t, `SELECT count(*) FROM employees WHERE tenant_id = $1 AND external_id LIKE 'DEDUPE-%'`, env.A.ID)
	audits := env.Count(t, `SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND actor_type = 'webhook' AND actor_id = $2 AND action = 'employee.create'`, env.A.ID, id)
	t.Logf("%d deliveries in %s (%.0f/s): statuses %v; stored %d, duplicates counted %d, employees %d, audited creates %d",
		len(order), elapsed.Round(time.Millisecond), float64(len(order))/elapsed.Seconds(), statuses, deliveries, repeatsSeen, employees, audits)
	if statuses[202] != distinct || statuses[200] != distinct*(repeats-1) || len(statuses) != 2 {
		for _, line := range strings.Split(env.Logs.String(), "\n") {
			if strings.Contains(line, "request failed") {
				t.Log(line)
			}
		}
		t.Errorf("statuses %v, want 202×%d and 200×%d", statuses, distinct, distinct*(repeats-1))
	}
	if deliveries != distinct || employees != distinct || audits != distinct || repeatsSeen != distinct*(repeats-1) {
		t.Errorf("stored %d, employees %d, audits %d, duplicates %d; want %d, %d, %d, %d",
			deliveries, employees, audits, repeatsSeen, distinct, distinct, distinct, distinct*(repeats-1))
	}
	var broken int64
	err := env.Store.ReadTx(context.Background(), env.A.ID, func(tx *store.Tx) error {
		var err error
		broken, err = tx.VerifyAuditChain(context.Background(), env.A.ID)
		return err
	})
	if err != nil || broken != 0 {
		t.Fatalf("audit chain broken at seq %d (%v)", broken, err)
	}
}
