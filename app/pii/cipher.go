package pii

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// KeySize is the length in bytes of the key NewCipher takes (AES-256).
const KeySize = 32

// lookupLabel separates the lookup-hash key from the encryption key.
const lookupLabel = "leaveguard:lookup"

// ErrKeySize is returned when a key is not exactly KeySize bytes.
var ErrKeySize = errors.New("pii: key must be 32 bytes")

// ErrDecrypt is returned when a ciphertext is too short, was made with
// another key, or was altered.
var ErrDecrypt = errors.New("pii: cannot decrypt: wrong key or tampered data")

// Cipher encrypts personal identifiers with AES-256-GCM and computes keyed
// lookup hashes of them. It is safe for concurrent use.
type Cipher struct {
	aead    cipher.AEAD
	hashKey []byte // HMAC-SHA256(key, lookupLabel)
}

// NewCipher returns a Cipher for a KeySize-byte key. The key itself is the
// AES key; the lookup-hash key is derived from it as
// HMAC-SHA256(key, "leaveguard:lookup"), so the two never coincide.
func NewCipher(key []byte) (*Cipher, error) {
	if len(key) != KeySize {
		return nil, ErrKeySize
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("pii: new cipher: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("pii: new gcm: %w", err)
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(lookupLabel))
	return &Cipher{aead: aead, hashKey: mac.Sum(nil)}, nil
}

// Encrypt seals plain with a fresh random 12-byte nonce and returns
// nonce || ciphertext || tag.
func (c *Cipher) Encrypt(plain []byte) ([]byte, error) {
	nonce := make([]byte, c.aead.NonceSize(), c.aead.NonceSize()+len(plain)+c.aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("pii: encrypt: nonce: %w", err)
	}
	return c.aead.Seal(nonce, nonce, plain, nil), nil
}

// Decrypt opens a value made by Encrypt. It returns ErrDecrypt when the
// value is too short, was sealed with another key, or was altered.
func (c *Cipher) Decrypt(sealed []byte) ([]byte, error) {
	n := c.aead.NonceSize()
	if len(sealed) < n+c.aead.Overhead() {
		return nil, ErrDecrypt
	}
	plain, err := c.aead.Open(nil, sealed[:n], sealed[n:], nil)
	if err != nil {
		return nil, ErrDecrypt
	}
	return plain, nil
}

// Hash returns the 32-byte keyed lookup hash HMAC-SHA256(hashKey, value),
// stable for a given key, for finding a record by an identifier without
// storing it in clear. Pass validated, canonical values (e.g. an ID number
// with uppercase X), since "x" and "X" hash differently.
func (c *Cipher) Hash(value string) []byte {
	mac := hmac.New(sha256.New, c.hashKey)
	mac.Write([]byte(value))
	return mac.Sum(nil)
}

// String hides the key material from fmt and loggers.
func (c *Cipher) String() string { return "pii.Cipher{key:***}" }

// GoString hides the key material from %#v.
func (c *Cipher) GoString() string { return c.String() }

// ParseKey decodes a base64 key (standard or URL alphabet, with or without
// padding; surrounding whitespace ignored) and requires exactly KeySize
// bytes. Errors never contain the key.
func ParseKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		key, err := enc.DecodeString(s)
		if err != nil {
			continue
		}
		if len(key) != KeySize {
			return nil, fmt.Errorf("pii: parse key: got %d bytes: %w", len(key), ErrKeySize)
		}
		return key, nil
	}
	return nil, errors.New("pii: parse key: not valid base64")
}
