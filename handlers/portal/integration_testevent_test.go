package portal_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestIntegrationTestEventButton: an integration with a push address shows
// 发送测试事件; pressing it queues one integration.test event for it and
// comes back with the notice; without a push address there is no button.
func TestIntegrationTestEventButton(t *testing.T) {
	b := admin(t, 0)
	p := b.post("/integrations", "/integrations", url.Values{"name": {"测试推送"}, "outbound_url": {"https://hooks.example.com/lg"}})
	if p.Status != 201 {
		t.Fatalf("create: %d %s", p.Status, excerpt(p.Body))
	}
	id := regexp.MustCompile(`/webhooks/payroll/([0-9a-f-]{36})`).FindStringSubmatch(p.Body)[1]
	mustHave(t, "integration", b.get("/integrations/"+id), 200, `data-testid="integration-test-event"`, "发送测试事件")
	r := b.post("/integrations/"+id, "/integrations/"+id+"/test-event", nil)
	if r.Status != 303 || r.Header.Get("Location") != "/integrations/"+id+"?notice=test_event_sent" {
		t.Fatalf("test event: %d %s", r.Status, r.Header.Get("Location"))
	}
	mustHave(t, "notice", b.get("/integrations/"+id+"?notice=test_event_sent"), 200, "已向该集成的推送地址发送测试事件")
	if n := env.Count(t, `SELECT count(*) FROM outbox_events WHERE tenant_id = $1 AND type = 'integration.test' AND target_integration = $2`, env.A.ID, id); n != 1 {
		t.Fatalf("%d test events queued for the integration, want 1", n)
	}
	if r := b.post("/integrations/"+id, "/integrations/"+id, url.Values{"name": {"测试推送"}, "outbound_url": {""}}); r.Status != 303 {
		t.Fatalf("clear the push address: %d", r.Status)
	}
	if show := b.get("/integrations/" + id); strings.Contains(show.Body, "integration-test-event") {
		t.Fatal("the button is shown without a push address")
	}
}
