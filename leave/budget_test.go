//go:build !race

package leave_test

import (
	"os"
	"testing"
	"time"
)

// TestPerformanceBudget keeps BenchmarkPlanBirth,
// BenchmarkAddWorkingDays200 and its statutory-year twin under 10 µs/op. Timing is only meaningful on
// a quiet machine, so it runs with LEAVEGUARD_PERF=1 (make bench sets it),
// not inside the parallel test suite.
func TestPerformanceBudget(t *testing.T) {
	if os.Getenv("LEAVEGUARD_PERF") != "1" {
		t.Skip("performance budget runs with LEAVEGUARD_PERF=1 (make bench)")
	}
	for name, bench := range map[string]func(*testing.B){
		"PlanBirth": BenchmarkPlanBirth, "AddWorkingDays200": BenchmarkAddWorkingDays200,
		"AddWorkingDays200Statutory": BenchmarkAddWorkingDays200Statutory,
	} {
		r := testing.Benchmark(bench)
		if per := time.Duration(r.NsPerOp()); per > 10*time.Microsecond {
			t.Errorf("%s: %v/op, budget 10µs", name, per)
		}
	}
}
