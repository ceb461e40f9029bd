package integrationtest

import (
	"strings"
	"testing"

	"leaveguard/app/auth"
)

// TestSendTestEvent: POST /integrations/{id}/test-event queues one
// integration.test event, signed, for that integration only (another
// integration of the tenant gets nothing); audited; 422 without a push
// address; admin only.
func TestSendTestEvent(t *testing.T) {
	tenant, key := newTenant(t)
	rc, other := newReceiver(t), newReceiver(t)
	in := newIntegration(t, tenant, rc.URL)
	newIntegration(t, tenant, other.URL)
	rc.secret = in.Secret
	r := env.Do(t, "POST", "/api/v1/integrations/"+in.ID+"/test-event", key, nil)
	eventID, _ := r.JSON(t)["event_id"].(string)
	if r.Status != 202 || eventID == "" || r.JSON(t)["status"] != "pending" {
		t.Fatalf("test event: %d %s", r.Status, r.Body)
	}
	deliverAll(t, worker(), func() bool { return rc.got("integration.test") == 1 })
	rc.mu.Lock()
	bad, got := rc.badSigs, rc.ids[eventID]
	rc.mu.Unlock()
	if bad != 0 || got != 1 {
		t.Fatalf("receiver: bad signatures %d, receipts of %s %d", bad, eventID, got)
	}
	if other.hits() != 0 {
		t.Fatalf("the other integration got %d pushes", other.hits())
	}
	if n := env.Count(t, `SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND action = 'integration.test_event' AND object_id = $2`, tenant, in.ID); n != 1 {
		t.Fatalf("audited %d times", n)
	}
	bare := env.Do(t, "POST", "/api/v1/integrations", key, map[string]any{"name": "无推送地址"}).JSON(t)["id"].(string)
	if r := env.Do(t, "POST", "/api/v1/integrations/"+bare+"/test-event", key, nil); r.Status != 422 || r.Code() != "no_outbound_url" {
		t.Fatalf("without a push address: %d %s", r.Status, r.Body)
	}
	if r := env.Do(t, "POST", "/api/v1/integrations/"+in.ID+"/test-event", newKey(t, tenant, auth.HR), nil); r.Status != 403 {
		t.Fatalf("as hr: %d %s", r.Status, r.Body)
	}
	if !strings.Contains(string(env.Do(t, "GET", "/api/v1/integrations/"+in.ID+"/events", key, nil).Body), eventID) {
		t.Fatal("the test event is not in the integration's delivery log")
	}
}
