// Package auth holds LeaveGuard's credentials: API keys (which name their
// tenant, so the tenant is known before any row is read) and argon2id
// password hashes.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strings"
)

// ErrBadKey means the string is not a well-formed LeaveGuard API key.
var ErrBadKey = errors.New("auth: malformed api key")

// ValidRole reports whether r is one of Roles.
func ValidRole(r string) bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// NewAPIKey returns a fresh key "lg_<tenant hex>_<secret>" for tenant (a
// UUID string), and the SHA-256 hash to store.
func NewAPIKey(tenant string) (key string, hash []byte, err error) {
	t := strings.ReplaceAll(tenant, "-", "")
	if len(t) != 32 {
		return "", nil, ErrBadKey
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return "", nil, err
	}
	key = "lg_" + t + "_" + base64.RawURLEncoding.EncodeToString(secret)
	return key, HashAPIKey(key), nil
}

// ParseAPIKey returns the tenant (as a UUID string) named by key.
func ParseAPIKey(key string) (tenant string, err error) {
	parts := strings.SplitN(key, "_", 3)
	if len(parts) != 3 || parts[0] != "lg" || len(parts[1]) != 32 || len(parts[2]) != 43 {
		return "", ErrBadKey
	}
	raw, err := hex.DecodeString(parts[1])
	if err != nil {
		return "", ErrBadKey
	}
	h := hex.EncodeToString(raw)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32], nil
}

// HashAPIKey is the stored form of a key.
func HashAPIKey(key string) []byte {
	s := sha256.Sum256([]byte(key))
	return s[:]
}
