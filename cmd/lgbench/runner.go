package main

import (
	"context"
	"fmt"
	"os"
	"runtime/pprof"
	"strings"
	"time"
)

// row is one line of the results table.
type row struct {
	Scenario  string  `json:"scenario"`
	Title     string  `json:"title"`
	Employees int     `json:"data_set_employees"`
	Status    string  `json:"status"` // "ok", "not yet available" or the error
	LG        *result `json:"leaveguard,omitempty"`
	Base      *result `json:"baseline,omitempty"`
	Ratio     float64 `json:"ratio,omitempty"` // LeaveGuard req/s over baseline req/s (export: time over COPY's)
	Goal      string  `json:"goal,omitempty"`
	Met       *bool   `json:"goal_met,omitempty"`
	Note      string  `json:"note,omitempty"`
	Paced     *paced  `json:"paced,omitempty"`
}

// paced is a latency measurement at a fixed offered load, the same for
// both programs: half the baseline's peak req/s. At the peak itself a
// closed loop of c connections waits c / (req/s) on average, whatever the
// server does, so its p99 says how busy the machine is, not how fast the
// server answers.
type paced struct {
	Rate float64 `json:"offered_rps"`
	LG   result  `json:"leaveguard"`
	Base result  `json:"baseline"`
}

// runScenario measures one scenario on w: LeaveGuard, then the baseline.
func runScenario(ctx context.Context, w *world, sc *scenario) row {
	r := row{Scenario: sc.Name, Title: w.title(sc.Title), Employees: w.DS.Plan.Employees}
	if !w.Srv.hasRoute(sc.Method, sc.Route) {
		r.Status = "not yet available"
		r.Note = sc.Method + " " + sc.Route + " is not served yet"
		return r
	}
	if sc.Single != nil {
		out, err := sc.Single(ctx, w)
		if err != nil {
			r.Status = "error: " + err.Error()
			return r
		}
		out.Scenario, out.Title, out.Employees = sc.Name, r.Title, r.Employees
		return out
	}
	lg, base, err := sc.Prepare(ctx, w)
	if err != nil {
		r.Status = "error: " + err.Error()
		return r
	}
	a, b := sideBySide(ctx, w, sc.Name, lg, base)
	r.Status, r.LG, r.Base = "ok", &a, &b
	if b.RPS > 0 {
		r.Ratio = a.RPS / b.RPS
	}
	goal := sc.MinRatio
	if goal == 0 {
		goal = 0.7
	}
	r.Goal = fmt.Sprintf("≥ %.2f of baseline req/s", goal)
	met := r.Ratio >= goal
	if strings.HasPrefix(sc.Name, "dismissal") && b.RPS > 0 {
		r.Paced = pacedLatency(ctx, w, lg, base, b.RPS/2)
		r.Goal += ", p99 < 20 ms at half the baseline's peak"
		met = met && r.Paced.LG.P99ms < 20 && r.Paced.LG.Errors == 0
	}
	if a.Errors > 0 || b.Errors > 0 {
		r.Note = fmt.Sprintf("errors: leaveguard %d %s; baseline %d %s", a.Errors, a.Sample, b.Errors, b.Sample)
		met = false
	}
	r.Met = &met
	return r
}

// sideBySide measures LeaveGuard and the baseline in alternating rounds
// (after a warm-up of each), so a change in the machine's background load
// during the run weighs on both alike.
func sideBySide(ctx context.Context, w *world, name string, lg, base reqGen) (result, result) {
	o := w.Opts
	var warm, a, b load
	var ca, cb cpuUse
	warm.measure(ctx, w.Client, w.Srv.LGURL, o.Conns, o.Warmup, o.MaxRequests, lg)
	warm.measure(ctx, w.Client, w.Srv.BaseURL, o.Conns, o.Warmup, o.MaxRequests, base)
	slice := o.Duration / time.Duration(o.Rounds)
	for i := 0; i < o.Rounds && ctx.Err() == nil; i++ {
		stop := startProfile(o.CPUProfile, name, i == 0)
		t0 := w.sampleCPU(ctx)
		a.measure(ctx, w.Client, w.Srv.LGURL, o.Conns, slice, o.MaxRequests, lg)
		t1 := w.sampleCPU(ctx)
		stop()
		b.measure(ctx, w.Client, w.Srv.BaseURL, o.Conns, slice, o.MaxRequests, base)
		t2 := w.sampleCPU(ctx)
		ca, cb = ca.add(t1.sub(t0)), cb.add(t2.sub(t1))
	}
	ra, rb := a.result(), b.result()
	ra.CPU, rb.CPU = ca.perRequest(ra.Requests), cb.perRequest(rb.Requests)
	return ra, rb
}

// pacedLatency measures both programs at rate req/s offered, in
// alternating rounds as sideBySide does, so that a background hiccup of the
// machine (a checkpoint, another process) weighs on both alike.
func pacedLatency(ctx context.Context, w *world, lg, base reqGen, rate float64) *paced {
	o := w.Opts
	var a, b load
	slice := o.Duration / time.Duration(o.Rounds)
	for i := 0; i < o.Rounds && ctx.Err() == nil; i++ {
		a.measurePaced(ctx, w.Client, w.Srv.LGURL, o.Conns, slice, rate, lg)
		b.measurePaced(ctx, w.Client, w.Srv.BaseURL, o.Conns, slice, rate, base)
	}
	return &paced{Rate: rate, LG: a.result(), Base: b.result()}
}

// startProfile writes a CPU profile of a LeaveGuard phase of scenario
// name to prefix-name.prof when prefix is set and first.
func startProfile(prefix, name string, first bool) func() {
	if prefix == "" || !first {
		return func() {}
	}
	f, err := os.Create(strings.TrimSuffix(prefix, ".prof") + "-" + name + ".prof")
	if err != nil {
		fmt.Fprintln(os.Stderr, "lgbench: cpuprofile:", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		fmt.Fprintln(os.Stderr, "lgbench: cpuprofile:", err)
		return func() {}
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}
