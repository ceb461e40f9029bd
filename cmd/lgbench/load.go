package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"
)

// request is one HTTP request of a scenario, relative to a server's base URL.
type request struct {
	Method string
	Path   string
	Body   []byte
	Header map[string]string
}

// reqGen makes the next request; rng belongs to the calling connection.
type reqGen func(rng *rand.Rand) request

// result is one measurement.
type result struct {
	Requests int            `json:"requests"`
	Errors   int            `json:"errors"`
	Status   map[string]int `json:"status"`
	RPS      float64        `json:"rps"`
	P50ms    float64        `json:"p50_ms"`
	P90ms    float64        `json:"p90_ms"`
	P99ms    float64        `json:"p99_ms"`
	MaxMs    float64        `json:"max_ms"`
	Seconds  float64        `json:"seconds"`
	Sample   string         `json:"error_sample,omitempty"` // the first failing response, shortened
	CPU      cpuPerRequest  `json:"cpu_per_request"`
}

// newClient is a keep-alive client for conns connections that dials only
// loopback addresses.
func newClient(conns int) *http.Client {
	d := &net.Dialer{Timeout: 5 * time.Second}
	tr := &http.Transport{
		MaxIdleConns: conns * 2, MaxIdleConnsPerHost: conns * 2, MaxConnsPerHost: conns,
		IdleConnTimeout: 90 * time.Second, DisableCompression: true,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			host, _, err := net.SplitHostPort(addr)
			if err != nil || !net.ParseIP(host).IsLoopback() {
				return nil, fmt.Errorf("lgbench sends traffic to 127.0.0.1 only, not %q", addr)
			}
			return d.DialContext(ctx, network, addr)
		},
	}
	return &http.Client{Transport: tr, Timeout: 60 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// load is a measurement in progress: the latencies of every request.
type load struct {
	res     result
	lat     []time.Duration
	elapsed time.Duration
}

// measure sends requests from conns goroutines to base for dur, or until
// maxReq requests, each as soon as the previous one is answered (a closed
// loop: the load is whatever the server sustains), and adds them to l.
func (l *load) measure(ctx context.Context, c *http.Client, base string, conns int, dur time.Duration, maxReq int, g reqGen) {
	per := max(maxReq/conns, 1)
	deadline := time.Now().Add(dur)
	l.run(ctx, c, base, conns, g, func(i int) (time.Time, bool) {
		now := time.Now()
		return now, i < per && now.Before(deadline)
	})
}

// measurePaced offers rate requests per second for dur over conns
// goroutines (an open loop: the load is fixed, not what the server
// sustains), and counts each latency from the moment its request was due,
// so time a request spent waiting for a free connection is not left out.
func (l *load) measurePaced(ctx context.Context, c *http.Client, base string, conns int, dur time.Duration, rate float64, g reqGen) {
	n := int(rate * dur.Seconds())
	every := time.Duration(float64(time.Second) / rate)
	due := make(chan time.Time, n)
	go func() {
		defer close(due)
		start := time.Now()
		for i := 0; i < n && ctx.Err() == nil; i++ {
			t := start.Add(time.Duration(i) * every)
			time.Sleep(time.Until(t))
			due <- t
		}
	}()
	l.run(ctx, c, base, conns, g, func(int) (time.Time, bool) {
		t, ok := <-due
		return t, ok
	})
}

// run sends requests from conns goroutines; next(i) says when a goroutine's
// i-th request was due (its latency counts from then) and whether to send it.
func (l *load) run(ctx context.Context, c *http.Client, base string, conns int, g reqGen, next func(i int) (time.Time, bool)) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	if l.res.Status == nil {
		l.res.Status = map[string]int{}
	}
	res := &l.res
	start := time.Now()
	for w := 0; w < conns; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w)+1, uint64(start.UnixNano())))
			mine := make([]time.Duration, 0, 1024)
			status := map[string]int{}
			errs, sample := 0, ""
			for i := 0; ctx.Err() == nil; i++ {
				t0, ok := next(i)
				if !ok {
					break
				}
				code, body, err := do(ctx, c, base, g(rng))
				mine = append(mine, time.Since(t0))
				key := fmt.Sprint(code)
				if err != nil {
					key = "error"
				}
				status[key]++
				if err != nil || code >= 400 {
					errs++
					if sample == "" {
						sample = strings.TrimSpace(key + " " + shorten(body, err))
					}
				}
			}
			mu.Lock()
			defer mu.Unlock()
			l.lat = append(l.lat, mine...)
			for k, v := range status {
				res.Status[k] += v
			}
			res.Errors += errs
			if res.Sample == "" {
				res.Sample = sample
			}
		}()
	}
	wg.Wait()
	l.elapsed += time.Since(start)
}

// result summarises the measurement.
func (l *load) result() result {
	res, lat := l.res, l.lat
	res.Requests, res.Seconds = len(lat), l.elapsed.Seconds()
	if l.elapsed > 0 {
		res.RPS = float64(len(lat)) / l.elapsed.Seconds()
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	res.P50ms, res.P90ms, res.P99ms = pct(lat, 0.50), pct(lat, 0.90), pct(lat, 0.99)
	if len(lat) > 0 {
		res.MaxMs = ms(lat[len(lat)-1])
	}
	return res
}

// do sends one request and reads the whole response.
func do(ctx context.Context, c *http.Client, base string, r request) (int, []byte, error) {
	var body io.Reader
	if r.Body != nil {
		body = bytes.NewReader(r.Body)
	}
	req, err := http.NewRequestWithContext(ctx, r.Method, base+r.Path, body)
	if err != nil {
		return 0, nil, err
	}
	for k, v := range r.Header {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

func shorten(body []byte, err error) string {
	s := string(body)
	if err != nil {
		s = err.Error()
	}
	if len(s) > 300 {
		s = s[:300]
	}
	return s
}

func pct(sorted []time.Duration, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	return ms(sorted[min(int(float64(len(sorted))*p), len(sorted)-1)])
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
