package webhooks_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// protectedMother creates, by webhook, an employee who then reports a
// pregnancy (2026-03-01) and gives birth (2026-10-01): protected until
// 2027-09-30. It returns her external id and employee id.
func protectedMother(t *testing.T, path, secret string) (string, string) {
	t.Helper()
	ext := fmt.Sprintf("MOM-%d", seq.Add(1))
	r := post(t, path, secret, msgID(), upsertBody(ext))
	id, _ := r.JSON(t)["result"].(map[string]any)["employee_id"].(string)
	if r.Status != 202 || id == "" {
		t.Fatalf("upsert: %d %s", r.Status, r.Body)
	}
	env.ProtectedMother(t, env.A.Key, id)
	return ext, id
}

// TestWageCutRefusedByWebhook: a cut during the protected period is not
// applied, is recorded as a violation attempt (stored, audited) and is
// reported; a repeat of the webhook records nothing more.
func TestWageCutRefusedByWebhook(t *testing.T) {
	env.SetToday(t, "2026-11-28") // the story: a cut from 2026-12-01 announced before that day
	id, path, secret := integration(t, env.A.Key)
	ext, emp := protectedMother(t, path, secret)
	body := []byte(fmt.Sprintf(`{"type":"wage.changed","data":{"external_id":%q,"monthly_wage_fen":500000,"effective_date":"2026-12-01"}}`, ext))
	mid := msgID()
	r := post(t, path, secret, mid, body)
	res, _ := r.JSON(t)["result"].(map[string]any)
	refusal, _ := res["refusal"].(map[string]any)
	if r.Status != 202 || res["applied"] != false || refusal["code"] != "wage_reduction_prohibited" {
		t.Fatalf("cut: %d %s", r.Status, r.Body)
	}
	if dup := post(t, path, secret, mid, body); dup.Status != 200 || !strings.Contains(string(dup.Body), "wage_reduction_prohibited") {
		t.Fatalf("repeat: %d %s", dup.Status, dup.Body)
	}
	if n := env.Count(t, `SELECT count(*) FROM employees WHERE id = $1 AND monthly_wage_fen = 720000`, emp); n != 1 {
		t.Fatal("the cut was applied")
	}
	if n := env.Count(t, `SELECT count(*) FROM wage_violation_attempts WHERE employee_id = $1 AND NOT overridden`, emp); n != 1 {
		t.Fatalf("%d violation attempts recorded, want 1", n)
	}
	if n := env.Count(t, `SELECT count(*) FROM audit_log WHERE object_id = $1 AND action = 'wage_reduction.refused' AND actor_type = 'webhook' AND actor_id = $2`, emp, id); n != 1 {
		t.Fatalf("%d refusal audits, want 1", n)
	}
	raise := []byte(fmt.Sprintf(`{"type":"wage.changed","data":{"external_id":%q,"monthly_wage_fen":760000,"effective_date":"2026-11-01"}}`, ext))
	if r := post(t, path, secret, msgID(), raise); r.Status != 202 || !strings.Contains(string(r.Body), `"applied":true`) {
		t.Fatalf("raise: %d %s", r.Status, r.Body)
	}
}

// TestTerminationProposed: the dismissal check runs once, its verdict comes
// back in the response (and to repeats, even concurrent ones), and
// dismissal_check.completed is emitted once.
func TestTerminationProposed(t *testing.T) {
	env.SetToday(t, "2026-11-28") // the story: a termination from 2026-12-01 proposed before that day
	_, path, secret := integration(t, env.A.Key)
	ext, emp := protectedMother(t, path, secret)
	body := []byte(fmt.Sprintf(`{"type":"employee.termination_proposed","data":{"external_id":%q,"ground":"art40","effective_date":"2026-12-01"}}`, ext))
	mid := msgID()
	var mu sync.Mutex
	statuses := map[int]int{}
	verdicts := map[string]int{}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := post(t, path, secret, mid, body)
			res, _ := r.JSON(t)["result"].(map[string]any)
			mu.Lock()
			defer mu.Unlock()
			statuses[r.Status]++
			v, _ := res["verdict"].(string)
			verdicts[v]++
		}()
	}
	wg.Wait()
	if statuses[202] != 1 || statuses[200] != 9 || verdicts["prohibited"] != 10 {
		t.Fatalf("statuses %v, verdicts %v", statuses, verdicts)
	}
	if n := env.Count(t, `SELECT count(*) FROM dismissal_checks WHERE employee_id = $1`, emp); n != 1 {
		t.Fatalf("%d checks stored, want 1", n)
	}
	if n := env.Count(t, `SELECT count(*) FROM outbox_events WHERE tenant_id = $1 AND type = 'dismissal_check.completed' AND payload->>'employee_id' = $2`, env.A.ID, emp); n != 1 {
		t.Fatalf("%d dismissal_check.completed events, want 1", n)
	}
	bad := []byte(`{"type":"employee.termination_proposed","data":{"external_id":"NOBODY","ground":"art40","effective_date":"2026-12-01"}}`)
	if r := post(t, path, secret, msgID(), bad); r.Status != 400 || !strings.Contains(string(r.Body), "data.external_id") {
		t.Fatalf("unknown employee: %d %s", r.Status, r.Body)
	}
}
