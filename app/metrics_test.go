package app_test

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app"
	"leaveguard/app/apptest"
	"leaveguard/leave"
	"leaveguard/server"
)

// TestMetricsNotPublic: /metrics answers 401 without the token (or with a
// wrong one, or an API key); with LEAVEGUARD_METRICS_ADDR it is served only
// by the app of that address; with neither it is not served.
func TestMetricsNotPublic(t *testing.T) {
	for _, auth := range []string{"", "Bearer wrong", "Bearer " + apptest.MetricsToken + "x", "Bearer " + env.A.Key, apptest.MetricsToken} {
		r := env.Do(t, "GET", "/metrics", "", nil, "Authorization", auth)
		if r.Status != 401 || strings.Contains(string(r.Body), "leaveguard_http") {
			t.Errorf("metrics with %q: %d", auth, r.Status)
		}
	}
	deps := app.Deps{Config: app.Config{RateLimit: 100, Env: "dev", MetricsAddr: "127.0.0.1:0"}, Log: slog.New(slog.NewJSONHandler(io.Discard, nil)),
		Store: env.Store, Cache: env.Cache, Cipher: env.Cipher, Rules: leave.DefaultRuleBook(), Calendar: leave.NewCalendar()}
	main, metrics := server.NewServers(deps)
	if metrics == nil {
		t.Fatal("no metrics app for LEAVEGUARD_METRICS_ADDR")
	}
	if code := status(t, main, "/metrics"); code != 404 {
		t.Errorf("main listener with a metrics address: %d, want 404", code)
	}
	if code := status(t, metrics, "/metrics"); code != 200 {
		t.Errorf("metrics listener: %d", code)
	}
	deps.Config.MetricsAddr = ""
	if main, metrics := server.NewServers(deps); metrics != nil || status(t, main, "/metrics") != 404 {
		t.Error("without token or address /metrics must not be served")
	}
	t.Setenv("LEAVEGUARD_METRICS_TOKEN", "short")
	if _, err := app.ConfigFromEnv(); err == nil {
		t.Error("a short metrics token was accepted")
	}
}

func status(t *testing.T, a *fiber.App, path string) int {
	t.Helper()
	res, err := a.Test(httptest.NewRequest("GET", path, nil), 10000)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}
