package faults_test

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/redis/go-redis/v9"

	"leaveguard/app/apptest"
)

// long reports whether the long form of the suite was asked for.
func long() bool { return os.Getenv("LEAVEGUARD_FAULTS") == "long" }

var (
	fuzzOnce sync.Once
	fuzzEnv  *apptest.Env
	fuzzErr  error
)

// sharedEnv is the server the fuzz targets share, started on first use (a
// fuzz worker process starts its own).
func sharedEnv(t testing.TB) *apptest.Env {
	fuzzOnce.Do(func() { fuzzEnv, fuzzErr = apptest.Start() })
	if fuzzErr != nil {
		t.Fatalf("fault suite needs PostgreSQL and Redis (make test starts them): %v", fuzzErr)
	}
	return fuzzEnv
}

// quiet drops go-redis's own log lines (the suite kills Redis on purpose).
type quiet struct{}

func (quiet) Printf(context.Context, string, ...any) {}

func TestMain(m *testing.M) {
	redis.SetLogger(quiet{})
	code := m.Run()
	if fuzzEnv != nil {
		fuzzEnv.Close()
	}
	if code != 0 {
		fmt.Fprintln(os.Stderr, "fault suite failed; LEAVEGUARD_FAULTS=long runs the long form")
	}
	os.Exit(code)
}
