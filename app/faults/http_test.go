package faults_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// response is a read HTTP response.
type response struct {
	Status  int
	Header  http.Header
	Body    []byte
	Elapsed time.Duration
	Err     error
}

// JSON decodes the body as an object.
func (r response) JSON(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("not JSON (%d): %s", r.Status, r.Body)
	}
	return m
}

// send does one request to the rig with its API key (headers are pairs).
func (r *rig) send(ctx context.Context, method, path, body string, headers ...string) response {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	start := time.Now()
	req, err := http.NewRequestWithContext(ctx, method, r.URL+path, rd)
	if err != nil {
		return response{Err: err}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+r.Key)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := r.Client.Do(req)
	if err != nil {
		return response{Err: err, Elapsed: time.Since(start)}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return response{Status: resp.StatusCode, Header: resp.Header, Body: b, Elapsed: time.Since(start), Err: err}
}

// do is send for setup steps, failing the test on a transport error.
func (r *rig) do(t testing.TB, method, path, body string, headers ...string) response {
	t.Helper()
	res := r.send(context.Background(), method, path, body, headers...)
	if res.Err != nil {
		t.Fatalf("%s %s: %v", method, path, res.Err)
	}
	return res
}

// syncBuffer is a log sink safe for concurrent writers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
