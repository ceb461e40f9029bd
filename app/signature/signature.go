// Package signature signs and verifies webhooks by the Standard Webhooks
// scheme (https://www.standardwebhooks.com): an HMAC-SHA256 over
// "<webhook-id>.<webhook-timestamp>.<body>", keyed with the base64-decoded
// part of a "whsec_" secret, sent as "v1,<base64 signature>" in the
// webhook-signature header. It uses only the standard library.
package signature

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Header names of the Standard Webhooks scheme.
const (
	HeaderID        = "webhook-id"
	HeaderTimestamp = "webhook-timestamp"
	HeaderSignature = "webhook-signature"
)

// SecretPrefix starts every secret made by NewSecret.
const SecretPrefix = "whsec_"

// secretBytes is the length of the random key inside a new secret.
const secretBytes = 32

// ErrBadSecret is returned when a secret is not "whsec_" followed by
// base64, or decodes to an empty key. It is a configuration error, not a
// bad request.
var ErrBadSecret = errors.New("signature: secret is not whsec_ followed by base64")

// NewSecret returns a fresh secret: "whsec_" followed by the standard
// base64 encoding of 32 random bytes.
func NewSecret() (string, error) {
	key := make([]byte, secretBytes)
	if _, err := rand.Read(key); err != nil {
		return "", fmt.Errorf("signature: new secret: %w", err)
	}
	return SecretPrefix + base64.StdEncoding.EncodeToString(key), nil
}

// decodeSecret returns the HMAC key of a secret. As in the reference
// libraries, the "whsec_" prefix is optional.
func decodeSecret(secret string) ([]byte, error) {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, SecretPrefix))
	if err != nil || len(key) == 0 {
		return nil, ErrBadSecret
	}
	return key, nil
}

// mac returns HMAC-SHA256(key, id "." timestamp "." body).
func mac(key []byte, id, timestamp string, body []byte) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(id))
	h.Write([]byte{'.'})
	h.Write([]byte(timestamp))
	h.Write([]byte{'.'})
	h.Write(body)
	return h.Sum(nil)
}

// Sign returns the webhook-signature header value "v1,<base64>" for a
// message id, its timestamp (whole Unix seconds, as sent in the
// webhook-timestamp header) and the exact body bytes.
func Sign(secret, msgID string, ts time.Time, body []byte) (string, error) {
	key, err := decodeSecret(secret)
	if err != nil {
		return "", err
	}
	sig := mac(key, msgID, strconv.FormatInt(ts.Unix(), 10), body)
	return "v1," + base64.StdEncoding.EncodeToString(sig), nil
}
