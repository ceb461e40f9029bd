package integrationtest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"leaveguard/app/signature"
)

// receiver is an httptest endpoint that verifies each webhook's signature
// and records the event ids and types it accepted.
type receiver struct {
	*httptest.Server
	mu      sync.Mutex
	secret  string
	status  func(r *http.Request) (int, http.Header) // nil: 204
	ids     map[string]int                           // webhook-id → receipts
	types   map[string]int
	at      []time.Time
	badSigs int
}

func newReceiver(t testing.TB) *receiver {
	rc := &receiver{ids: map[string]int{}, types: map[string]int{}}
	rc.Server = httptest.NewServer(http.HandlerFunc(rc.serve))
	t.Cleanup(rc.Close)
	return rc
}

func (rc *receiver) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	h := signature.Headers{ID: r.Header.Get(signature.HeaderID), Timestamp: r.Header.Get(signature.HeaderTimestamp),
		Signature: r.Header.Get(signature.HeaderSignature)}
	var ev struct {
		Type string `json:"type"`
	}
	_ = json.Unmarshal(body, &ev)
	rc.mu.Lock()
	secret, status := rc.secret, rc.status
	rc.mu.Unlock()
	if secret != "" && signature.Verify([]string{secret}, h, body, time.Now()) != nil {
		rc.mu.Lock()
		rc.badSigs++
		rc.mu.Unlock()
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	code, hdr := http.StatusNoContent, http.Header(nil)
	if status != nil {
		code, hdr = status(r)
	}
	rc.mu.Lock()
	rc.at = append(rc.at, time.Now())
	if code < 300 {
		rc.ids[h.ID]++
		rc.types[ev.Type]++
	}
	rc.mu.Unlock()
	for k, v := range hdr {
		w.Header()[k] = v
	}
	w.WriteHeader(code)
}

// distinct returns how many distinct event ids were accepted, and receipts.
func (rc *receiver) distinct() (int, int) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	total := 0
	for _, n := range rc.ids {
		total += n
	}
	return len(rc.ids), total
}

func (rc *receiver) hits() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return len(rc.at)
}

// got returns how many events of typ were accepted.
func (rc *receiver) got(typ string) int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.types[typ]
}
