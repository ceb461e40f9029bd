package portal_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"leaveguard/app"
	"leaveguard/app/cache"
	"leaveguard/leave"
	"leaveguard/server"
)

// TestRedisDown: without Redis the portal fails closed with a clear
// message, while API keys keep working (through PostgreSQL).
func TestRedisDown(t *testing.T) {
	dead, err := cache.New("redis://127.0.0.1:1/0", "lgdown:")
	if err != nil {
		t.Fatal(err)
	}
	_ = dead.Ping(context.Background())
	srv := server.NewServer(app.Deps{Config: app.Config{RateLimit: 1000000, Env: "dev"}, Log: slog.New(slog.NewJSONHandler(&bytes.Buffer{}, nil)),
		Store: env.Store, Cache: dead, Cipher: env.Cipher, Rules: leave.DefaultRuleBook(), Calendar: leave.NewCalendar()})
	b := newBrowser(t)
	b.app = srv
	p := b.get("/login")
	if !strings.Contains(p.Body, "会话服务暂时不可用，请稍后再登录") {
		t.Fatalf("login page: %d %s", p.Status, excerpt(p.Body))
	}
	p = b.post("/login", "/login", url.Values{"email": {"admin0@example.com"}, "password": {adminPassword}})
	if p.Status != 503 || !strings.Contains(p.Body, "会话服务暂时不可用") || b.cookies[sessionCookie] != "" {
		t.Fatalf("login with Redis down: %d %s", p.Status, excerpt(p.Body))
	}
	// A session made while Redis was up is not honoured without it.
	b.cookies[sessionCookie] = admin(t, 0).cookies[sessionCookie]
	if p := b.get("/employees"); p.Status != 303 || !strings.HasPrefix(p.Location(), "/login") {
		t.Fatalf("page without Redis: %d %q", p.Status, p.Location())
	}
	req := httptest.NewRequest("GET", "/api/v1/employees", nil)
	req.Header.Set("Authorization", "Bearer "+env.A.Key)
	resp, err := srv.Test(req, 30000)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("API key with Redis down: %d %s", resp.StatusCode, body)
	}
}
