package app_test

import (
	"bytes"
	"log/slog"
	"net/http/httptest"
	"strconv"
	"testing"

	"leaveguard/app"
	"leaveguard/app/cache"
	"leaveguard/leave"
	"leaveguard/server"
)

// TestRateLimitHeaders: every API response says the limit, what is left of
// it and when the window ends; past the limit a 429 rate_limited carries
// Retry-After ≤ the window (60 s) and X-RateLimit-Remaining 0. With Redis
// and with the in-process fallback alike.
func TestRateLimitHeaders(t *testing.T) {
	dead, err := cache.New("redis://127.0.0.1:1/0", "lgtest:dead:")
	if err != nil {
		t.Fatal(err)
	}
	defer dead.Close()
	for name, c := range map[string]*cache.Cache{"redis": env.Cache, "local": dead} {
		key := freshTenant(t).Key // a principal of its own: a window no other test counts in
		srv := server.NewServer(app.Deps{Config: app.Config{RateLimit: 3, Env: "dev"}, Log: slog.New(slog.NewJSONHandler(&bytes.Buffer{}, nil)),
			Store: env.Store, Cache: c, Cipher: env.Cipher, Rules: leave.DefaultRuleBook(), Calendar: leave.NewCalendar()})
		for i := 1; i <= 4; i++ {
			req := httptest.NewRequest("GET", "/api/v1/regions", nil)
			req.Header.Set("Authorization", "Bearer "+key)
			resp, err := srv.Test(req, 10000)
			if err != nil {
				t.Fatal(err)
			}
			h := resp.Header
			remaining, _ := strconv.Atoi(h.Get("X-RateLimit-Remaining"))
			reset, _ := strconv.ParseInt(h.Get("X-RateLimit-Reset"), 10, 64)
			if h.Get("X-RateLimit-Limit") != "3" || h.Get("X-RateLimit-Remaining") == "" || remaining != max(3-i, 0) || reset == 0 {
				t.Fatalf("%s: request %d: limit %q remaining %q reset %q", name, i, h.Get("X-RateLimit-Limit"),
					h.Get("X-RateLimit-Remaining"), h.Get("X-RateLimit-Reset"))
			}
			if i <= 3 {
				if resp.StatusCode != 200 {
					t.Fatalf("%s: request %d: %d", name, i, resp.StatusCode)
				}
				continue
			}
			after, err := strconv.Atoi(h.Get("Retry-After"))
			if resp.StatusCode != 429 || err != nil || after < 1 || after > 60 {
				t.Fatalf("%s: past the limit: %d Retry-After %q", name, resp.StatusCode, h.Get("Retry-After"))
			}
		}
	}
}
