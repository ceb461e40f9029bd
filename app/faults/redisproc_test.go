package faults_test

import (
	"context"
	"fmt"
	"net"
	"os/exec"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// privateRedis is a redis-server of the test's own on a spare port: the
// suite kills it, never the shared one on 6379.
type privateRedis struct {
	Port int
	cmd  *exec.Cmd
}

// freePort asks the kernel for a spare port on 127.0.0.1.
func freePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startRedis starts a redis-server on port (0: a spare one) and waits for it.
func startRedis(t *testing.T, port int) *privateRedis {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		t.Skip("redis-server is not installed (make test installs it)")
	}
	if port == 0 {
		port = freePort(t)
	}
	p := &privateRedis{Port: port}
	p.cmd = exec.Command(bin, "--port", fmt.Sprint(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
		"--daemonize", "no", "--loglevel", "warning")
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start redis-server: %v", err)
	}
	t.Cleanup(p.kill)
	rdb := redis.NewClient(&redis.Options{Addr: p.addr()})
	defer rdb.Close()
	for i := 0; i < 100; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		err = rdb.Ping(ctx).Err()
		cancel()
		if err == nil {
			return p
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("private redis-server on %d did not answer: %v", port, err)
	return nil
}

func (p *privateRedis) addr() string { return fmt.Sprintf("127.0.0.1:%d", p.Port) }

// URL is the redis:// URL of the server.
func (p *privateRedis) URL() string { return "redis://" + p.addr() + "/0" }

// kill stops the server at once (SIGKILL), as a crash would.
func (p *privateRedis) kill() {
	if p.cmd != nil && p.cmd.Process != nil {
		_ = p.cmd.Process.Kill()
		_ = p.cmd.Wait()
		p.cmd = nil
	}
}

// keys counts the keys matching pattern.
func (p *privateRedis) keys(t testing.TB, pattern string) int {
	t.Helper()
	rdb := redis.NewClient(&redis.Options{Addr: p.addr()})
	defer rdb.Close()
	ks, err := rdb.Keys(context.Background(), pattern).Result()
	if err != nil {
		t.Fatalf("redis keys: %v", err)
	}
	return len(ks)
}
