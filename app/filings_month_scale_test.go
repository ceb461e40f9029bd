package app_test

import (
	"archive/zip"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"leaveguard/app"
	"leaveguard/pdf"
)

// TestMonthBundleScale: the month-end ZIP of 1,000 claim forms, generated
// and streamed over a real socket into a file, keeps the server's memory
// flat: the test process's RSS grows by under 100 MB over what it held
// before (its high-water mark includes the test's own two servers and
// data). It runs with LEAVEGUARD_PERF=1:
//
//	LEAVEGUARD_PERF=1 go test -run TestMonthBundleScale -v ./app/
func TestMonthBundleScale(t *testing.T) {
	if testing.Short() || os.Getenv("LEAVEGUARD_PERF") != "1" {
		t.Skip("1,000 documents run with LEAVEGUARD_PERF=1")
	}
	needPDF(t)
	const docs = 1000
	ten := filingTenant(t, "兴安盟月末千份有限公司", "")
	mustDo(t, 200, "PUT", "/api/v1/settings", ten.Key, map[string]any{"avg_monthly_wage_fen": map[string]any{"2025": 720000}})
	start := time.Now()
	var first string
	for i := 0; i < docs; i++ {
		emp, _ := hire(t, ten.Key, fmt.Sprintf("Z-%04d", i), "职工"+fmt.Sprint(i), "female", "")
		b := birth(t, ten.Key, emp, map[string]any{"birth_date": "2026-02-10", "child_order": 1})
		id := mustDo(t, 201, "POST", "/api/v1/allowance-claims", ten.Key, map[string]any{"birth_id": b})["id"].(string)
		if i == 0 {
			first = id
		}
	}
	month := monthOf(t, ten.ID, "allowance_claims", first)
	t.Logf("seeded %d claims in %v", docs, time.Since(start).Round(time.Millisecond))

	srv := serverWith(app.LoadPDFFont(pdf.DefaultFontPath))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Listener(ln) }()
	defer func() { _ = srv.Shutdown() }()
	url := "http://" + ln.Addr().String() + "/api/v1/filings/" + month + ".zip"
	for _, run := range []string{"generating", "unchanged"} {
		path := filepath.Join(t.TempDir(), "bundle.zip")
		rss0 := rssNow()
		took, cpu, peak := timedZip(t, url, ten.Key, path)
		z, err := zip.OpenReader(path)
		if err != nil {
			t.Fatal(err)
		}
		n, size := len(z.File), int64(0)
		for _, f := range z.File {
			size += int64(f.UncompressedSize64)
		}
		_ = z.Close()
		t.Logf("%s: %d documents, %.1f MiB in %v (process CPU %v, %.1f ms per document); Go heap in use peak %.1f MiB (%.1f MiB above the start), memory from the OS %.1f MiB, process RSS %.1f MiB before, high-water %.1f MiB (+%.1f MiB)",
			run, n, mib(uint64(size)), took.Round(time.Millisecond), cpu.Round(time.Millisecond),
			float64(cpu.Microseconds())/1000/float64(docs), mib(peak.heap), mib(peak.heap-peak.base), mib(peak.sys),
			mib(rss0), mib(peak.rss), mib(peak.rss-min(rss0, peak.rss)))
		if n < docs {
			t.Fatalf("%s: %d entries, want %d", run, n, docs)
		}
		if peak.rss-min(rss0, peak.rss) > 100<<20 {
			t.Errorf("%s: RSS grew by %.1f MiB, over 100 MiB", run, mib(peak.rss-rss0))
		}
	}
}

// timedZip streams the ZIP into a file while sampling the Go heap; it
// returns the time, the process's CPU time and the memory peaks (the RSS
// high-water mark reset first with Linux clear_refs).
func timedZip(t *testing.T, url, key, path string) (time.Duration, time.Duration, memPeak) {
	t.Helper()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	peak := memPeak{base: ms.HeapInuse, heap: ms.HeapInuse, sys: ms.Sys}
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	var stop atomic.Bool
	done := make(chan memPeak)
	go func() {
		p := peak
		for !stop.Load() {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			p.heap, p.sys = max(p.heap, m.HeapInuse), max(p.sys, m.Sys)
			time.Sleep(5 * time.Millisecond)
		}
		done <- p
	}()
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Authorization", "Bearer "+key)
	cpu0, start := cpuTime(), time.Now()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d", url, resp.StatusCode)
	}
	if _, err := io.Copy(out, resp.Body); err != nil {
		t.Fatal(err)
	}
	took, cpu := time.Since(start), cpuTime()-cpu0
	stop.Store(true)
	peak = <-done
	peak.rss = rssPeak()
	return took, cpu, peak
}

// cpuTime is the CPU time (user + system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// rssNow is the process's resident set size.
func rssNow() uint64 {
	b, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(b), "\n") {
		var kb uint64
		if _, err := fmt.Sscanf(l, "VmRSS: %d kB", &kb); err == nil {
			return kb << 10
		}
	}
	return 0
}
