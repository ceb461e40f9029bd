package handlers

import (
	"strconv"
	"testing"
	"time"
)

// TestLocalWindowsExpire: without Redis, the limiter's windows end and are
// dropped one by one; a flood of distinct keys neither grows memory past
// maxLocalKeys nor wipes the count of a key that is still being limited.
func TestLocalWindowsExpire(t *testing.T) {
	at := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	l := NewLimiter(nil, 3, time.Minute)
	l.now = func() time.Time { return at }
	for range 5 {
		l.allowLocal("busy")
	}
	for i := range maxLocalKeys + 10 {
		l.allowLocal("flood-" + strconv.Itoa(i))
	}
	if n := len(l.local); n > maxLocalKeys {
		t.Fatalf("%d local windows kept, max %d", n, maxLocalKeys)
	}
	if n, _ := l.allowLocal("busy"); n != 6 {
		t.Fatalf("busy key counted %d after the flood, want 6 (its window kept)", n)
	}
	at = at.Add(time.Minute)
	if n, _ := l.allowLocal("busy"); n != 1 {
		t.Fatalf("a new window counts from 1, got %d", n)
	}
	if n := len(l.local); n != 1 {
		t.Fatalf("%d windows kept after they ended, want 1", n)
	}
}
