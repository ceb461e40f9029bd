package webhooks_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"leaveguard/app/signature"
)

// TestPublishedVector: the Standard Webhooks test vector signs and verifies
// byte-exact with the signature package the endpoint uses.
func TestPublishedVector(t *testing.T) {
	const (
		secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
		id     = "msg_p5jXN8AQM9LWM0D4loKWxJek"
		body   = `{"test": 2432232314}`
		want   = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
	)
	ts := time.Unix(1614265330, 0)
	got, err := signature.Sign(secret, id, ts, []byte(body))
	if err != nil || got != want {
		t.Fatalf("Sign = %q, %v; want %q", got, err, want)
	}
	h := signature.Headers{ID: id, Timestamp: "1614265330", Signature: want}
	if err := signature.Verify([]string{secret}, h, []byte(body), ts); err != nil {
		t.Fatalf("Verify = %v", err)
	}
}

// TestRejected401: every forged, stale or incomplete delivery is refused
// with 401 and leaves no trace; unknown and deleted integrations get the
// same answer as a bad signature; a correctly signed but stale one says so.
func TestRejected401(t *testing.T) {
	id, path, secret := integration(t, env.A.Key)
	_, deadPath, deadSecret := integration(t, env.A.Key)
	if r := env.Do(t, "DELETE", "/api/v1/integrations/"+deadPath[len("/webhooks/payroll/"):], env.A.Key, nil); r.Status != 204 {
		t.Fatalf("delete: %d %s", r.Status, r.Body)
	}
	_, _, other := integration(t, env.A.Key)
	body := upsertBody("REJ-1")
	flipped := append([]byte(nil), body...)
	flipped[10] ^= 0x01
	type req struct {
		path    string
		body    []byte
		headers func(now time.Time) []string // signed at send time
	}
	drop := func(h []string, name string) []string {
		out := []string{}
		for i := 0; i+1 < len(h); i += 2 {
			if h[i] != name {
				out = append(out, h[i], h[i+1])
			}
		}
		return out
	}
	good := func(now time.Time) []string { return signed(t, secret, "msg_rej", now, body) }
	without := func(name string) func(time.Time) []string {
		return func(now time.Time) []string { return drop(good(now), name) }
	}
	cases := map[string]req{
		"flipped body byte": {path, flipped, good},
		"wrong secret":      {path, body, func(now time.Time) []string { return signed(t, other, "msg_rej", now, body) }},
		"timestamp +301s":   {path, body, func(now time.Time) []string { return good(now.Add(301 * time.Second)) }},
		"timestamp -301s":   {path, body, func(now time.Time) []string { return good(now.Add(-301 * time.Second)) }},
		"missing id":        {path, body, without(signature.HeaderID)},
		"missing timestamp": {path, body, without(signature.HeaderTimestamp)},
		"missing signature": {path, body, without(signature.HeaderSignature)},
		"other id than signed": {path, body, func(now time.Time) []string {
			return append(drop(good(now), signature.HeaderID), signature.HeaderID, "msg_other")
		}},
		"unknown integration": {"/webhooks/payroll/" + uuid.NewString(), body, good},
		"malformed id":        {"/webhooks/payroll/not-a-uuid", body, good},
		"deleted integration": {deadPath, body, func(now time.Time) []string { return signed(t, deadSecret, "msg_rej", now, body) }},
	}
	const rounds = 20
	refused := 0
	for name, c := range cases {
		for i := 0; i < rounds; i++ {
			r := env.Do(t, "POST", c.path, "", c.body, c.headers(time.Now())...)
			want := "invalid_signature"
			if strings.HasPrefix(name, "timestamp ") {
				want = "timestamp_out_of_range" // signed right, at the wrong time: said so
			}
			if r.Status != 401 || r.Code() != want {
				t.Errorf("%s: %d %s", name, r.Status, r.Body)
				continue
			}
			refused++
		}
	}
	t.Logf("refused %d of %d forged/stale/incomplete deliveries (100%% required)", refused, rounds*len(cases))
	if n := env.Count(t, `SELECT count(*) FROM webhook_deliveries WHERE integration_id = $1`, id); n != 0 {
		t.Fatalf("%d deliveries stored from refused requests", n)
	}
	if r := post(t, path, secret, "msg_ok_"+strconv.Itoa(int(seq.Add(1))), body); r.Status != 202 {
		t.Errorf("genuine delivery: %d %s", r.Status, r.Body)
	}
}
