// Package netguard keeps outbound webhooks from reaching the machine itself
// or private networks (SSRF): only public unicast addresses are allowed
// (see Allowed), checked by the dialer after DNS resolution, so a name
// that resolves (or re-resolves) to any other address is refused before a
// single packet is sent. The client follows no redirects and uses no proxy.
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
