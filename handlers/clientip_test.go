package handlers

import (
	"net/http/httptest"
	"testing"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/netguard"
)

// TestClientIP: X-Forwarded-For is believed only from trusted proxies, read
// from the right, so what a client writes into it never counts.
func TestClientIP(t *testing.T) {
	// fiber's app.Test connects from 0.0.0.0: that is "the proxy" here.
	proxy, err := netguard.ParseTrustedProxies("0.0.0.0/32, 10.0.0.0/8")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := netguard.ParseTrustedProxies("10.0.0.0/8,not-an-ip"); err == nil {
		t.Fatal("a malformed entry was accepted")
	}
	for _, c := range []struct {
		trusted bool
		xff     []string
		want    string
	}{
		{false, nil, "0.0.0.0"},
		{false, []string{"203.0.113.7"}, "0.0.0.0"},               // no trusted proxies: header ignored
		{true, nil, "0.0.0.0"},                                    // a proxy without the header
		{true, []string{"203.0.113.7"}, "203.0.113.7"},            // one proxy
		{true, []string{"1.2.3.4, 203.0.113.7"}, "203.0.113.7"},   // a client's forged entry is left of the real one
		{true, []string{"203.0.113.7, 10.1.2.3"}, "203.0.113.7"},  // two proxies
		{true, []string{"1.2.3.4", "203.0.113.7"}, "203.0.113.7"}, // two headers
		{true, []string{"garbage, 10.1.2.3"}, "10.1.2.3"},         // malformed hop: stop at the last proxy
		{true, []string{"::ffff:203.0.113.9"}, "203.0.113.9"},
	} {
		var trusted = proxy
		if !c.trusted {
			trusted = nil
		}
		app := fiber.New()
		app.Use(ClientIPMiddleware(trusted))
		app.Get("/", func(c *fiber.Ctx) error { return c.SendString(ClientIP(c)) })
		req := httptest.NewRequest("GET", "/", nil)
		for _, v := range c.xff {
			req.Header.Add("X-Forwarded-For", v)
		}
		res, err := app.Test(req)
		if err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 64)
		n, _ := res.Body.Read(buf)
		if got := string(buf[:n]); got != c.want {
			t.Errorf("trusted=%v X-Forwarded-For %q: client %q, want %q", c.trusted, c.xff, got, c.want)
		}
	}
}
