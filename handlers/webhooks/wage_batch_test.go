package webhooks_test

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
)

// TestWageChangesConcurrent: 300 wage.changed deliveries (100 distinct,
// each three times, shuffled, 30 at once) on 100 employees → every answer
// 2xx, each wage applied once, one audited update per distinct webhook.
func TestWageChangesConcurrent(t *testing.T) {
	id, path, secret := integration(t, env.A.Key)
	const n = 100
	for i := 0; i < n; i++ {
		if r := post(t, path, secret, msgID(), upsertBody(fmt.Sprintf("WC-%d", i))); r.Status != 202 {
			t.Fatalf("upsert: %d %s", r.Status, r.Body)
		}
	}
	var order []int
	for i := 0; i < n; i++ {
		order = append(order, i, i, i)
	}
	rand.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	prefix := msgID()
	effective := env.Today.AddDays(-30).String() // applied at once: not a change scheduled for later
	work := make(chan int)
	var mu sync.Mutex
	statuses := map[int]int{}
	var wg sync.WaitGroup
	for w := 0; w < 30; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				body := []byte(fmt.Sprintf(`{"type":"wage.changed","data":{"external_id":"WC-%d","monthly_wage_fen":%d,"effective_date":%q}}`, i, 800000+i, effective))
				r := post(t, path, secret, fmt.Sprintf("%s_%d", prefix, i), body)
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
	if statuses[202] != n || statuses[200] != 2*n {
		t.Fatalf("statuses %v, want 202×%d and 200×%d", statuses, n, 2*n)
	}
	if got := env.Count(t, `SELECT count(*) FROM employees WHERE tenant_id = $1 AND external_id LIKE 'WC-%' AND monthly_wage_fen = 800000 + substr(external_id, 4)::int`, env.A.ID); got != n {
		t.Fatalf("%d wages applied, want %d", got, n)
	}
	if got := env.Count(t, `SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND actor_id = $2 AND action = 'employee.update'`, env.A.ID, id); got != n {
		t.Fatalf("%d audited updates, want %d", got, n)
	}
}
