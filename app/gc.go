package app

import (
	"os"
	"runtime/debug"
)

// gcPercent is the service's garbage-collection target: a collection when
// the heap has grown to 5× what the last one left live, instead of Go's
// default 2×. The live heap is small (tens of MiB: pools, caches, the PDF
// font), so collecting every time it doubles buys no memory worth having and
// costs tail latency — measured with make bench at half the baseline's peak
// load, the dismissal check's p99 fell from 17 ms to 7 ms.
const gcPercent = 400

// TuneGC sets the garbage-collection target for a serving process, unless
// the operator chose one with GOGC. GOMEMLIMIT, if set, still bounds the heap.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}
