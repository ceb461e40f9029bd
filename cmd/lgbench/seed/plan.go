// Package seed generates LeaveGuard's benchmark data set and loads it with
// COPY through a superuser connection (COPY FROM is refused under row-level
// security, and the superuser bypasses it). Every row is what the service
// itself would have written: births carry plans frozen by leave.Rules.PlanBirth,
// leave requests the decisions of leave.CheckRequest, and the ledger the
// credits and debits that go with them.
package seed

import (
	"math"
	"math/rand/v2"

	"leaveguard/leave"
)

// Plan is the shape of a data set.
type Plan struct {
	Tenants   int        // number of tenants (employers)
	Employees int        // employees over all tenants
	Big       int        // employees of tenant 0, the large one
	Seed      uint64     // the generator's seed: the same plan gives the same ids
	Today     leave.Date // the day the history leads up to
}

// Sizes returns the number of employees of each tenant: tenant 0 has Big,
// the others share the rest with a log-normal spread (a few employers ten
// times the median, many small ones), each with at least one.
func (p Plan) Sizes() []int {
	n := max(p.Tenants, 1)
	sizes := make([]int, n)
	big := min(p.Big, p.Employees)
	sizes[0] = big
	if n == 1 {
		sizes[0] = p.Employees
		return sizes
	}
	rest := p.Employees - big
	rng := rand.New(rand.NewPCG(p.Seed, 0x5eed))
	w := make([]float64, n)
	sum := 0.0
	for i := 1; i < n; i++ {
		w[i] = math.Exp(rng.NormFloat64() * 0.7)
		sum += w[i]
	}
	left := rest
	for i := 1; i < n; i++ {
		s := max(int(float64(rest)*w[i]/sum), 1)
		if s > left-(n-1-i) {
			s = max(left-(n-1-i), 0)
		}
		sizes[i] = s
		left -= s
	}
	sizes[n-1] += left
	return sizes
}

// Counts is what was loaded, table by table.
type Counts map[string]int
