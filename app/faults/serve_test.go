package faults_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"leaveguard/app"
	"leaveguard/server"
	"leaveguard/store/dbtest"
)

// served is a running `leaveguard serve` (in process, or the real binary).
type served struct {
	URL  string
	Term func() // SIGTERM (in process: the context main's signal handler cancels)
	Done chan error
}

// serveEnv is the environment of a served instance over db on port:
// outbound webhooks may go to the test's loopback receiver.
func serveEnv(db *dbtest.DB, port int) []string {
	return []string{"LEAVEGUARD_DATABASE_URL=" + db.AppURL, "LEAVEGUARD_REDIS_URL=redis://127.0.0.1:6379/0",
		"LEAVEGUARD_REDIS_PREFIX=lgfaults:" + db.Name + ":", fmt.Sprintf("LEAVEGUARD_ADDR=127.0.0.1:%d", port),
		"LEAVEGUARD_ENV=dev", "LEAVEGUARD_SECRET_KEY=" + base64.StdEncoding.EncodeToString(rigKey),
		"LEAVEGUARD_WEBHOOK_ALLOW_LOOPBACK=true", "LEAVEGUARD_RATE_LIMIT=1000000"}
}

// serveInProcess runs app.Serve, whose context SIGTERM cancels in main,
// with the configuration read from that environment.
func serveInProcess(t *testing.T, db *dbtest.DB) *served {
	for _, kv := range serveEnv(db, freePort(t)) {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	cfg, err := app.ConfigFromEnv()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &served{URL: "http://" + cfg.Addr, Term: cancel, Done: make(chan error, 1)}
	go func() { s.Done <- server.Serve(ctx, cfg, slog.New(slog.NewJSONHandler(&syncBuffer{}, nil))) }()
	t.Cleanup(cancel)
	return s.wait(t)
}

// serveBinary builds cmd/leaveguard and runs `leaveguard serve`; Term
// sends it a real SIGTERM.
func serveBinary(t *testing.T, db *dbtest.DB) *served {
	bin := filepath.Join(t.TempDir(), "leaveguard")
	build := exec.Command("go", "build", "-o", bin, "leaveguard/cmd/leaveguard")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	port := freePort(t)
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(os.Environ(), serveEnv(db, port)...)
	cmd.Stdout, cmd.Stderr = &syncBuffer{}, &syncBuffer{}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &served{URL: fmt.Sprintf("http://127.0.0.1:%d", port), Done: make(chan error, 1),
		Term: func() { _ = cmd.Process.Signal(syscall.SIGTERM) }}
	go func() { s.Done <- cmd.Wait() }()
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	return s.wait(t)
}

// wait polls /healthz until the server answers.
func (s *served) wait(t *testing.T) *served {
	t.Helper()
	for i := 0; i < 300; i++ {
		select {
		case err := <-s.Done:
			t.Fatalf("serve stopped at start: %v", err)
		default:
		}
		if resp, err := http.Get(s.URL + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return s
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("serve did not answer /healthz")
	return nil
}
