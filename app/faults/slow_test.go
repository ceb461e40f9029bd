package faults_test

import (
	"log/slog"
	"net"
	"testing"
	"time"

	"leaveguard/app"
	"leaveguard/app/apptest"
	"leaveguard/app/cases"
	"leaveguard/leave"
	"leaveguard/server"
)

// TestSlowClientDisconnected: a client sending its headers at 1 byte/s is
// cut off within the server's read timeout. The production server has one
// (checked here); the short form shortens it to 2 s to keep the suite
// quick, the long form keeps the real value.
func TestSlowClientDisconnected(t *testing.T) {
	env := sharedEnv(t)
	srv := server.NewServer(app.Deps{Config: app.Config{RateLimit: 100, Env: "dev", SecretKey: rigKey},
		Log: slog.New(slog.NewJSONHandler(&syncBuffer{}, nil)), Store: env.Store, Cache: env.Cache,
		Cipher: env.Cipher, Rules: leave.DefaultRuleBook(), Calendar: leave.NewCalendar(), Clock: cases.PinnedClock(apptest.Today())})
	timeout := srv.Server().ReadTimeout
	if timeout <= 0 || timeout > 30*time.Second {
		t.Fatalf("server read timeout %v; want a bound of at most 30 s", timeout)
	}
	if !long() {
		timeout = 2 * time.Second
		srv.Server().ReadTimeout = timeout
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Listener(ln) }()
	defer srv.ShutdownWithTimeout(time.Second) //nolint:errcheck // test teardown
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	closed := make(chan time.Time, 1)
	go func() {
		buf := make([]byte, 512)
		for {
			if _, err := conn.Read(buf); err != nil {
				closed <- time.Now()
				return
			}
		}
	}()
	start := time.Now()
	header := []byte("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slowloris\r\nX-Padding: " +
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n")
	for i := 0; i < len(header); i++ { // bounded: the header's length, 1 byte a second
		if _, err := conn.Write(header[i : i+1]); err != nil {
			t.Logf("slow client's write failed after %v: %v", time.Since(start), err)
			return
		}
		select {
		case at := <-closed:
			took := at.Sub(start)
			if took > timeout+1500*time.Millisecond {
				t.Fatalf("slow client cut off after %v; read timeout %v", took, timeout)
			}
			t.Logf("slow client (1 byte/s, %d of %d header bytes sent) cut off after %v; read timeout %v",
				i+1, len(header), took.Round(10*time.Millisecond), timeout)
			return
		case <-time.After(time.Second):
		}
	}
	t.Fatalf("slow client was never cut off (%v)", time.Since(start))
}
