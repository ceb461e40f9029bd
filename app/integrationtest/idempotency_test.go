package integrationtest

import (
	"fmt"
	"sync"
	"testing"
)

func employee(ext string) map[string]any {
	return map[string]any{"external_id": ext, "name": "乌兰", "gender": "female", "national_id": nationalID(),
		"hired_on": "2020-03-01", "contract_end": "2027-02-28", "monthly_wage_fen": 720000, "maternity_insured": true}
}

// TestIdempotency50Concurrent: 50 concurrent POSTs with one key → exactly
// one employee, no 5xx; the others get the stored 201 replayed or 409 while
// the first runs. Then a replay, a reuse with another body, and tenancy.
func TestIdempotency50Concurrent(t *testing.T) {
	key := fmt.Sprintf("key-%d", seq.Add(1))
	body := employee(key)
	statuses := map[int]int{}
	replayed := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := env.Do(t, "POST", "/api/v1/employees", env.A.Key, body, "Idempotency-Key", key)
			mu.Lock()
			defer mu.Unlock()
			statuses[r.Status]++
			if r.Header["Idempotent-Replayed"] == "true" {
				replayed++
			}
		}()
	}
	wg.Wait()
	n := env.Count(t, `SELECT count(*) FROM employees WHERE tenant_id = $1 AND external_id = $2`, env.A.ID, key)
	t.Logf("50 concurrent POSTs, one key: statuses %v (%d replayed), %d employee(s)", statuses, replayed, n)
	if n != 1 || statuses[201] < 1 || statuses[201]+statuses[409] != 50 || statuses[201]-1 != replayed {
		t.Fatalf("statuses %v, replayed %d, employees %d", statuses, replayed, n)
	}
	r := env.Do(t, "POST", "/api/v1/employees", env.A.Key, body, "Idempotency-Key", key)
	if r.Status != 201 || r.Header["Idempotent-Replayed"] != "true" {
		t.Fatalf("replay: %d %v", r.Status, r.Header)
	}
	other := employee(key)
	if r := env.Do(t, "POST", "/api/v1/employees", env.A.Key, other, "Idempotency-Key", key); r.Status != 422 || r.Code() != "idempotency_key_reused" {
		t.Fatalf("reuse with another body: %d %s", r.Status, r.Body)
	}
	if r := env.Do(t, "POST", "/api/v1/employees", env.B.Key, body, "Idempotency-Key", key); r.Status != 201 || r.Header["Idempotent-Replayed"] == "true" {
		t.Fatalf("same key in another tenant: %d %s", r.Status, r.Body)
	}
	// A refused request (4xx) is stored and replayed too.
	bad := map[string]any{"name": "x"}
	first := env.Do(t, "POST", "/api/v1/employees", env.A.Key, bad, "Idempotency-Key", key+"-bad")
	again := env.Do(t, "POST", "/api/v1/employees", env.A.Key, bad, "Idempotency-Key", key+"-bad")
	if first.Status != 400 || again.Status != 400 || again.Header["Idempotent-Replayed"] != "true" || string(first.Body) != string(again.Body) {
		t.Fatalf("4xx replay: %d / %d %v", first.Status, again.Status, again.Header)
	}
	for _, k := range []string{string(make([]byte, 201)), "bad\x01key"} {
		if r := env.Do(t, "POST", "/api/v1/employees", env.A.Key, employee("k"), "Idempotency-Key", k); r.Status != 400 {
			t.Fatalf("malformed key: %d %s", r.Status, r.Body)
		}
	}
}

// TestIdempotencyPurge: keys older than 24 h are purged across tenants.
func TestIdempotencyPurge(t *testing.T) {
	key := fmt.Sprintf("old-%d", seq.Add(1))
	if r := env.Do(t, "POST", "/api/v1/employees", env.B.Key, employee(key), "Idempotency-Key", key); r.Status != 201 {
		t.Fatalf("create: %d %s", r.Status, r.Body)
	}
	admin, err := env.DB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	admin.MustExec(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key LIKE '%:' || $1`, key)
	n, err := env.Store.PurgeIdempotencyKeys(t.Context())
	if err != nil || n < 1 || env.Count(t, `SELECT count(*) FROM idempotency_keys WHERE key LIKE '%:' || $1`, key) != 0 {
		t.Fatalf("purged %d, %v", n, err)
	}
}

// TestIdempotencyNeverStoresSecrets: a repeated create of an integration
// replays the integration without its secret, and no secret is stored.
func TestIdempotencyNeverStoresSecrets(t *testing.T) {
	key := fmt.Sprintf("integ-%d", seq.Add(1))
	body := map[string]any{"name": "工资系统"}
	first := env.Do(t, "POST", "/api/v1/integrations", env.A.Key, body, "Idempotency-Key", key)
	again := env.Do(t, "POST", "/api/v1/integrations", env.A.Key, body, "Idempotency-Key", key)
	if first.Status != 201 || first.JSON(t)["secret"] == nil {
		t.Fatalf("create: %d %s", first.Status, first.Body)
	}
	if again.Status != 201 || again.Header["Idempotent-Replayed"] != "true" || again.JSON(t)["id"] != first.JSON(t)["id"] || again.JSON(t)["secret"] != nil {
		t.Fatalf("replay: %d %s", again.Status, again.Body)
	}
	if n := env.Count(t, `SELECT count(*) FROM idempotency_keys WHERE position('whsec_' in convert_from(response_body, 'UTF8')) > 0`); n != 0 {
		t.Fatalf("%d stored responses hold a secret", n)
	}
}
