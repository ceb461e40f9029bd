package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// goBench is one result of the domain packages' go benchmarks.
type goBench struct {
	Package  string  `json:"package"`
	Name     string  `json:"name"`
	NsOp     float64 `json:"ns_op"`
	BytesOp  int64   `json:"bytes_op"`
	AllocsOp int64   `json:"allocs_op"`
}

// runGoBench runs `go test -run '^$' -bench . -benchmem ./leave/ ./payroll/`
// in the module root and parses its lines.
func runGoBench(ctx context.Context) ([]goBench, error) {
	goBin := os.Getenv("GO")
	if goBin == "" {
		goBin = "go"
	}
	cmd := exec.CommandContext(ctx, goBin, "test", "-run", "^$", "-bench", ".", "-benchmem", "./leave/", "./payroll/")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, os.Stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go benchmarks: %w\n%s", err, out.String())
	}
	var res []goBench
	pkg := ""
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 2 && f[0] == "pkg:" {
			pkg = f[1]
		}
		if len(f) < 8 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		b := goBench{Package: pkg, Name: f[0]}
		b.NsOp, _ = strconv.ParseFloat(f[2], 64)
		b.BytesOp, _ = strconv.ParseInt(f[4], 10, 64)
		b.AllocsOp, _ = strconv.ParseInt(f[6], 10, 64)
		res = append(res, b)
	}
	return res, nil
}
