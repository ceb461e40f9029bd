package netguard

import (
	"context"
	"net"
	"net/netip"
	"strings"
	"sync"
	"time"
)

// blocked4 are the IPv4 ranges of the IANA special-purpose address registry
// that are not globally reachable, or not unicast, or otherwise never a
// payroll system: this network, private, carrier-grade NAT, loopback,
// link-local, IETF protocol assignments, documentation, the 6to4 relay,
// benchmarking, multicast, reserved and broadcast.
var blocked4 = prefixes(
	"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
	"172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
	"198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
)

// global6 is IPv6 global unicast; blocked6 are the ranges inside it that
// the IANA special-purpose registry marks as not globally reachable or for
// documentation: IETF protocol assignments (Teredo, ORCHIDs, benchmarking
// included), documentation, and SRv6 SIDs.
var (
	global6   = netip.MustParsePrefix("2000::/3")
	blocked6  = prefixes("2001::/23", "2001:db8::/32", "3fff::/20", "5f00::/16")
	nat64     = prefixes("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

func prefixes(ss ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

func inAny(ip netip.Addr, ps []netip.Prefix) bool {
	for _, p := range ps {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// Allowed reports whether a connection to ip may be opened: public unicast
// only. IPv6 forms that carry an IPv4 address (IPv4-mapped, NAT64
// 64:ff9b::/96, 6to4 2002::/16) are judged by that IPv4 address;
// IPv4-compatible (::a.b.c.d) and every other IPv6 address outside global
// unicast 2000::/3 are refused. The host's own interface addresses are
// refused too. Loopback is allowed only when allowLoopback is set (the
// project's own tests).
func Allowed(ip netip.Addr, allowLoopback bool) bool {
	ip = embedded(ip.WithZone(""))
	switch {
	case !ip.IsValid():
		return false
	case ip.IsLoopback():
		return allowLoopback
	case ownAddress(ip):
		return false
	case ip.Is4():
		return !inAny(ip, blocked4) && ip != netip.AddrFrom4([4]byte{255, 255, 255, 255})
	}
	return global6.Contains(ip) && !inAny(ip, blocked6)
}

// embedded returns the IPv4 address an IPv6 address carries (mapped, NAT64,
// 6to4), else ip itself.
func embedded(ip netip.Addr) netip.Addr {
	ip = ip.Unmap()
	if !ip.Is6() {
		return ip
	}
	b := ip.As16()
	switch {
	case inAny(ip, nat64):
		return netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
	case sixToFour.Contains(ip):
		return netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]})
	}
	return ip
}

// own caches the host's interface addresses for a few seconds.
var own struct {
	sync.Mutex
	at    time.Time
	addrs map[netip.Addr]bool
}

// ownAddress reports whether ip is one of this host's interface addresses.
func ownAddress(ip netip.Addr) bool {
	own.Lock()
	defer own.Unlock()
	if own.addrs == nil || time.Since(own.at) > 10*time.Second {
		own.addrs, own.at = interfaceAddrs(), time.Now()
	}
	return own.addrs[ip]
}

func interfaceAddrs() map[netip.Addr]bool {
	out := map[netip.Addr]bool{}
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return out
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok {
			if ip, ok := netip.AddrFromSlice(n.IP); ok {
				out[ip.Unmap()] = true
			}
		}
	}
	return out
}

// OwnAddresses lists the host's interface addresses (for tests).
func OwnAddresses() []netip.Addr {
	var out []netip.Addr
	for ip := range interfaceAddrs() {
		out = append(out, ip)
	}
	return out
}

// CheckHost reports ErrForbiddenAddress when host, a literal address or a
// name, is or resolves to an address that is not Allowed. A name that does
// not resolve within a second passes: the dialer checks every connection.
func CheckHost(ctx context.Context, host string, allowLoopback bool) error {
	if ip, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		if !Allowed(ip, allowLoopback) {
			return ErrForbiddenAddress
		}
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	ips, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil
	}
	for _, ip := range ips {
		if !Allowed(ip, allowLoopback) {
			return ErrForbiddenAddress
		}
	}
	return nil
}
