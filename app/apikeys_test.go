package app_test

import (
	"strings"
	"testing"
	"time"
)

// TestAPIKeyManagement: an admin creates a key (shown once), lists keys
// (never a key), revokes one; the revoked key answers 401 on every route
// within 2 seconds even though it was just cached; other roles get 403;
// another tenant's key is 404; every change is audited.
func TestAPIKeyManagement(t *testing.T) {
	tn := freshTenant(t)
	r := env.Do(t, "POST", "/api/v1/api-keys", tn.Key, map[string]any{"name": "工资系统只读", "role": "auditor"}, "Idempotency-Key", "mk-1")
	if r.Status != 201 {
		t.Fatalf("create: %d %s", r.Status, r.Body)
	}
	made := r.JSON(t)
	key, id, prefix := made["key"].(string), made["id"].(string), made["prefix"].(string)
	if !strings.HasPrefix(key, "lg_") || len(prefix) != 8 || !strings.Contains(key, "_"+prefix) || made["role"] != "auditor" {
		t.Fatalf("created: %s", r.Body)
	}
	if again := env.Do(t, "POST", "/api/v1/api-keys", tn.Key, map[string]any{"name": "工资系统只读", "role": "auditor"}, "Idempotency-Key", "mk-1"); strings.Contains(string(again.Body), key) || again.Header["Idempotent-Replayed"] != "true" {
		t.Fatalf("replay shows the key again: %d %s", again.Status, again.Body)
	}
	for _, bad := range []map[string]any{{"name": "x", "role": "root"}, {"role": "hr"}, {"name": "x", "role": "hr", "expires_on": "2020-01-01"}} {
		if r := env.Do(t, "POST", "/api/v1/api-keys", tn.Key, bad); r.Status != 400 && r.Status != 422 {
			t.Errorf("bad body %v: %d %s", bad, r.Status, r.Body)
		}
	}
	// The new key works, and is now in both caches.
	for range 3 {
		if r := env.Do(t, "GET", "/api/v1/employees", key, nil); r.Status != 200 {
			t.Fatalf("new key: %d %s", r.Status, r.Body)
		}
	}
	if r := env.Do(t, "GET", "/api/v1/api-keys", key, nil); r.Status != 403 {
		t.Fatalf("auditor lists keys: %d", r.Status)
	}
	if r := env.Do(t, "POST", "/api/v1/api-keys", key, map[string]any{"name": "x", "role": "admin"}); r.Status != 403 {
		t.Fatalf("auditor makes a key: %d", r.Status)
	}
	list := env.Do(t, "GET", "/api/v1/api-keys", tn.Key, nil)
	if list.Status != 200 || strings.Contains(string(list.Body), key) || !strings.Contains(string(list.Body), prefix) || !strings.Contains(string(list.Body), `"last_used_at":"`) {
		t.Fatalf("list: %d %s", list.Status, list.Body)
	}
	if r := env.Do(t, "DELETE", "/api/v1/api-keys/"+id, env.A.Key, nil); r.Status != 404 {
		t.Fatalf("another tenant revokes: %d", r.Status)
	}
	if r := env.Do(t, "DELETE", "/api/v1/api-keys/"+id, tn.Key, nil); r.Status != 204 {
		t.Fatalf("revoke: %d %s", r.Status, r.Body)
	}
	revoked := time.Now()
	for time.Since(revoked) < 2*time.Second {
		if env.Do(t, "GET", "/api/v1/employees", key, nil).Status == 401 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	took := time.Since(revoked)
	t.Logf("revoked key refused after %s", took.Round(time.Millisecond))
	for _, path := range []string{"/api/v1/employees", "/api/v1/audit-log/verify", "/api/v1/settings"} {
		if r := env.Do(t, "GET", path, key, nil); r.Status != 401 {
			t.Fatalf("%s with the revoked key %s after revocation: %d", path, took, r.Status)
		}
	}
	if r := env.Do(t, "DELETE", "/api/v1/api-keys/"+id, tn.Key, nil); r.Status != 204 {
		t.Fatalf("revoke again: %d", r.Status)
	}
	var actions []string
	env.Query(t, tn.ID, &actions, `SELECT action FROM audit_log WHERE tenant_id = $1 AND object_type = 'api_key' AND object_id = $2 ORDER BY seq`, tn.ID, id)
	if strings.Join(actions, ",") != "api_key.create,api_key.revoke,api_key.revoke" {
		t.Fatalf("audit: %v", actions)
	}
}

// TestAPIKeyExpiry: a key whose expires_on is past answers 401.
func TestAPIKeyExpiry(t *testing.T) {
	tn := freshTenant(t)
	r := env.Do(t, "POST", "/api/v1/api-keys", tn.Key, map[string]any{"name": "临时", "role": "hr", "expires_on": "2100-12-31"})
	if r.Status != 201 || r.JSON(t)["expires_at"] == nil {
		t.Fatalf("create: %d %s", r.Status, r.Body)
	}
	m := r.JSON(t)
	admin, err := env.DB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	admin.MustExec(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, m["id"])
	if r := env.Do(t, "GET", "/api/v1/employees", m["key"].(string), nil); r.Status != 401 {
		t.Fatalf("expired key: %d", r.Status)
	}
}
