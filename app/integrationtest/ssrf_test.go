package integrationtest

import (
	"bytes"
	"context"
	"errors"
	"net/netip"
	"strings"
	"testing"
	"time"

	"leaveguard/app/netguard"
)

// TestSSRFRefusedAtDial: with the test setting off, URLs that resolve to
// loopback, private, link-local or unspecified addresses are refused by the
// dialer: nothing is sent, nothing connects.
func TestSSRFRefusedAtDial(t *testing.T) {
	rc := newReceiver(t)
	port := rc.URL[strings.LastIndex(rc.URL, ":"):]
	client := netguard.Client(false, 3*time.Second)
	for _, url := range []string{rc.URL, "http://localhost" + port, "http://[::1]" + port, "http://0.0.0.0" + port,
		"http://10.1.2.3/hook", "http://172.16.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
		"http://100.64.0.1/", "http://[fe80::1]/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]" + port} {
		start := time.Now()
		res, err := client.Post(url, "application/json", bytes.NewReader([]byte(`{}`)))
		if err == nil {
			res.Body.Close()
			t.Errorf("%s: sent (%d)", url, res.StatusCode)
			continue
		}
		if !errors.Is(err, netguard.ErrForbiddenAddress) || time.Since(start) > time.Second {
			t.Errorf("%s: %v after %s, want a refusal at dial time", url, err, time.Since(start))
		}
	}
	if rc.hits() != 0 {
		t.Fatalf("the loopback receiver got %d requests", rc.hits())
	}
	// The delivery worker uses the same client: the attempt is logged, not sent.
	tenant, _ := newTenant(t)
	newIntegration(t, tenant, rc.URL)
	emit(t, tenant, "test.ssrf", 1, 1)
	w := worker(time.Hour)
	w.Client = client
	if _, err := w.RunOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := env.Count(t, `SELECT count(*) FROM outbox_attempts WHERE tenant_id = $1 AND status_code = 0 AND error LIKE '%地址不被允许%' AND error NOT LIKE '%127.0.0.1%'`, tenant); n != 1 || rc.hits() != 0 {
		t.Fatalf("attempts refused: %d, receiver hits %d", n, rc.hits())
	}
}

func TestAllowed(t *testing.T) {
	for s, want := range map[string]bool{
		"93.184.216.34": true, "2606:2800:220:1::1": true, "127.0.0.1": false, "127.8.9.10": false, "::1": false,
		"10.0.0.1": false, "172.31.255.255": false, "192.168.0.1": false, "169.254.169.254": false,
		"0.0.0.0": false, "0.1.2.3": false, "::": false, "100.64.0.1": false, "fe80::1": false, "fd12::1": false,
		"::ffff:10.0.0.1": false, "64:ff9b::7f00:1": false, "224.0.0.1": false, "255.255.255.255": false,
	} {
		if got := netguard.Allowed(netip.MustParseAddr(s), false); got != want {
			t.Errorf("Allowed(%s) = %v, want %v", s, got, want)
		}
	}
	if !netguard.Allowed(netip.MustParseAddr("127.0.0.1"), true) || netguard.Allowed(netip.MustParseAddr("10.0.0.1"), true) {
		t.Error("the loopback setting must allow loopback only")
	}
}

// TestOutboundURLValidation: the API takes only https URLs without
// credentials (400 otherwise) that do not name a forbidden address (422).
func TestOutboundURLValidation(t *testing.T) {
	for url, want := range map[string]int{
		"https://hooks.example.com/payroll": 201, "http://hooks.example.com/payroll": 400,
		"https://127.0.0.1/hook": 422, "https://10.0.0.1/hook": 422, "https://[::1]/hook": 422,
		"https://169.254.169.254/": 422, "https://user:pw@hooks.example.com/": 400, "ftp://hooks.example.com/": 400,
		"hooks.example.com/payroll": 400, "https://hooks.example.com/#x": 400,
	} {
		r := env.Do(t, "POST", "/api/v1/integrations", env.A.Key, map[string]any{"name": "工资系统", "outbound_url": url})
		if r.Status != want {
			t.Errorf("%s: %d %s, want %d", url, r.Status, r.Body, want)
		}
		if want != 201 && !strings.Contains(string(r.Body), "outbound_url") {
			t.Errorf("%s: no outbound_url field message: %s", url, r.Body)
		}
	}
}
