package portal_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var apiKeyRE = regexp.MustCompile(`data-testid="api-key">(lg_[A-Za-z0-9_-]+)<`)

// TestAPIKeysPage: an admin makes a key (shown once), it works on the API,
// the list shows its prefix and never the key, revoking it ends it; other
// roles and other tenants cannot reach it.
func TestAPIKeysPage(t *testing.T) {
	b := admin(t, 0)
	mustHave(t, "api keys", b.get("/api-keys"), 200, "API 密钥", "新建密钥", "生成密钥")
	bad := b.post("/api-keys", "/api-keys", url.Values{"name": {""}, "role": {"root"}})
	if bad.Status != 400 || !strings.Contains(bad.Body, `data-testid="error-name"`) || !strings.Contains(bad.Body, `data-testid="error-role"`) {
		t.Fatalf("bad form: %d %s", bad.Status, excerpt(bad.Body))
	}
	p := b.post("/api-keys", "/api-keys", url.Values{"name": {"门户建的只读密钥"}, "role": {"auditor"}})
	m := apiKeyRE.FindStringSubmatch(p.Body)
	if p.Status != 201 || m == nil || !strings.Contains(p.Body, "只显示这一次") || p.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("create: %d %s", p.Status, excerpt(p.Body))
	}
	key := m[1]
	if r := env.Do(t, "GET", "/api/v1/employees", key, nil); r.Status != 200 {
		t.Fatalf("the new key: %d", r.Status)
	}
	list := b.get("/api-keys")
	prefix := strings.SplitN(key, "_", 3)[2][:8]
	if list.Status != 200 || strings.Contains(list.Body, key) || !strings.Contains(list.Body, prefix) {
		t.Fatalf("list: %d %s", list.Status, excerpt(list.Body))
	}
	id := regexp.MustCompile(`/api-keys/([0-9a-f-]{36})/revoke`).FindStringSubmatch(list.Body)
	if id == nil {
		t.Fatal("no revoke form")
	}
	if other := admin(t, 1).post("/api-keys", "/api-keys/"+id[1]+"/revoke", nil); other.Status != 404 {
		t.Fatalf("another tenant's admin revokes: %d", other.Status)
	}
	if r := b.post("/api-keys", "/api-keys/"+id[1]+"/revoke", nil); r.Status != 303 {
		t.Fatalf("revoke: %d %s", r.Status, excerpt(r.Body))
	}
	mustHave(t, "revoked", b.get("/api-keys?notice=api_key_revoked"), 200, "密钥已吊销", "已吊销")
	hrEmail := fmt.Sprintf("keys.hr%d@example.com", seq.Add(1))
	addUser(t, env.A.ID, hrEmail, "hr", "keys hr password 1")
	hr := newBrowser(t)
	hr.login(hrEmail, "keys hr password 1")
	if r := hr.get("/api-keys"); r.Status != 403 {
		t.Fatalf("hr sees the API keys page: %d", r.Status)
	}
}
