package portal_test

import (
	"html"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"leaveguard/app/signature"
)

var secretRE = regexp.MustCompile(`data-testid="secret">(whsec_[^<]+)<`)

// webhook posts a body to the integration's endpoint signed with secret.
func webhook(t *testing.T, id, secret, msgID, body string) int {
	t.Helper()
	ts := time.Now()
	sig, err := signature.Sign(secret, msgID, ts, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	r := env.Do(t, "POST", "/webhooks/payroll/"+id, "", []byte(body), signature.HeaderID, msgID,
		signature.HeaderTimestamp, strconv.FormatInt(ts.Unix(), 10), signature.HeaderSignature, sig)
	return r.Status
}

// TestIntegrationsPage: create an integration (the whsec_ secret shown
// once, never again), see its webhooks in the log, rotate the secret,
// refuse redelivery without a push address (422 explained), delete; only
// admins see the page.
func TestIntegrationsPage(t *testing.T) {
	b := admin(t, 0)
	mustHave(t, "integrations", b.get("/integrations"), 200, "集成", "新建集成", "创建并生成密钥")
	bad := b.post("/integrations", "/integrations", url.Values{"name": {"内网"}, "outbound_url": {"http://127.0.0.1:9/x"}})
	if bad.Status != 400 && bad.Status != 422 || !strings.Contains(bad.Body, `data-testid="error-outbound_url"`) {
		t.Fatalf("loopback push address: %d %s", bad.Status, excerpt(bad.Body))
	}
	p := b.post("/integrations", "/integrations", url.Values{"name": {"用友薪酬"}})
	m := secretRE.FindStringSubmatch(p.Body)
	if p.Status != 201 || m == nil || p.Header.Get("Cache-Control") != "no-store" || !strings.Contains(p.Body, "只显示这一次") {
		t.Fatalf("create: %d %s", p.Status, excerpt(p.Body))
	}
	secret := html.UnescapeString(m[1])
	id := regexp.MustCompile(`/webhooks/payroll/([0-9a-f-]{36})`).FindStringSubmatch(p.Body)[1]
	show := b.get("/integrations/" + id)
	mustHave(t, "integration", show, 200, "用友薪酬", "/webhooks/payroll/"+id, "还没有收到回调", "未设置推送地址")
	if strings.Contains(show.Body, secret) {
		t.Fatal("the secret is shown again")
	}
	if s := webhook(t, id, secret, "msg_portal_1", `{"type":"something.else","timestamp":"2026-01-01T00:00:00Z","data":{}}`); s >= 300 {
		t.Fatalf("webhook: %d", s)
	}
	mustHave(t, "delivery log", b.get("/integrations/"+id), 200, "msg_portal_1", "未识别的类型")
	mustHave(t, "filtered log", b.get("/integrations/"+id+"?dstatus=invalid"), 200, "没有该状态的回调")
	re := b.post("/integrations/"+id, "/integrations/"+id+"/events/00000000-0000-4000-8000-000000000001/redeliver", nil)
	mustHave(t, "redeliver without a push address", re, 422, "未设置推送地址", "错误代码 422")
	rot := b.post("/integrations/"+id, "/integrations/"+id+"/rotate-secret", nil)
	m2 := secretRE.FindStringSubmatch(rot.Body)
	if rot.Status != 200 || m2 == nil || html.UnescapeString(m2[1]) == secret || !strings.Contains(rot.Body, "24 小时内仍然有效") {
		t.Fatalf("rotate: %d %s", rot.Status, excerpt(rot.Body))
	}
	mustHave(t, "after rotation", b.get("/integrations/"+id), 200, "原密钥有效至")
	if r := b.post("/integrations/"+id, "/integrations/"+id, url.Values{"name": {"用友薪酬（新）"}, "outbound_url": {""}}); r.Status != 303 {
		t.Fatalf("update: %d %s", r.Status, excerpt(r.Body))
	}
	mustHave(t, "dashboard", b.get("/"), 200, "推送失败的 Webhook", "近 7 天拒收")
	if r := b.post("/integrations/"+id, "/integrations/"+id+"/delete", nil); r.Status != 303 {
		t.Fatalf("delete: %d", r.Status)
	}
	if l := b.get("/integrations?notice=integration_deleted"); strings.Contains(l.Body, "用友薪酬（新）") || !strings.Contains(l.Body, "集成已删除") {
		t.Errorf("deleted integration still listed: %s", excerpt(l.Body))
	}
	addUser(t, env.A.ID, "hr-integrations@example.com", "hr", "hr password 12")
	hr := newBrowser(t)
	hr.login("hr-integrations@example.com", "hr password 12")
	if r := hr.get("/integrations"); r.Status != 403 {
		t.Errorf("hr sees integrations: %d", r.Status)
	}
	if strings.Contains(hr.get("/").Body, "推送失败的 Webhook") {
		t.Error("hr sees the webhook tile")
	}
}
