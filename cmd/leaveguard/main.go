// Command leaveguard is the LeaveGuard service: serve, migrate, tenant
// create, demo and calendar import, all in one binary.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"leaveguard/app"
	"leaveguard/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := app.Main(ctx, os.Args[1:], os.Stdout, server.Serve); err != nil {
		fmt.Fprintln(os.Stderr, "leaveguard:", err)
		os.Exit(1)
	}
}
