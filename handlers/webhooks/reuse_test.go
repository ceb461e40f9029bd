package webhooks_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestWebhookIDReused: a repeat of a webhook-id with the same body is a
// duplicate answered with the first result; with another body it is a 409
// webhook_id_reused, logged for the admin and warned of (without the body),
// and changes nothing. Both ingest paths: an employee.upserted goes through
// the batch, an unknown type through ReceiveWebhook.
func TestWebhookIDReused(t *testing.T) {
	id, path, secret := integration(t, env.A.Key)
	for _, c := range []struct {
		name        string
		first, next []byte
	}{
		{"batch", upsertBody("REUSE-1"), upsertBody("REUSE-2")},
		{"single", []byte(`{"type":"payslip.issued","data":{"x":1}}`), []byte(`{"type":"payslip.issued","data":{"x":2}}`)},
	} {
		mid := msgID()
		first := post(t, path, secret, mid, c.first)
		if first.Status != 202 {
			t.Fatalf("%s: first: %d %s", c.name, first.Status, first.Body)
		}
		again := post(t, path, secret, mid, c.first)
		if again.Status != 200 || again.JSON(t)["status"] != "duplicate" ||
			fmt.Sprint(again.JSON(t)["result"]) != fmt.Sprint(first.JSON(t)["result"]) {
			t.Fatalf("%s: true duplicate: %d %s", c.name, again.Status, again.Body)
		}
		reused := post(t, path, secret, mid, c.next)
		if reused.Status != 409 || reused.Code() != "webhook_id_reused" {
			t.Fatalf("%s: reused id: %d %s", c.name, reused.Status, reused.Body)
		}
		if n := env.Count(t, `SELECT duplicates FROM webhook_deliveries WHERE integration_id = $1 AND webhook_id = $2 AND status <> 'invalid'`, id, mid); n != 1 {
			t.Errorf("%s: duplicates counted %d, want 1 (the reuse is not a duplicate)", c.name, n)
		}
		if n := env.Count(t, `SELECT count(*) FROM webhook_deliveries WHERE integration_id = $1 AND webhook_id = $2 AND status = 'invalid' AND errors->>'code' = 'webhook_id_reused'`, id, mid); n != 1 {
			t.Errorf("%s: reuse logged %d times in the delivery log, want 1", c.name, n)
		}
		if !strings.Contains(env.Logs.String(), `"webhook_id":"`+mid+`"`) {
			t.Errorf("%s: no warning logged for the reused webhook-id", c.name)
		}
	}
	if n := env.Count(t, `SELECT count(*) FROM employees WHERE tenant_id = $1 AND external_id = 'REUSE-2'`, env.A.ID); n != 0 {
		t.Fatalf("the reused webhook-id's body was applied")
	}
	for _, line := range strings.Split(env.Logs.String(), "\n") {
		if strings.Contains(line, "reused") && (strings.Contains(line, "REUSE") || strings.Contains(line, "乌兰")) {
			t.Fatalf("the warning holds body content: %s", line)
		}
	}
}

// TestWebhookIDReusedInOneBatch: the same webhook-id sent at once with two
// different bodies, several times each: exactly one body is applied, its
// repeats are duplicates, every receipt of the other body is refused.
func TestWebhookIDReusedInOneBatch(t *testing.T) {
	_, path, secret := integration(t, env.A.Key)
	mid := msgID()
	bodies := [][]byte{upsertBody("REUSE-B1"), upsertBody("REUSE-B2")}
	var mu sync.Mutex
	statuses := map[int]map[int]int{0: {}, 1: {}}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(b int) {
			defer wg.Done()
			r := post(t, path, secret, mid, bodies[b])
			mu.Lock()
			statuses[b][r.Status]++
			mu.Unlock()
		}(i % 2)
	}
	wg.Wait()
	won := 0
	if statuses[1][202] == 1 {
		won = 1
	}
	lost := 1 - won
	if statuses[won][202] != 1 || statuses[won][200] != 3 || statuses[lost][409] != 4 {
		t.Fatalf("statuses by body %v, want one body 202×1 200×3 and the other 409×4", statuses)
	}
	applied := env.Count(t, `SELECT count(*) FROM employees WHERE tenant_id = $1 AND external_id IN ('REUSE-B1', 'REUSE-B2')`, env.A.ID)
	if applied != 1 {
		t.Fatalf("%d employees applied, want 1", applied)
	}
}
