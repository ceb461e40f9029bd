package leave_test

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"leaveguard/leave"
)

// TestPureImports keeps the domain free of HTTP, SQL drivers, Redis and PDF:
// `go list -deps` of leaveguard/leave may list only the standard library and
// the package itself.
func TestPureImports(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	out, err := exec.Command(goBin, "list", "-deps", "-f", "{{if not .Standard}}NONSTD {{end}}{{.ImportPath}}",
		"leaveguard/leave").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	forbidden := []string{"fiber", "sqlx", "lib/pq", "redis", "fpdf", "net/http"}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		for _, f := range forbidden {
			if strings.Contains(line, f) {
				t.Errorf("leave depends on %s (forbidden: %s)", line, f)
			}
		}
		if strings.HasPrefix(line, "NONSTD ") && line != "NONSTD leaveguard/leave" {
			t.Errorf("leave depends on a non-standard package: %s", strings.TrimPrefix(line, "NONSTD "))
		}
	}
}

// BenchmarkPlanBirth plans a 3rd-child twin birth with dystocia (pack
// resolved once, as a caller with a cached pack would).
func BenchmarkPlanBirth(b *testing.B) {
	pack, err := leave.DefaultRuleBook().Resolve("CN-NM-XAM", d("2026-03-10"))
	if err != nil {
		b.Fatal(err)
	}
	birth := leave.Birth{Date: d("2026-03-10"), ChildOrder: 3, Babies: 2, Dystocia: true, Parent: leave.Mother}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := leave.PlanBirth(pack, birth); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAddWorkingDays200 counts 200 working days across two loaded
// years' holidays.
func BenchmarkAddWorkingDays200(b *testing.B) {
	cal := leave.NewCalendar()
	start := d("2025-09-01")
	b.ReportAllocs()
	for b.Loop() {
		if s, err := cal.AddWorkingDays(start, 200); err != nil || s.WorkingDays != 200 {
			b.Fatal(err)
		}
	}
}

// BenchmarkResolve resolves a pack (what a caller without a cache pays).
func BenchmarkResolve(b *testing.B) {
	book := leave.DefaultRuleBook()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := book.Resolve("CN-NM-XAM", d("2026-03-10")); err != nil {
			b.Fatal(err)
		}
	}
}
