package main

import (
	"context"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// cpuUse is CPU time spent, split by process: this one (the server under
// load and the load generator), the bench database's PostgreSQL backends
// and redis-server.
type cpuUse struct {
	Go, PG, Redis time.Duration
}

// clockTick is the unit of /proc/<pid>/stat times (USER_HZ, 100 on Linux).
const clockTick = 10 * time.Millisecond

// sampleCPU reads the CPU time used so far by each part.
func (w *world) sampleCPU(ctx context.Context) cpuUse {
	u := cpuUse{Go: processCPU()}
	var pids []int
	_ = w.Admin.SelectContext(ctx, &pids, `SELECT pid FROM pg_stat_activity
		WHERE datname = current_database() AND pid <> pg_backend_pid()`)
	for _, pid := range pids {
		u.PG += procCPU(pid)
	}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		if pid, err := strconv.Atoi(e.Name()); err == nil && procName(pid) == "redis-server" {
			u.Redis += procCPU(pid)
		}
	}
	return u
}

// processCPU is the CPU time this process has used (user + system).
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// sub is the CPU used between two samples.
func (u cpuUse) sub(v cpuUse) cpuUse { return cpuUse{u.Go - v.Go, u.PG - v.PG, u.Redis - v.Redis} }

func (u cpuUse) add(v cpuUse) cpuUse { return cpuUse{u.Go + v.Go, u.PG + v.PG, u.Redis + v.Redis} }

// perRequest is the CPU per request in milliseconds.
func (u cpuUse) perRequest(n int) cpuPerRequest {
	if n == 0 {
		return cpuPerRequest{}
	}
	f := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(n) }
	return cpuPerRequest{Go: f(u.Go), PG: f(u.PG), Redis: f(u.Redis)}
}

// cpuPerRequest is where a request's CPU went, in milliseconds.
type cpuPerRequest struct {
	Go    float64 `json:"go_ms"`
	PG    float64 `json:"postgres_ms"`
	Redis float64 `json:"redis_ms"`
}

func procStat(pid int) []string {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return nil
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return nil
	}
	return append([]string{s[strings.IndexByte(s, '(')+1 : i]}, strings.Fields(s[i+1:])...)
}

func procName(pid int) string {
	if f := procStat(pid); len(f) > 0 {
		return f[0]
	}
	return ""
}

// procCPU is utime + stime of pid.
func procCPU(pid int) time.Duration {
	f := procStat(pid)
	if len(f) < 15 {
		return 0
	}
	ut, _ := strconv.ParseInt(f[12], 10, 64)
	st, _ := strconv.ParseInt(f[13], 10, 64)
	return time.Duration(ut+st) * clockTick
}
