package main

import (
	"context"
	"sort"

	"github.com/gofiber/fiber/v2"
)

// scenario is one measured use case: a LeaveGuard route under load next to
// the bare baseline doing the same SQL round trips. Each lives in its own
// file and registers itself in init; one whose LeaveGuard route does not
// exist yet is reported as not yet available.
type scenario struct {
	Order  int    // place in the table
	Name   string // short name, also the -scenarios selector
	Title  string // the table's first column; {employees} and {big} name the data set's sizes
	Method string // LeaveGuard's route ...
	Route  string // ... pattern, as registered
	Small  bool   // run against the small data set (the scaling rows)
	// MinRatio is the goal: LeaveGuard's req/s over the baseline's (0: 0.70).
	MinRatio float64
	// Baseline registers the baseline's routes (nil when the scenario
	// shares another's).
	Baseline func(a *fiber.App, p *basePrep)
	// Prepare builds the request generators for LeaveGuard and baseline.
	Prepare func(ctx context.Context, w *world) (lg, base reqGen, err error)
	// Single is set for scenarios measured one request at a time (export).
	Single func(ctx context.Context, w *world) (row, error)
	// After measures something more once the load is done, for the row's note.
	After func(ctx context.Context, w *world) string
}

// registry holds the scenarios in table order.
var registry []*scenario

func register(s *scenario) {
	registry = append(registry, s)
	sort.SliceStable(registry, func(i, j int) bool { return registry[i].Order < registry[j].Order })
}

// selected reports whether the scenario was asked for.
func (s *scenario) selected(names []string) bool {
	if len(names) == 0 {
		return true
	}
	for _, n := range names {
		if n == s.Name {
			return true
		}
	}
	return false
}
