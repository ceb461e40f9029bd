package payroll

import (
	"crypto/sha256"
	"encoding/hex"
)

// DefaultFeedVersion is the feed version used when FeedFacts.Version is empty.
const DefaultFeedVersion = "feed-v1"

// FeedLineID returns the stable id of the feed line of an employee in a
// month under a feed version: a UUID (RFC 9562 version 8, name-based on
// SHA-256) of "leaveguard.payroll.feed", version, employee id and month,
// separated by NUL bytes. It depends on nothing else (not the tenant, not
// the figures), so a payroll system can reconcile re-sent lines.
func FeedLineID(employeeID string, mo Month, version string) string {
	h := sha256.New()
	for _, s := range []string{"leaveguard.payroll.feed", version, employeeID, mo.String()} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	var sum [sha256.Size]byte
	b := h.Sum(sum[:0])[:16]
	b[6] = b[6]&0x0f | 0x80 // version 8
	b[8] = b[8]&0x3f | 0x80 // RFC 9562 variant
	var out [36]byte
	hex.Encode(out[0:8], b[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], b[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], b[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], b[8:10])
	out[23] = '-'
	hex.Encode(out[24:], b[10:16])
	return string(out[:])
}
