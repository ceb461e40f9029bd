package portal_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestSessionFixation: a session id planted before login is never adopted,
// and every login gets a new id (the previous one stops working).
func TestSessionFixation(t *testing.T) {
	b := newBrowser(t)
	planted := strings.Repeat("A", 43)
	b.cookies[sessionCookie] = planted
	b.login("admin0@example.com", adminPassword)
	first := b.cookies[sessionCookie]
	if first == planted || len(first) != 43 {
		t.Fatalf("session id not fresh: %q", first)
	}
	// Logging in again from the same browser (e.g. /login reached with a
	// live cookie) issues yet another id and ends the old session.
	other := newBrowser(t)
	token := other.csrf("/login")
	other.cookies[sessionCookie] = first
	p := other.do("POST", "/login", url.Values{"_csrf": {token}, "email": {"admin0@example.com"}, "password": {adminPassword}})
	if p.Status != 303 || other.cookies[sessionCookie] == first {
		t.Fatal("second login kept the id")
	}
	if p := b.get("/employees"); p.Status != 303 {
		t.Fatalf("old session id still works: %d", p.Status)
	}
}

func TestLogout(t *testing.T) {
	b := admin(t, 0)
	raw := b.cookies[sessionCookie]
	p := b.post("/", "/logout", nil)
	if p.Status != 303 || !strings.HasPrefix(p.Location(), "/login") || b.cookies[sessionCookie] != "" {
		t.Fatalf("logout: %d %q cookie=%q", p.Status, p.Location(), b.cookies[sessionCookie])
	}
	replay := newBrowser(t)
	replay.cookies[sessionCookie] = raw
	if p := replay.get("/"); p.Status != 303 {
		t.Fatalf("session usable after logout: %d", p.Status)
	}
	if p := b.get("/login?notice=logged_out"); !strings.Contains(p.Body, "您已安全退出") {
		t.Fatalf("no logout notice: %s", excerpt(p.Body))
	}
}

// TestDisabledUserSessionEnds: disabling a user ends all their sessions at
// once; and should Redis lose the per-user set, the per-minute PostgreSQL
// re-check still ends them.
func TestDisabledUserSessionEnds(t *testing.T) {
	id := addUser(t, env.A.ID, "leaver@example.com", "hr", "leaver password 1")
	u1, u2 := newBrowser(t), newBrowser(t)
	u1.login("leaver@example.com", "leaver password 1")
	u2.login("leaver@example.com", "leaver password 1")
	if p := u1.get("/employees"); p.Status != 200 {
		t.Fatalf("hr cannot list employees: %d", p.Status)
	}
	a := admin(t, 0)
	if p := a.post("/staff/"+id, "/staff/"+id+"/disable", nil); p.Status != 303 {
		t.Fatalf("disable: %d %s", p.Status, excerpt(p.Body))
	}
	for i, u := range []*browser{u1, u2} {
		if p := u.get("/employees"); p.Status != 303 || !strings.HasPrefix(p.Location(), "/login") {
			t.Fatalf("session %d survived disabling: %d", i+1, p.Status)
		}
	}
	if p := newBrowser(t).post("/login", "/login", url.Values{"email": {"leaver@example.com"}, "password": {"leaver password 1"}}); p.Status != 401 {
		t.Fatalf("disabled user logged in: %d", p.Status)
	}

	// Redis lost the set: only the database knows.
	id2 := addUser(t, env.A.ID, "leaver2@example.com", "hr", "leaver password 2")
	u3 := newBrowser(t)
	u3.login("leaver2@example.com", "leaver password 2")
	ctx := context.Background()
	rdb := env.Cache.Client()
	if err := rdb.Del(ctx, env.Cache.Key("usess:"+env.A.ID+":"+id2)).Err(); err != nil {
		t.Fatal(err)
	}
	disableInDB(t, env.A.ID, id2)
	ageSessions(t, 2*time.Minute)
	if p := u3.get("/employees"); p.Status != 303 {
		t.Fatalf("disabled user's session survived the re-check: %d", p.Status)
	}
}

// ageSessions moves every session's last check back by d, as if time passed.
func ageSessions(t *testing.T, d time.Duration) {
	t.Helper()
	ctx := context.Background()
	rdb := env.Cache.Client()
	keys, err := rdb.Keys(ctx, env.Cache.Key("sess:*")).Result()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		raw, err := rdb.Get(ctx, k).Bytes()
		if err != nil {
			continue
		}
		var m map[string]any
		if json.Unmarshal(raw, &m) != nil {
			continue
		}
		m["checked"] = time.Now().Add(-d)
		b, _ := json.Marshal(m)
		rdb.Set(ctx, k, b, time.Hour)
	}
}
