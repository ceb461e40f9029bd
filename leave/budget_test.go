//go:build !race

package leave_test

import (
	"testing"
	"time"
)

// TestPerformanceBudget keeps BenchmarkPlanBirth and
// BenchmarkAddWorkingDays200 under 10 µs/op (skipped with -short and -race).
func TestPerformanceBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("performance budget skipped in -short mode")
	}
	for name, bench := range map[string]func(*testing.B){
		"PlanBirth": BenchmarkPlanBirth, "AddWorkingDays200": BenchmarkAddWorkingDays200,
	} {
		r := testing.Benchmark(bench)
		if per := time.Duration(r.NsPerOp()); per > 10*time.Microsecond {
			t.Errorf("%s: %v/op, budget 10µs", name, per)
		}
	}
}
