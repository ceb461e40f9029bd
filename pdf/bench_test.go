package pdf

import (
	"syscall"
	"testing"
	"time"
)

// BenchmarkClaimPDF renders the claim form; the target is 1,000
// claim PDFs: PDFs per second per core = 1e9 / ns/op (run with -cpu 1).
// cpu-ms/pdf is the process's CPU time (user + system, garbage collection
// included) per PDF, which other load on the machine barely changes.
func BenchmarkClaimPDF(b *testing.B) {
	r := renderer(b)
	c := sampleClaim(b)
	var size int
	start := cpuTime()
	for b.Loop() {
		out, err := r.Claim(c)
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes/pdf")
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/pdf")
}

// cpuTime is the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkClaimPDFParallel renders claims on all cores.
func BenchmarkClaimPDFParallel(b *testing.B) {
	r := renderer(b)
	c := sampleClaim(b)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := r.Claim(c); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
