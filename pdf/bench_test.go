package pdf

import "testing"

// BenchmarkClaimPDF renders the claim form; the target is 1,000
// claim PDFs: PDFs per second per core = 1e9 / ns/op (run with -cpu 1).
func BenchmarkClaimPDF(b *testing.B) {
	r := renderer(b)
	c := sampleClaim(b)
	var size int
	for b.Loop() {
		out, err := r.Claim(c)
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes/pdf")
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
