package integrationtest

import (
	"fmt"
	"testing"
)

// TestIdempotencyReplayNeedsRole: an auditor sending an admin's
// Idempotency-Key and body gets 403, not the admin's stored 201; another
// admin key of the same tenant gets its own answer, not a replay.
func TestIdempotencyReplayNeedsRole(t *testing.T) {
	key := fmt.Sprintf("scope-%d", seq.Add(1))
	body := employee(key)
	if r := env.Do(t, "POST", "/api/v1/employees", env.A.Key, body, "Idempotency-Key", key); r.Status != 201 {
		t.Fatalf("admin create: %d %s", r.Status, r.Body)
	}
	auditor := newKey(t, env.A.ID, "auditor")
	r := env.Do(t, "POST", "/api/v1/employees", auditor, body, "Idempotency-Key", key)
	if r.Status != 403 || r.Header["Idempotent-Replayed"] == "true" {
		t.Fatalf("auditor replaying the admin's key: %d %v %s", r.Status, r.Header, r.Body)
	}
	other := newKey(t, env.A.ID, "admin")
	r = env.Do(t, "POST", "/api/v1/employees", other, body, "Idempotency-Key", key)
	if r.Header["Idempotent-Replayed"] == "true" || r.Status == 201 {
		// the same external_id exists already: a fresh run refuses it (409),
		// and never hands over the first admin's stored 201.
		t.Fatalf("another admin key with the same Idempotency-Key: %d %v %s", r.Status, r.Header, r.Body)
	}
	if r := env.Do(t, "POST", "/api/v1/employees", env.A.Key, body, "Idempotency-Key", key); r.Status != 201 || r.Header["Idempotent-Replayed"] != "true" {
		t.Fatalf("the owner's replay: %d %v", r.Status, r.Header)
	}
}
