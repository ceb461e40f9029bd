package app_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app"
	"leaveguard/handlers/portal"
	"leaveguard/leave"
	"leaveguard/server"
)

var csrfRE = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// portalLogin posts the login form from the address xff (sent as
// X-Forwarded-For by the proxy, fiber's test peer 0.0.0.0) and returns
// the status and how long the answer took.
func portalLogin(t *testing.T, srv *fiber.App, xff, email, password string) (int, time.Duration) {
	t.Helper()
	res, err := srv.Test(httptest.NewRequest("GET", "/login", nil), 30000)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	m := csrfRE.FindSubmatch(body)
	if m == nil {
		t.Fatalf("no login form: %d", res.StatusCode)
	}
	form := url.Values{"email": {email}, "password": {password}, "_csrf": {string(m[1])}}
	req := httptest.NewRequest("POST", "/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Forwarded-For", xff)
	for _, c := range res.Cookies() {
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	start := time.Now()
	res, err = srv.Test(req, 30000)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode, time.Since(start)
}

// TestLoginBehindProxy: with LEAVEGUARD_TRUSTED_PROXIES the client address
// comes from X-Forwarded-For; an address past its failed-login limit is
// slowed down, never locked out (the right password still logs in), and
// other addresses behind the same proxy are not affected at all.
func TestLoginBehindProxy(t *testing.T) {
	n := seq.Add(1)
	email := fmt.Sprintf("proxy%d@example.com", n)
	if _, err := app.CreateTenant(context.Background(), env.DB.App, app.NewTenant{Name: fmt.Sprintf("代理测试%d", n),
		Region: "CN-NM-XAM", AdminEmail: email, AdminPassword: "correct horse battery"}); err != nil {
		t.Fatal(err)
	}
	cfg := app.Config{RateLimit: 1000, Env: "dev", TrustedProxies: []netip.Prefix{netip.MustParsePrefix("0.0.0.0/32")}}
	srv := server.NewServer(app.Deps{Config: cfg, Log: slog.New(slog.NewJSONHandler(io.Discard, nil)), Store: env.Store,
		Cache: env.Cache, Cipher: env.Cipher, Rules: leave.DefaultRuleBook(), Calendar: leave.NewCalendar()})
	attacker, neighbour := fmt.Sprintf("203.0.113.%d", n%200+1), fmt.Sprintf("198.51.100.%d", n%200+1)
	for i := range 30 { // the per-IP limit, spread over accounts so no account is throttled
		if code, _ := portalLogin(t, srv, "1.2.3.4, "+attacker, fmt.Sprintf("nobody%d-%d@example.com", n, i), "wrong password"); code != 401 {
			t.Fatalf("failure %d: %d", i+1, code)
		}
	}
	code, took := portalLogin(t, srv, attacker, email, "correct horse battery")
	if code != 303 || took < portal.LoginSlowdown-100*time.Millisecond {
		t.Fatalf("right password from the slowed address: %d after %s, want 303 after %s", code, took, portal.LoginSlowdown)
	}
	code, took = portalLogin(t, srv, neighbour, email, "correct horse battery")
	if code != 303 || took >= portal.LoginSlowdown/2 {
		t.Fatalf("another address behind the same proxy: %d after %s", code, took)
	}
	t.Logf("slowed address: logged in after %s; neighbour after %s", portal.LoginSlowdown, took.Round(time.Millisecond))
}
