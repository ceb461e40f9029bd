package faults_test

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"
)

// tally is what a stretch of load got back.
type tally struct {
	mu      sync.Mutex
	codes   map[int]int // 0: transport error
	lat     []time.Duration
	slowest map[int]time.Duration // per status
	bad     []string              // samples of unexpected answers
	noRetry int                   // 503s without Retry-After
}

func newTally() *tally { return &tally{codes: map[int]int{}, slowest: map[int]time.Duration{}} }

func (t *tally) add(res response) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.codes[res.Status]++
	t.lat = append(t.lat, res.Elapsed)
	t.slowest[res.Status] = max(t.slowest[res.Status], res.Elapsed)
	if res.Status == 503 && res.Header.Get("Retry-After") == "" {
		t.noRetry++
	}
	if (res.Status >= 500 && res.Status != 503) || res.Status == 0 {
		if len(t.bad) < 5 {
			t.bad = append(t.bad, fmt.Sprintf("%d %v %.200s", res.Status, res.Err, res.Body))
		}
	}
}

// count is the number of answers with a status in [lo, hi].
func (t *tally) count(lo, hi int) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := 0
	for c, k := range t.codes {
		if c >= lo && c <= hi {
			n += k
		}
	}
	return n
}

// p50 is the median latency.
func (t *tally) p50() time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.lat) == 0 {
		return 0
	}
	l := append([]time.Duration(nil), t.lat...)
	sort.Slice(l, func(i, j int) bool { return l[i] < l[j] })
	return l[len(l)/2]
}

func (t *tally) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return fmt.Sprintf("statuses %v, slowest %v, samples %v", t.codes, t.slowest, t.bad)
}

// hammer runs workers goroutines, each calling step in a loop, until ctx
// ends (bounded by ctx: callers always give it a deadline).
func hammer(ctx context.Context, workers int, step func(ctx context.Context, worker, i int) response) *tally {
	t := newTally()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ctx.Err() == nil; i++ {
				res := step(ctx, w, i)
				if ctx.Err() != nil && res.Err != nil {
					return // cut off by the end of the stretch
				}
				t.add(res)
			}
		}()
	}
	wg.Wait()
	return t
}

// apiStep is the mixed API load: reads of an employee and dismissal checks.
func (r *rig) apiStep(ctx context.Context, w, i int) response {
	emp := r.Emps[(w+i)%len(r.Emps)]
	if i%2 == 0 {
		return r.send(ctx, "GET", "/api/v1/employees/"+emp, "")
	}
	return r.send(ctx, "POST", "/api/v1/dismissal-checks",
		fmt.Sprintf(`{"employee_id": %q, "action": "termination", "ground": "art40", "effective_date": "2026-12-01"}`, emp))
}
