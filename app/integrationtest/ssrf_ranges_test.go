package integrationtest

import (
	"bytes"
	"errors"
	"net/netip"
	"strings"
	"testing"
	"time"

	"leaveguard/app/netguard"
)

// specialAddrs are addresses that are not public unicast, in the forms an
// attacker would try: the IANA special-purpose ranges, IPv4-compatible,
// IPv4-mapped, 6to4 and NAT64 wrappings of loopback and private addresses.
var specialAddrs = []string{
	"198.18.0.1", "198.19.255.254", "240.0.0.1", "255.255.255.254", "192.0.0.8", "192.0.2.1",
	"198.51.100.7", "203.0.113.9", "192.88.99.1", "::127.0.0.1", "::10.0.0.1", "::ffff:127.0.0.1",
	"::ffff:198.18.0.1", "2002:7f00:1::", "2002:a00:1::1", "2002:c0a8:101::1", "64:ff9b::7f00:1",
	"64:ff9b::a00:1", "64:ff9b:1::a00:1", "2001:db8::1", "2001::1", "3fff::1", "5f00::1", "100::1",
	"fec0::1", "ff02::1", "::2",
}

// TestAllowedSpecialPurpose: every special-purpose form is refused, and the
// host's own interface addresses too; public unicast (and the public IPv4
// inside 6to4 and NAT64) passes.
func TestAllowedSpecialPurpose(t *testing.T) {
	for _, s := range specialAddrs {
		if netguard.Allowed(netip.MustParseAddr(s), false) {
			t.Errorf("Allowed(%s) = true", s)
		}
	}
	for _, ip := range netguard.OwnAddresses() {
		if netguard.Allowed(ip, false) {
			t.Errorf("own interface address %s allowed", ip)
		}
	}
	for _, s := range []string{"93.184.216.34", "8.8.8.8", "2606:2800:220:1::1", "2002:5db8:d822::1", "64:ff9b::808:808", "::ffff:8.8.8.8"} {
		if !netguard.Allowed(netip.MustParseAddr(s), false) {
			t.Errorf("Allowed(%s) = false, want true (public unicast)", s)
		}
	}
}

// TestSSRFSpecialPurposeAtDial: the dialer refuses the same forms before
// anything is sent.
func TestSSRFSpecialPurposeAtDial(t *testing.T) {
	client := netguard.Client(false, 3*time.Second)
	for _, s := range append([]string{"::127.0.0.1", "2002:7f00:1::"}, "198.18.0.1", "240.0.0.1") {
		host := s
		if strings.Contains(s, ":") {
			host = "[" + s + "]"
		}
		res, err := client.Post("http://"+host+":9/hook", "application/json", bytes.NewReader([]byte(`{}`)))
		if err == nil {
			res.Body.Close()
			t.Errorf("%s: sent", s)
			continue
		}
		if !errors.Is(err, netguard.ErrForbiddenAddress) {
			t.Errorf("%s: %v, want a refusal at dial time", s, err)
		}
	}
}

// TestSSRFSpecialPurposeAtCreation: the API refuses the forms with a 422
// naming outbound_url, on create and on update, without echoing an address.
func TestSSRFSpecialPurposeAtCreation(t *testing.T) {
	own := netguard.OwnAddresses()
	hosts := []string{"[::127.0.0.1]", "[2002:7f00:1::]", "198.18.0.1", "240.0.0.1", "[64:ff9b::a00:1]", "[::ffff:127.0.0.1]", "localhost"}
	for _, ip := range own {
		switch {
		case ip.IsLoopback() || ip.IsLinkLocalUnicast():
		case ip.Is4():
			hosts = append(hosts, ip.String())
		default:
			hosts = append(hosts, "["+ip.String()+"]")
		}
	}
	for _, h := range hosts {
		url := "https://" + h + "/hook"
		r := env.Do(t, "POST", "/api/v1/integrations", env.A.Key, map[string]any{"name": "工资系统", "outbound_url": url})
		if r.Status != 422 || r.Code() != "out_of_range" || !strings.Contains(string(r.Body), "outbound_url") {
			t.Errorf("create %s: %d %s, want 422 naming outbound_url", url, r.Status, r.Body)
		}
	}
	r := env.Do(t, "POST", "/api/v1/integrations", env.A.Key, map[string]any{"name": "工资系统"})
	id, _ := r.JSON(t)["id"].(string)
	if r := env.Do(t, "PATCH", "/api/v1/integrations/"+id, env.A.Key, map[string]any{"outbound_url": "https://[::127.0.0.1]/x"}); r.Status != 422 {
		t.Errorf("update: %d %s", r.Status, r.Body)
	}
}
