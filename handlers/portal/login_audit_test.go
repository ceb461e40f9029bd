package portal_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestFailedLoginAudited: a failed login is in the audit log of the
// account's tenant (account hash, IP, user agent; never the e-mail in
// clear), shown to its admins on the audit page, and in no other tenant's.
func TestFailedLoginAudited(t *testing.T) {
	email := "audit.fail@example.com"
	id := addUser(t, env.A.ID, email, "hr", "audit fail password 1")
	b := newBrowser(t)
	b.agent = "Mozilla/5.0 (LoginProbe)"
	if p := b.post("/login", "/login", url.Values{"email": {email}, "password": {"not the password"}}); p.Status != 401 {
		t.Fatalf("failed login: %d", p.Status)
	}
	var rows []struct {
		ActorType string `db:"actor_type"`
		ActorID   string `db:"actor_id"`
		Detail    string `db:"detail"`
	}
	env.Query(t, env.A.ID, &rows, `SELECT actor_type, actor_id, detail::text AS detail FROM audit_log
		WHERE tenant_id = $1 AND action = 'user.login_failed' AND object_id = $2`, env.A.ID, id)
	if len(rows) != 1 || rows[0].ActorType != "anonymous" || len(rows[0].ActorID) != 32 ||
		!strings.Contains(rows[0].Detail, rows[0].ActorID) || !strings.Contains(rows[0].Detail, "LoginProbe") ||
		!strings.Contains(rows[0].Detail, `"ip"`) {
		t.Fatalf("audit rows: %+v", rows)
	}
	if strings.Contains(rows[0].Detail+rows[0].ActorID, "audit.fail") {
		t.Fatalf("the e-mail is in the audit row: %+v", rows)
	}
	page := admin(t, 0).get("/audit?type=user&object=" + id)
	if page.Status != 200 || !strings.Contains(page.Body, "登录失败") || !strings.Contains(page.Body, "未登录的访客") ||
		!strings.Contains(page.Body, rows[0].ActorID[:12]) || !strings.Contains(page.Body, "LoginProbe") || strings.Contains(page.Body, email) {
		t.Fatalf("audit page: %d %s", page.Status, excerpt(page.Body))
	}
	var other []struct {
		N int `db:"n"`
	}
	env.Query(t, env.B.ID, &other, `SELECT count(*) AS n FROM audit_log WHERE action = 'user.login_failed' AND object_id = $1`, id)
	if other[0].N != 0 {
		t.Fatal("another tenant's log has the failed login")
	}
}
