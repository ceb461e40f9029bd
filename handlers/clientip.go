package handlers

import (
	"net/netip"
	"strings"

	"github.com/gofiber/fiber/v2"
)

const clientIPLocal = "lg.client_ip"

// ClientIPMiddleware decides each request's client address: the peer's,
// unless the peer is a trusted proxy; then X-Forwarded-For is read from the
// right, skipping trusted proxies, and the first other address is the
// client (addresses further left are whatever the client claimed, and are
// never believed). With no trusted proxies X-Forwarded-For is ignored.
func ClientIPMiddleware(trusted []netip.Prefix) fiber.Handler {
	return func(c *fiber.Ctx) error {
		c.Locals(clientIPLocal, clientIP(c, trusted))
		return c.Next()
	}
}

// ClientIP is the client address decided by ClientIPMiddleware.
func ClientIP(c *fiber.Ctx) string {
	if ip, ok := c.Locals(clientIPLocal).(string); ok {
		return ip
	}
	return c.IP()
}

func clientIP(c *fiber.Ctx, trusted []netip.Prefix) string {
	peer, _ := netip.AddrFromSlice(c.Context().RemoteIP())
	ip := peer.Unmap()
	if !isTrusted(ip, trusted) {
		return ip.String()
	}
	var hops []string
	c.Request().Header.VisitAll(func(k, v []byte) {
		if strings.EqualFold(string(k), fiber.HeaderXForwardedFor) {
			hops = append(hops, strings.Split(string(v), ",")...)
		}
	})
	for i := len(hops) - 1; i >= 0; i-- {
		hop, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break // a malformed hop: keep the last address a trusted proxy vouched for
		}
		ip = hop.Unmap()
		if !isTrusted(ip, trusted) {
			break
		}
	}
	return ip.String()
}

func isTrusted(ip netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}
