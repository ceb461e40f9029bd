package portal

import (
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"

	"github.com/gofiber/fiber/v2"

	"leaveguard/store"
)

// TestErrorPageStatus: the portal answers an error with the status the API
// gives it (handlers.Classify): a database outage is a 503 page with
// Retry-After, a duplicate row a 409 page, never a 500.
func TestErrorPageStatus(t *testing.T) {
	p := New(Deps{Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	app := fiber.New()
	outage := fmt.Errorf("load dashboard: %w", syscall.ECONNREFUSED)
	app.Get("/outage", p.wrap(func(*fiber.Ctx) error { return outage }))
	app.Get("/conflict", p.wrap(func(*fiber.Ctx) error { return fmt.Errorf("save: %w", store.ErrConflict) }))
	for path, want := range map[string]int{"/outage": 503, "/conflict": 409} {
		resp, err := app.Test(httptest.NewRequest("GET", path, nil))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != want || !strings.Contains(string(body), "<html") {
			t.Fatalf("%s: %d, want an error page with %d: %.300s", path, resp.StatusCode, want, body)
		}
		if retry := resp.Header.Get("Retry-After"); (want == 503) != (retry != "") {
			t.Fatalf("%s: Retry-After %q", path, retry)
		}
		if strings.Contains(string(body), "connection refused") {
			t.Fatalf("%s: the cause leaked into the page", path)
		}
	}
}
