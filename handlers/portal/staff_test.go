package portal_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"leaveguard/store"
)

var otpRE = regexp.MustCompile(`data-testid="one-time-password">([^<]+)<`)

// TestInviteFirstLogin: an admin invites a colleague with a generated
// one-time password, shown once; the colleague must change it first.
func TestInviteFirstLogin(t *testing.T) {
	a := admin(t, 0)
	p := a.post("/staff/new", "/staff", url.Values{"email": {"New.Hire@Example.com"}, "name": {"其其格"}, "role": {"hr"}, "mode": {"generate"}})
	m := otpRE.FindStringSubmatch(p.Body)
	if p.Status != 201 || m == nil {
		t.Fatalf("invite: %d %s", p.Status, excerpt(p.Body))
	}
	if dup := a.post("/staff/new", "/staff", url.Values{"email": {"new.hire@example.com"}, "name": {"x"}, "role": {"hr"}}); dup.Status != 400 || !strings.Contains(dup.Body, "该邮箱在本单位已有账号") {
		t.Fatalf("duplicate invite: %d", dup.Status)
	}
	u := newBrowser(t)
	if p := u.login("new.hire@example.com", m[1]); p.Location() != "/password" {
		t.Fatalf("first login goes to %q, want /password", p.Location())
	}
	if p := u.get("/employees"); p.Status != 303 || p.Location() != "/password" {
		t.Fatalf("pages reachable before the password change: %d %q", p.Status, p.Location())
	}
	short := u.post("/password", "/password", url.Values{"current_password": {m[1]}, "new_password": {"short"}, "confirm_password": {"short"}})
	if short.Status != 400 || !strings.Contains(short.Body, "密码至少需要12个字符") {
		t.Fatalf("short password: %d %s", short.Status, excerpt(short.Body))
	}
	for pw, why := range map[string]string{"password1234": "常用密码", "new.hire@example.com": "邮箱"} {
		weak := u.post("/password", "/password", url.Values{"current_password": {m[1]}, "new_password": {pw}, "confirm_password": {pw}})
		if weak.Status != 400 || !strings.Contains(weak.Body, "密码太容易被猜中") || !strings.Contains(weak.Body, why) {
			t.Fatalf("weak password %q: %d %s", pw, weak.Status, excerpt(weak.Body))
		}
	}
	before := u.cookies[sessionCookie]
	ok := u.post("/password", "/password", url.Values{"current_password": {m[1]}, "new_password": {"my own password 1"}, "confirm_password": {"my own password 1"}})
	if ok.Status != 303 || u.cookies[sessionCookie] == before {
		t.Fatalf("change: %d, new session id: %v", ok.Status, u.cookies[sessionCookie] != before)
	}
	if p := u.get("/employees"); p.Status != 200 {
		t.Fatalf("after change: %d", p.Status)
	}
	newBrowser(t).login("new.hire@example.com", "my own password 1")
}

// TestStaffRules: nobody disables or demotes themselves; a role change ends
// the user's sessions; wrong current password is refused.
func TestStaffRules(t *testing.T) {
	a := admin(t, 0)
	me := selfID(t, env.A.ID, "admin0@example.com")
	if p := a.post("/staff/"+me, "/staff/"+me+"/disable", nil); p.Status != 422 || !strings.Contains(p.Body, "不能停用自己的账号") {
		t.Fatalf("self-disable: %d %s", p.Status, excerpt(p.Body))
	}
	if p := a.post("/staff/"+me, "/staff/"+me+"/role", url.Values{"role": {"hr"}}); p.Status != 422 {
		t.Fatalf("self-demotion: %d", p.Status)
	}
	id := addUser(t, env.A.ID, "promote@example.com", "hr", "promote password 1")
	u := newBrowser(t)
	u.login("promote@example.com", "promote password 1")
	if p := a.post("/staff/"+id, "/staff/"+id+"/role", url.Values{"role": {"auditor"}}); p.Status != 303 {
		t.Fatalf("role change: %d %s", p.Status, excerpt(p.Body))
	}
	if p := u.get("/"); p.Status != 303 {
		t.Fatalf("session kept across a role change: %d", p.Status)
	}
	u.login("promote@example.com", "promote password 1")
	if p := u.get("/employees/new"); p.Status != 403 {
		t.Fatalf("auditor may add employees: %d", p.Status)
	}
	bad := u.post("/password", "/password", url.Values{"current_password": {"nope"}, "new_password": {"another password"}, "confirm_password": {"another password"}})
	if bad.Status != 400 || !strings.Contains(bad.Body, "当前密码不正确") {
		t.Fatalf("wrong current password: %d", bad.Status)
	}
	list := a.get("/staff?role=auditor")
	if !strings.Contains(list.Body, "promote@example.com") || strings.Contains(list.Body, "admin0@example.com") {
		t.Fatalf("staff filter: %s", excerpt(list.Body))
	}
}

func selfID(t testing.TB, tenant, email string) string {
	t.Helper()
	ctx := t.Context()
	var id string
	err := env.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		rows, err := tx.StaffUsers(ctx, tenant, store.UserFilter{Query: email, Limit: 2})
		if err == nil && len(rows) == 1 {
			id = rows[0].ID
		}
		return err
	})
	if err != nil || id == "" {
		t.Fatalf("user %s: %v", email, err)
	}
	return id
}

func disableInDB(t testing.TB, tenant, id string) {
	t.Helper()
	ctx := t.Context()
	if err := env.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		return tx.SetUserDisabled(ctx, tenant, id, true)
	}); err != nil {
		t.Fatal(err)
	}
}
