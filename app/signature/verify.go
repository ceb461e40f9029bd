package signature

import (
	"crypto/hmac"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Tolerance is how far a webhook-timestamp may be from now, either way.
const Tolerance = 5 * time.Minute

// Errors of Verify. All but ErrBadSecret mean the request must be refused
// (401); ErrBadSecret means the stored secret itself is unusable.
var (
	// ErrMissingHeader means one of the three headers is empty.
	ErrMissingHeader = errors.New("signature: missing webhook header")
	// ErrBadTimestamp means webhook-timestamp is not whole Unix seconds.
	ErrBadTimestamp = errors.New("signature: webhook-timestamp is not a Unix time in seconds")
	// ErrTimestampOutOfRange means the timestamp is more than Tolerance
	// away from now.
	ErrTimestampOutOfRange = errors.New("signature: webhook-timestamp outside tolerance")
	// ErrNoMatch means no v1 signature matches any of the secrets.
	ErrNoMatch = errors.New("signature: no matching signature")
)

// Headers holds the three Standard Webhooks header values as received.
type Headers struct {
	ID        string // webhook-id
	Timestamp string // webhook-timestamp, Unix seconds
	Signature string // webhook-signature, space-separated "v1,<base64>" items
}

// Verify checks a delivery against the raw body before anything parses it.
// It accepts when the timestamp is within Tolerance of now and any "v1"
// signature in h.Signature equals, in constant time, the HMAC of
// "id.timestamp.body" under any of secrets (several secrets allow rotation
// with a grace period). Signatures of other versions are ignored. It returns
// nil, ErrBadSecret (wrapped, if secrets is empty or one is malformed), or
// one of ErrMissingHeader, ErrBadTimestamp, ErrTimestampOutOfRange,
// ErrNoMatch (wrapped with detail; test with errors.Is).
func Verify(secrets []string, h Headers, body []byte, now time.Time) error {
	for _, hv := range [...]struct{ name, value string }{
		{HeaderID, h.ID}, {HeaderTimestamp, h.Timestamp}, {HeaderSignature, h.Signature},
	} {
		if strings.TrimSpace(hv.value) == "" {
			return fmt.Errorf("%w: %s", ErrMissingHeader, hv.name)
		}
	}
	ts, err := parseTimestamp(h.Timestamp)
	if err != nil {
		return err
	}
	if d := now.Sub(ts); d > Tolerance || d < -Tolerance {
		return fmt.Errorf("%w: %s off", ErrTimestampOutOfRange, d.Round(time.Second))
	}
	if len(secrets) == 0 {
		return fmt.Errorf("%w: no secrets configured", ErrBadSecret)
	}
	sigs := parseSignatures(h.Signature)
	for i, secret := range secrets {
		key, err := decodeSecret(secret)
		if err != nil {
			return fmt.Errorf("signature: secret %d: %w", i, err)
		}
		want := mac(key, h.ID, h.Timestamp, body)
		for _, sig := range sigs {
			if hmac.Equal(sig, want) {
				return nil
			}
		}
	}
	return ErrNoMatch
}

// parseTimestamp reads whole Unix seconds: 1 to 15 ASCII digits, no sign.
func parseTimestamp(s string) (time.Time, error) {
	if s == "" || len(s) > 15 || strings.TrimLeft(s, "0123456789") != "" {
		return time.Time{}, ErrBadTimestamp
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, ErrBadTimestamp
	}
	return time.Unix(n, 0), nil
}

// maxSignatures bounds the work one header can cause.
const maxSignatures = 16

// parseSignatures returns the decoded "v1" signatures of a
// webhook-signature header: space-separated "version,base64" items. Items
// of other versions, and malformed items, are skipped.
func parseSignatures(header string) [][]byte {
	var out [][]byte
	for _, item := range strings.Fields(header) {
		version, b64, ok := strings.Cut(item, ",")
		if !ok || version != "v1" {
			continue
		}
		sig, err := base64.StdEncoding.DecodeString(b64)
		if err != nil || len(sig) == 0 {
			continue
		}
		if out = append(out, sig); len(out) == maxSignatures {
			break
		}
	}
	return out
}
