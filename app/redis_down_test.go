package app_test

import (
	"bytes"
	"log/slog"
	"net/http/httptest"
	"testing"

	"leaveguard/app"
	"leaveguard/app/cache"
	"leaveguard/leave"
	"leaveguard/server"
)

// TestRedisDown: with Redis unreachable the API keeps answering (API keys
// are checked in PostgreSQL, rate limits fall back in-process) and /readyz
// says it is degraded.
func TestRedisDown(t *testing.T) {
	dead, err := cache.New("redis://127.0.0.1:1/0", "lgtest:dead:")
	if err != nil {
		t.Fatal(err)
	}
	defer dead.Close()
	srv := server.NewServer(app.Deps{Config: app.Config{RateLimit: 1000, Env: "dev"}, Log: slog.New(slog.NewJSONHandler(&bytes.Buffer{}, nil)),
		Store: env.Store, Cache: dead, Cipher: env.Cipher, Rules: leave.DefaultRuleBook(), Calendar: leave.NewCalendar()})
	for i := 0; i < 3; i++ {
		req := httptest.NewRequest("GET", "/api/v1/employees?limit=1", nil)
		req.Header.Set("Authorization", "Bearer "+env.A.Key)
		resp, err := srv.Test(req, 10000)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("API with Redis down: %v %v", err, resp.StatusCode)
		}
	}
	resp, err := srv.Test(httptest.NewRequest("GET", "/readyz", nil), 10000)
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	_, _ = body.ReadFrom(resp.Body)
	if resp.StatusCode != 200 || !bytes.Contains(body.Bytes(), []byte(`"degraded"`)) {
		t.Fatalf("readyz with Redis down: %d %s", resp.StatusCode, body.String())
	}
}
