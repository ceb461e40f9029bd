package app_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"leaveguard/app/cases"
	"leaveguard/store"
)

func TestImportTemplate(t *testing.T) {
	tn := freshTenant(t)
	r := env.Do(t, "GET", "/api/v1/imports/employees/template.xlsx", tn.Key, nil)
	if r.Status != 200 || !strings.Contains(r.Header["Content-Disposition"], "employees-import.xlsx") {
		t.Fatalf("template: %d %v", r.Status, r.Header)
	}
	f, err := excelize.OpenReader(bytes.NewReader(r.Body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "员工信息,填写说明" {
		t.Fatalf("sheets %s", got)
	}
	rows, _ := f.GetRows("员工信息")
	if strings.Join(rows[0], ",") != strings.Join(importHeader, ",") || len(rows) != 2 {
		t.Fatalf("header and example: %q", rows)
	}
	dvs, _ := f.GetDataValidations("员工信息")
	var lists []string
	for _, dv := range dvs {
		lists = append(lists, dv.Sqref+"="+dv.Formula1)
	}
	if got := strings.Join(lists, " "); !strings.Contains(got, `C2:C50001="女,男"`) || !strings.Contains(got, `H2:H50001="是,否"`) {
		t.Fatalf("drop-down lists: %s", got)
	}
	help, _ := f.GetRows("填写说明")
	text := fmt.Sprint(help)
	for _, h := range importHeader {
		if !strings.Contains(text, h) {
			t.Fatalf("help sheet lacks %s", h)
		}
	}
	if !strings.Contains(text, "CN-NM-XAM") || !strings.Contains(text, "GB 11643") {
		t.Fatal("help sheet lacks the region codes or the ID rule")
	}
	rep := importReport(t, tn.Key, "template.xlsx", r.Body, false)
	if got := counts(rep); got != "rows=1 created=1 updated=0 unchanged=0 failed=0" {
		t.Fatalf("the template's example row imports: %s %v", got, rep["errors"])
	}
}

// TestImportEmployeesScale imports 10,000 new employees from an XLSX, then
// updates all of them from a GB18030 CSV (LEAVEGUARD_IMPORT_SCALE=1, or the
// number of rows): each
// under 20 seconds, memory flat (rows streamed, 1,000 per transaction). It
// calls the use case the API calls, past the test client's 30 s timeout.
func TestImportEmployeesScale(t *testing.T) {
	if os.Getenv("LEAVEGUARD_IMPORT_SCALE") == "" {
		t.Skip("set LEAVEGUARD_IMPORT_SCALE=1 to import 10,000 rows")
	}
	tn := freshTenant(t)
	n, _ := strconv.Atoi(os.Getenv("LEAVEGUARD_IMPORT_SCALE"))
	if n < 100 {
		n = 10000
	}
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = importRow(fmt.Sprintf("S-%05d", i))
	}
	csvRows := make([][]string, len(rows)) // the same people again: 10,000 updates
	for i, r := range rows {
		csvRows[i] = slices.Clone(r)
		csvRows[i][6] = "9999.99"
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{{"xlsx", xlsxFile(t, rows)}, {"csv", csvFile(t, csvRows, true)}} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		peak := watchHeap()
		start := time.Now()
		var cpu0, cpu1 syscall.Rusage
		_ = syscall.Getrusage(syscall.RUSAGE_SELF, &cpu0)
		res, err := env.Cases().ImportEmployees(context.Background(), tn.ID, store.Who{ActorType: "system", ActorID: "scale"},
			cases.ImportFile{Name: "big." + tc.name, Data: tc.data})
		took := time.Since(start)
		_ = syscall.Getrusage(syscall.RUSAGE_SELF, &cpu1)
		if err != nil {
			t.Fatal(err)
		}
		rep := map[string]any{"rows": res.Rows, "created": res.Created, "updated": res.Updated, "unchanged": res.Unchanged, "failed": res.Failed}
		runtime.ReadMemStats(&after)
		max := peak()
		cpu := time.Duration(cpu1.Utime.Nano() + cpu1.Stime.Nano() - cpu0.Utime.Nano() - cpu0.Stime.Nano())
		t.Logf("%s: %d bytes, %s in %s (this process's CPU %s), heap before %.1f MiB, peak %.1f MiB", tc.name, len(tc.data),
			counts(rep), took, cpu, mib(before.HeapAlloc), mib(max))
		if res.Failed != 0 || took > 20*time.Second {
			t.Fatalf("%s: %s in %s", tc.name, counts(rep), took)
		}
	}
}

// watchHeap samples the heap every 20 ms until the returned func is called,
// which returns the largest sample.
func watchHeap() func() uint64 {
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		var maxHeap uint64
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			maxHeap = max(maxHeap, m.HeapAlloc)
			select {
			case <-stop:
				done <- maxHeap
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 { close(stop); return <-done }
}
