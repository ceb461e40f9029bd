package pii

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// testKey returns a fixed 32-byte key whose bytes start at b.
func testKey(b byte) []byte {
	k := make([]byte, KeySize)
	for i := range k {
		k[i] = b + byte(i)
	}
	return k
}

func mustCipher(t *testing.T, key []byte) *Cipher {
	t.Helper()
	c, err := NewCipher(key)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestNewCipherKeySize(t *testing.T) {
	tests := []struct {
		name string
		size int
		want error
	}{
		{"32 bytes", 32, nil},
		{"16 bytes", 16, ErrKeySize},
		{"31 bytes", 31, ErrKeySize},
		{"33 bytes", 33, ErrKeySize},
		{"empty", 0, ErrKeySize},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := NewCipher(make([]byte, tt.size)); !errors.Is(err, tt.want) {
				t.Fatalf("NewCipher = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestEncryptDecryptRoundTrip(t *testing.T) {
	c := mustCipher(t, testKey(1))
	for _, plain := range []string{"", "11010519491231002X", strings.Repeat("孕", 1000)} {
		sealed, err := c.Encrypt([]byte(plain))
		if err != nil {
			t.Fatal(err)
		}
		if plain != "" && bytes.Contains(sealed, []byte(plain)) {
			t.Fatal("ciphertext contains the plaintext")
		}
		got, err := c.Decrypt(sealed)
		if err != nil || string(got) != plain {
			t.Fatalf("Decrypt = %q, %v; want %q", got, err, plain)
		}
	}
}

func TestEncryptUsesFreshNonce(t *testing.T) {
	c := mustCipher(t, testKey(1))
	a, _ := c.Encrypt([]byte("11010519491231002X"))
	b, _ := c.Encrypt([]byte("11010519491231002X"))
	if bytes.Equal(a, b) {
		t.Fatal("two encryptions of one value are equal")
	}
}

func TestDecryptRejects(t *testing.T) {
	c := mustCipher(t, testKey(1))
	sealed, _ := c.Encrypt([]byte("11010519491231002X"))
	flip := func(i int) []byte {
		b := bytes.Clone(sealed)
		b[i] ^= 0x01
		return b
	}
	tests := []struct {
		name  string
		c     *Cipher
		input []byte
	}{
		{"flipped nonce byte", c, flip(0)},
		{"flipped ciphertext byte", c, flip(15)},
		{"flipped tag byte", c, flip(len(sealed) - 1)},
		{"truncated", c, sealed[:len(sealed)-1]},
		{"appended byte", c, append(bytes.Clone(sealed), 0)},
		{"too short", c, sealed[:27]},
		{"empty", c, nil},
		{"other key", mustCipher(t, testKey(2)), sealed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := tt.c.Decrypt(tt.input); !errors.Is(err, ErrDecrypt) || got != nil {
				t.Fatalf("Decrypt = %q, %v; want ErrDecrypt", got, err)
			}
		})
	}
}

func TestHash(t *testing.T) {
	key := testKey(1)
	c := mustCipher(t, key)
	h := c.Hash("11010519491231002X")
	if len(h) != sha256.Size {
		t.Fatalf("len = %d", len(h))
	}
	if !bytes.Equal(h, mustCipher(t, key).Hash("11010519491231002X")) {
		t.Fatal("hash not stable across Cipher values with one key")
	}
	if bytes.Equal(h, c.Hash("440305199003071236")) {
		t.Fatal("different values hash alike")
	}
	if bytes.Equal(h, mustCipher(t, testKey(2)).Hash("11010519491231002X")) {
		t.Fatal("different keys hash alike")
	}
	raw := hmac.New(sha256.New, key)
	raw.Write([]byte("11010519491231002X"))
	if bytes.Equal(h, raw.Sum(nil)) {
		t.Fatal("lookup hash uses the encryption key directly")
	}
	// Pin the derivation, so stored lookup hashes survive refactoring:
	// HMAC-SHA256(HMAC-SHA256(key, "leaveguard:lookup"), value).
	derive := hmac.New(sha256.New, key)
	derive.Write([]byte("leaveguard:lookup"))
	want := hmac.New(sha256.New, derive.Sum(nil))
	want.Write([]byte("11010519491231002X"))
	if !bytes.Equal(h, want.Sum(nil)) {
		t.Fatalf("hash = %x, want %x", h, want.Sum(nil))
	}
}

func TestCipherDoesNotPrintKey(t *testing.T) {
	key := testKey(0x41) // "ABCD..."
	c := mustCipher(t, key)
	for _, s := range []string{fmt.Sprint(c), fmt.Sprintf("%v %+v %#v %s", c, c, c, c)} {
		if strings.Contains(s, "ABCD") || strings.Contains(s, "65 66 67") {
			t.Fatalf("printed key material: %s", s)
		}
	}
}

func TestParseKey(t *testing.T) {
	key := testKey(7)
	tests := []struct {
		name    string
		in      string
		wantErr bool
	}{
		{"std", base64.StdEncoding.EncodeToString(key), false},
		{"raw std", base64.RawStdEncoding.EncodeToString(key), false},
		{"url", base64.URLEncoding.EncodeToString(key), false},
		{"trailing newline", base64.StdEncoding.EncodeToString(key) + "\n", false},
		{"16 bytes", base64.StdEncoding.EncodeToString(key[:16]), true},
		{"33 bytes", base64.StdEncoding.EncodeToString(append(bytes.Clone(key), 0)), true},
		{"not base64", "not base64 at all!", true},
		{"empty", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseKey(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseKey err = %v, wantErr %v", err, tt.wantErr)
			}
			if !tt.wantErr && !bytes.Equal(got, key) {
				t.Fatalf("ParseKey = %x, want %x", got, key)
			}
		})
	}
}
