package integrationtest

import (
	"strings"
	"testing"
)

// newKey adds an API key with role to tenant and returns it.
func newKey(t *testing.T, tenant, role string) string { return env.NewKey(t, tenant, role) }

// TestIntegrationLifecycle: create (secret shown once), list and get (never
// the secret), patch, delete (then 404 and webhooks refused); admin only.
func TestIntegrationLifecycle(t *testing.T) {
	r := env.Do(t, "POST", "/api/v1/integrations", env.A.Key, map[string]any{"name": "金蝶工资", "outbound_url": "https://hooks.example.com/lg"})
	m := r.JSON(t)
	id, _ := m["id"].(string)
	secret, _ := m["secret"].(string)
	if r.Status != 201 || !strings.HasPrefix(secret, "whsec_") || m["webhook_path"] != "/webhooks/payroll/"+id || m["outbound_url"] != "https://hooks.example.com/lg" {
		t.Fatalf("create201: %d %s", r.Status, r.Body)
	}
	if r := env.Do(t, "POST", "/api/v1/integrations", env.A.Key, map[string]any{}); r.Status != 400 {
		t.Fatalf("create400: %d %s", r.Status, r.Body)
	}
	list := env.Do(t, "GET", "/api/v1/integrations", env.A.Key, nil)
	if list.Status != 200 || !strings.Contains(string(list.Body), id) || strings.Contains(string(list.Body), secret[6:]) || strings.Contains(string(list.Body), `"secret"`) {
		t.Fatalf("list200 shows a secret or misses the integration: %s", list.Body)
	}
	if r := env.Do(t, "PATCH", "/api/v1/integrations/"+id, env.A.Key, map[string]any{"outbound_url": "https://other.example.com/x"}); r.Status != 200 || r.JSON(t)["outbound_url"] != "https://other.example.com/x" {
		t.Fatalf("patch200: %d %s", r.Status, r.Body)
	}
	hr := newKey(t, env.A.ID, "hr")
	for _, rt := range [][2]string{{"GET", "/api/v1/integrations"}, {"POST", "/api/v1/integrations"}, {"GET", "/api/v1/integrations/" + id}} {
		if r := env.Do(t, rt[0], rt[1], hr, map[string]any{"name": "x"}); r.Status != 403 {
			t.Fatalf("%s %s as hr: %d", rt[0], rt[1], r.Status)
		}
	}
	if r := env.Do(t, "DELETE", "/api/v1/integrations/"+id, env.A.Key, nil); r.Status != 204 {
		t.Fatalf("delete204: %d %s", r.Status, r.Body)
	}
	if r := env.Do(t, "GET", "/api/v1/integrations/"+id, env.A.Key, nil); r.Status != 404 {
		t.Fatalf("get after delete: %d", r.Status)
	}
	if r := env.Do(t, "DELETE", "/api/v1/integrations/"+id, env.A.Key, nil); r.Status != 404 {
		t.Fatalf("delete twice: %d", r.Status)
	}
}

// TestRedeliverViaAPI: a delivered event is sent again on request, and the
// events log lists both attempts.
func TestRedeliverViaAPI(t *testing.T) {
	tenant, key := newTenant(t)
	rc := newReceiver(t)
	in := newIntegration(t, tenant, rc.URL)
	emit(t, tenant, "test.redeliver", 1, 1)
	w := worker()
	deliverAll(t, w, func() bool { return rc.got("test.redeliver") == 1 })
	var eventID string
	admin, _ := env.DB.Admin()
	defer admin.Close()
	if err := admin.Get(&eventID, `SELECT id FROM outbox_events WHERE tenant_id = $1`, tenant); err != nil {
		t.Fatal(err)
	}
	if r := env.Do(t, "POST", "/api/v1/integrations/"+in.ID+"/events/"+eventID+"/redeliver", key, nil); r.Status != 202 {
		t.Fatalf("redeliver: %d %s", r.Status, r.Body)
	}
	deliverAll(t, w, func() bool { return rc.got("test.redeliver") == 2 })
	r := env.Do(t, "GET", "/api/v1/integrations/"+in.ID+"/events", key, nil)
	if items, _ := r.JSON(t)["items"].([]any); r.Status != 200 || len(items) != 2 || !strings.Contains(string(r.Body), eventID) {
		t.Fatalf("events log: %d %s", r.Status, r.Body)
	}
}

// TestIntegrationCrossTenant: every integration route, called by tenant A
// with tenant B's ids → 404 with nothing of B in the body.
func TestIntegrationCrossTenant(t *testing.T) {
	r := env.Do(t, "POST", "/api/v1/integrations", env.B.Key, map[string]any{"name": "乙方专用工资系统"})
	bID := r.JSON(t)["id"].(string)
	emit(t, env.B.ID, "test.b_event", 1, 1)
	var bEvent string
	admin, _ := env.DB.Admin()
	defer admin.Close()
	if err := admin.Get(&bEvent, `SELECT id FROM outbox_events WHERE tenant_id = $1 AND type = 'test.b_event' LIMIT 1`, env.B.ID); err != nil {
		t.Fatal(err)
	}
	aID := env.Do(t, "POST", "/api/v1/integrations", env.A.Key, map[string]any{"name": "甲方", "outbound_url": "https://a.example.com/h"}).JSON(t)["id"].(string)
	routes := [][3]string{
		{"GET", "/api/v1/integrations/" + bID, ""},
		{"PATCH", "/api/v1/integrations/" + bID, `{"name":"x"}`},
		{"POST", "/api/v1/integrations/" + bID + "/rotate-secret", ""},
		{"GET", "/api/v1/integrations/" + bID + "/deliveries", ""},
		{"GET", "/api/v1/integrations/" + bID + "/events", ""},
		{"POST", "/api/v1/integrations/" + bID + "/events/" + bEvent + "/redeliver", ""},
		{"POST", "/api/v1/integrations/" + aID + "/events/" + bEvent + "/redeliver", ""},
		{"POST", "/api/v1/integrations/" + bID + "/test-event", ""},
		{"DELETE", "/api/v1/integrations/" + bID, ""},
	}
	for _, rt := range routes {
		var body any
		if rt[2] != "" {
			body = rt[2]
		}
		r := env.Do(t, rt[0], rt[1], env.A.Key, body)
		if r.Status != 404 || strings.Contains(string(r.Body), "乙方") || strings.Contains(string(r.Body), bID) {
			t.Errorf("%s %s as A: %d %s", rt[0], rt[1], r.Status, r.Body)
		}
	}
	if strings.Contains(string(env.Do(t, "GET", "/api/v1/integrations", env.A.Key, nil).Body), bID) {
		t.Error("A's list shows B's integration")
	}
	if r := env.Do(t, "GET", "/api/v1/integrations/"+bID, env.B.Key, nil); r.Status != 200 {
		t.Fatalf("B's integration was changed by A: %d", r.Status)
	}
}
