package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"leaveguard/cmd/lgbench/seed"
)

// report is everything a run measured; it is written as latest.json.
type report struct {
	Started     time.Time     `json:"started"`
	Seconds     float64       `json:"total_seconds"`
	CPUs        int           `json:"cpus"`
	GoVersion   string        `json:"go_version"`
	Conns       int           `json:"connections"`
	Duration    string        `json:"duration_per_measurement"`
	Seeds       []seedReport  `json:"seeding"`
	Rows        []row         `json:"scenarios"`
	GoBenchmark []goBench     `json:"go_benchmarks"`
	Notes       []string      `json:"notes,omitempty"`
	Exports     []exportTrial `json:"export_trials,omitempty"`
}

// seedReport is how one data set was seeded.
type seedReport struct {
	Database  string      `json:"database"`
	Tenants   int         `json:"tenants"`
	Employees int         `json:"employees"`
	Big       int         `json:"largest_tenant"`
	Seconds   float64     `json:"seed_seconds"`
	Analyze   float64     `json:"analyze_seconds"`
	Rows      seed.Counts `json:"rows"`
}

func seedReportOf(ds *dataSet) seedReport {
	return seedReport{Database: ds.DB.Name, Tenants: ds.Plan.Tenants, Employees: ds.Plan.Employees, Big: ds.Plan.Big,
		Seconds: ds.SeedTime.Seconds(), Analyze: ds.Analyze.Seconds(), Rows: ds.Counts}
}

func newReport(o options) *report {
	return &report{Started: time.Now().UTC(), CPUs: runtime.NumCPU(), GoVersion: runtime.Version(),
		Conns: o.Conns, Duration: o.Duration.String()}
}

// write saves the report as indented JSON at path.
func (r *report) write(path string) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// print writes the tables in Markdown.
func (r *report) print(out io.Writer) {
	for _, s := range r.Seeds {
		fmt.Fprintf(out, "Data set %s: %d tenants, %d employees (largest tenant %d), seeded in %.1f s (+ VACUUM ANALYZE %.1f s)\n",
			s.Database, s.Tenants, s.Employees, s.Big, s.Seconds, s.Analyze)
	}
	fmt.Fprintf(out, "\n%d connections, %s per measurement, %d CPUs, %s\n\n", r.Conns, r.Duration, r.CPUs, r.GoVersion)
	fmt.Fprintln(out, "| scenario | LeaveGuard req/s | p50 ms | p99 ms | baseline req/s | p50 ms | p99 ms | ratio | goal |")
	fmt.Fprintln(out, "|---|---:|---:|---:|---:|---:|---:|---:|---|")
	for _, x := range r.Rows {
		if x.LG == nil || x.Base == nil {
			if x.Status != "ok" {
				fmt.Fprintf(out, "| %s | %s | | | | | | | |\n", x.Title, x.Status)
			}
			continue
		}
		fmt.Fprintf(out, "| %s | %.0f | %.1f | %.1f | %.0f | %.1f | %.1f | %.2f | %s %s |\n", x.Title,
			x.LG.RPS, x.LG.P50ms, x.LG.P99ms, x.Base.RPS, x.Base.P50ms, x.Base.P99ms, x.Ratio, x.Goal, mark(x.Met))
	}
	r.printCPU(out)
	r.printPaced(out)
	for _, x := range r.Rows {
		if x.Status == "ok" && x.LG == nil {
			fmt.Fprintf(out, "\n%s: %s (goal %s) %s\n", x.Title, x.Note, x.Goal, mark(x.Met))
		}
	}
	for _, x := range r.Rows {
		if x.Status == "ok" && x.LG != nil && x.Note != "" {
			fmt.Fprintf(out, "\nnote on %s: %s\n", x.Title, x.Note)
		}
	}
	if len(r.GoBenchmark) > 0 {
		fmt.Fprintln(out, "\n| go benchmark | ns/op | B/op | allocs/op |\n|---|---:|---:|---:|")
		for _, b := range r.GoBenchmark {
			fmt.Fprintf(out, "| %s.%s | %.0f | %d | %d |\n", b.Package[strings.LastIndex(b.Package, "/")+1:],
				b.Name, b.NsOp, b.BytesOp, b.AllocsOp)
		}
	}
	for _, n := range r.Notes {
		fmt.Fprintln(out, "\n"+n)
	}
	fmt.Fprintf(out, "\nTotal %.0f s.\n", r.Seconds)
}

// printPaced is the latency at a fixed offered load, where measured.
func (r *report) printPaced(out io.Writer) {
	head := "\nLatency at a fixed offered load (half the baseline's peak req/s, counted from when each request was due):\n\n" +
		"| scenario | offered req/s | LeaveGuard p50 ms | p99 ms | baseline p50 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|"
	for _, x := range r.Rows {
		if p := x.Paced; p != nil {
			if head != "" {
				fmt.Fprintln(out, head)
				head = ""
			}
			fmt.Fprintf(out, "| %s | %.0f | %.1f | %.1f | %.1f | %.1f |\n", x.Title, p.Rate, p.LG.P50ms, p.LG.P99ms,
				p.Base.P50ms, p.Base.P99ms)
		}
	}
}

func mark(met *bool) string {
	switch {
	case met == nil:
		return ""
	case *met:
		return "✓"
	}
	return "✗"
}

// printCPU is where each request's CPU went: this process (server and load
// generator), the bench database's PostgreSQL backends, redis-server.
func (r *report) printCPU(out io.Writer) {
	fmt.Fprint(out, "\nCPU per request, ms (LeaveGuard / baseline):\n\n")
	fmt.Fprintln(out, "| scenario | Go process | PostgreSQL | Redis |\n|---|---:|---:|---:|")
	for _, x := range r.Rows {
		if x.LG != nil && x.Base != nil {
			fmt.Fprintf(out, "| %s | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f |\n", x.Title, x.LG.CPU.Go, x.Base.CPU.Go,
				x.LG.CPU.PG, x.Base.CPU.PG, x.LG.CPU.Redis, x.Base.CPU.Redis)
		}
	}
}
