// Command lgbench is LeaveGuard's benchmark (make bench): it seeds a
// throwaway database with a realistic data set through COPY, starts the
// real server and a bare fiber + sqlx baseline doing the same SQL round
// trips, loads both side by side with a fixed-concurrency Go load
// generator on 127.0.0.1, and prints (and writes as JSON) a table of
// throughput and latency with the ratio to the baseline.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"leaveguard/app"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	app.TuneGC() // as leaveguard serve does: the server under test runs in this process
	opts, err := parseOptions(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "lgbench:", err)
		os.Exit(2)
	}
	if err := run(ctx, opts); err != nil {
		fmt.Fprintln(os.Stderr, "lgbench:", err)
		os.Exit(1)
	}
}
