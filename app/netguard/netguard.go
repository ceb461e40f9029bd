// Package netguard keeps outbound webhooks from reaching the machine itself
// or private networks (SSRF): an http.Client whose dialer refuses loopback,
// private, link-local, unspecified and multicast addresses at dial time,
// after DNS resolution, so a name that resolves (or re-resolves) to such an
// address is refused before a single packet is sent. It follows no
// redirects and uses no proxy.
package netguard

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// ErrForbiddenAddress is returned (wrapped) when a dial is refused.
var ErrForbiddenAddress = errors.New("netguard: address not allowed")

// Ranges the netip predicates do not name: carrier-grade NAT (RFC 6598),
// "this network" (RFC 791) and NAT64, which embeds an IPv4 address.
var (
	cgnat       = netip.MustParsePrefix("100.64.0.0/10")
	thisNetwork = netip.MustParsePrefix("0.0.0.0/8")
	nat64       = netip.MustParsePrefix("64:ff9b::/96")
)

// Allowed reports whether a connection to ip may be opened. Loopback is
// allowed only when allowLoopback is set (the project's own tests).
func Allowed(ip netip.Addr, allowLoopback bool) bool {
	ip = ip.Unmap()
	if nat64.Contains(ip) {
		b := ip.As16()
		ip = netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
	}
	switch {
	case !ip.IsValid():
		return false
	case ip.IsLoopback():
		return allowLoopback
	case ip.IsPrivate(), ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast(),
		ip.IsInterfaceLocalMulticast(), ip.IsMulticast(), ip.IsUnspecified(),
		cgnat.Contains(ip), thisNetwork.Contains(ip):
		return false
	case ip.Is4() && ip == netip.AddrFrom4([4]byte{255, 255, 255, 255}):
		return false
	}
	return true
}

// control is the dialer hook: it sees the resolved address of every
// connection attempt.
func control(allowLoopback bool) func(network, address string, _ syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return fmt.Errorf("%w: %s", ErrForbiddenAddress, network)
		}
		if !Allowed(ap.Addr(), allowLoopback) {
			return fmt.Errorf("%w: %s", ErrForbiddenAddress, ap.Addr())
		}
		return nil
	}
}

// Client returns an http.Client for outbound webhooks: guarded dialer, no
// proxy, no redirects (a 3xx is returned as the response), timeout per
// request.
func Client(allowLoopback bool, timeout time.Duration) *http.Client {
	dialer := &net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second, Control: control(allowLoopback)}
	transport := &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   16,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   5 * time.Second,
		ResponseHeaderTimeout: timeout,
	}
	return &http.Client{
		Transport:     transport,
		Timeout:       timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}
