package signature

import (
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The published Standard Webhooks test vector.
const (
	vecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	vecID     = "msg_p5jXN8AQM9LWM0D4loKWxJek"
	vecTS     = "1614265330"
	vecBody   = `{"test": 2432232314}`
	vecSig    = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
)

var vecTime = time.Unix(1614265330, 0)

func TestSignPublishedVector(t *testing.T) {
	got, err := Sign(vecSecret, vecID, vecTime, []byte(vecBody))
	if err != nil || got != vecSig {
		t.Fatalf("Sign = %q, %v; want %q", got, err, vecSig)
	}
}

func TestVerify(t *testing.T) {
	other, _ := NewSecret()
	otherSig, _ := Sign(other, vecID, vecTime, []byte(vecBody))
	ok := Headers{ID: vecID, Timestamp: vecTS, Signature: vecSig}
	with := func(f func(*Headers)) Headers { h := ok; f(&h); return h }
	flipped := []byte(vecBody)
	flipped[3] ^= 0x01
	tests := []struct {
		name    string
		secrets []string
		h       Headers
		body    []byte
		now     time.Time
		want    error
	}{
		{"published vector", []string{vecSecret}, ok, []byte(vecBody), vecTime, nil},
		{"secret without prefix", []string{strings.TrimPrefix(vecSecret, "whsec_")}, ok, []byte(vecBody), vecTime, nil},
		{"now +300s", []string{vecSecret}, ok, []byte(vecBody), vecTime.Add(300 * time.Second), nil},
		{"now -300s", []string{vecSecret}, ok, []byte(vecBody), vecTime.Add(-300 * time.Second), nil},
		{"rotation old then new", []string{vecSecret, other}, ok, []byte(vecBody), vecTime, nil},
		{"rotation new then old", []string{other, vecSecret}, ok, []byte(vecBody), vecTime, nil},
		{"several signatures, match last", []string{vecSecret}, with(func(h *Headers) { h.Signature = otherSig + " " + vecSig }), []byte(vecBody), vecTime, nil},
		{"several signatures, match first", []string{vecSecret}, with(func(h *Headers) { h.Signature = vecSig + " " + otherSig }), []byte(vecBody), vecTime, nil},
		{"unknown version ignored", []string{vecSecret}, with(func(h *Headers) { h.Signature = "v1a,AAAA " + vecSig }), []byte(vecBody), vecTime, nil},
		{"flipped body byte", []string{vecSecret}, ok, flipped, vecTime, ErrNoMatch},
		{"body with trailing newline", []string{vecSecret}, ok, []byte(vecBody + "\n"), vecTime, ErrNoMatch},
		{"wrong secret", []string{other}, ok, []byte(vecBody), vecTime, ErrNoMatch},
		{"other id", []string{vecSecret}, with(func(h *Headers) { h.ID = "msg_other" }), []byte(vecBody), vecTime, ErrNoMatch},
		{"flipped signature byte", []string{vecSecret}, with(func(h *Headers) { h.Signature = "v1,h0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=" }), []byte(vecBody), vecTime, ErrNoMatch},
		{"only other version", []string{vecSecret}, with(func(h *Headers) { h.Signature = "v2," + strings.TrimPrefix(vecSig, "v1,") }), []byte(vecBody), vecTime, ErrNoMatch},
		{"signature without version", []string{vecSecret}, with(func(h *Headers) { h.Signature = strings.TrimPrefix(vecSig, "v1,") }), []byte(vecBody), vecTime, ErrNoMatch},
		{"timestamp +301s", []string{vecSecret}, ok, []byte(vecBody), vecTime.Add(-301 * time.Second), ErrTimestampOutOfRange},
		{"timestamp -301s", []string{vecSecret}, ok, []byte(vecBody), vecTime.Add(301 * time.Second), ErrTimestampOutOfRange},
		{"timestamp in ms", []string{vecSecret}, with(func(h *Headers) { h.Timestamp = vecTS + "000" }), []byte(vecBody), vecTime, ErrTimestampOutOfRange},
		{"timestamp not a number", []string{vecSecret}, with(func(h *Headers) { h.Timestamp = "yesterday" }), []byte(vecBody), vecTime, ErrBadTimestamp},
		{"timestamp negative", []string{vecSecret}, with(func(h *Headers) { h.Timestamp = "-1614265330" }), []byte(vecBody), vecTime, ErrBadTimestamp},
		{"timestamp with sign", []string{vecSecret}, with(func(h *Headers) { h.Timestamp = "+1614265330" }), []byte(vecBody), vecTime, ErrBadTimestamp},
		{"timestamp huge", []string{vecSecret}, with(func(h *Headers) { h.Timestamp = strings.Repeat("9", 30) }), []byte(vecBody), vecTime, ErrBadTimestamp},
		{"missing id", []string{vecSecret}, with(func(h *Headers) { h.ID = "" }), []byte(vecBody), vecTime, ErrMissingHeader},
		{"missing timestamp", []string{vecSecret}, with(func(h *Headers) { h.Timestamp = "" }), []byte(vecBody), vecTime, ErrMissingHeader},
		{"missing signature", []string{vecSecret}, with(func(h *Headers) { h.Signature = "" }), []byte(vecBody), vecTime, ErrMissingHeader},
		{"blank signature", []string{vecSecret}, with(func(h *Headers) { h.Signature = "  " }), []byte(vecBody), vecTime, ErrMissingHeader},
		{"no secrets", nil, ok, []byte(vecBody), vecTime, ErrBadSecret},
		{"malformed secret", []string{"whsec_!!!"}, ok, []byte(vecBody), vecTime, ErrBadSecret},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Verify(tt.secrets, tt.h, tt.body, tt.now); !errors.Is(got, tt.want) {
				t.Fatalf("Verify = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNewSecretSignsAndVerifies(t *testing.T) {
	s, err := NewSecret()
	if err != nil {
		t.Fatal(err)
	}
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(s, SecretPrefix))
	if !strings.HasPrefix(s, SecretPrefix) || err != nil || len(key) != 32 {
		t.Fatalf("NewSecret = %q (%d bytes, %v)", s, len(key), err)
	}
	if s2, _ := NewSecret(); s2 == s {
		t.Fatal("two secrets are equal")
	}
	now := time.Now()
	body := []byte(`{"type":"wage.changed"}`)
	sig, err := Sign(s, "msg_1", now, body)
	if err != nil {
		t.Fatal(err)
	}
	h := Headers{ID: "msg_1", Timestamp: strconv.FormatInt(now.Unix(), 10), Signature: sig}
	if err := Verify([]string{s}, h, body, now); err != nil {
		t.Fatalf("Verify = %v", err)
	}
}

func TestSignBadSecret(t *testing.T) {
	for _, s := range []string{"", "whsec_", "whsec_not base64"} {
		if _, err := Sign(s, vecID, vecTime, nil); !errors.Is(err, ErrBadSecret) {
			t.Fatalf("Sign(%q) = %v, want ErrBadSecret", s, err)
		}
	}
}

func TestErrorsDoNotLeakSecret(t *testing.T) {
	err := Verify([]string{"whsec_secretmaterial!"}, Headers{ID: vecID, Timestamp: vecTS, Signature: vecSig}, nil, vecTime)
	if err == nil || strings.Contains(err.Error(), "secretmaterial") {
		t.Fatalf("err = %v", err)
	}
}
