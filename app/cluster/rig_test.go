package cluster_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"leaveguard/store/dbtest"
)

// cluster is three served instances and nginx in front of them.
type cluster struct {
	DB        *dbtest.DB
	Instances []*instance
	URL       string // nginx
	client    *http.Client
}

// instance is one `leaveguard serve` process.
type instance struct {
	URL string
	bin string
	env []string
	log string // the process's output, appended across restarts
	cmd *exec.Cmd
	// owner is the test that started the cluster: a process restarted in
	// a subtest must outlive that subtest (its Cleanup would kill it).
	owner *testing.T
}

// start runs the instance's process (again, after a kill); it is stopped
// when the test that started the cluster ends.
func (in *instance) start(t *testing.T) {
	t.Helper()
	cmd := exec.Command(in.bin, "serve")
	cmd.Env = in.env
	out, err := os.OpenFile(in.log, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	in.owner.Cleanup(func() { _ = out.Close() })
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	in.cmd = cmd
	in.owner.Cleanup(func() { _ = cmd.Process.Kill(); _, _ = cmd.Process.Wait() })
}

var secretKey = bytes.Repeat([]byte{9}, 32)

// startCluster builds the binary, starts n instances over one throwaway
// database and the shared Redis (under its own prefix), and nginx.
func startCluster(t *testing.T, n int, rateLimit int) *cluster {
	t.Helper()
	db, err := dbtest.Start()
	if err != nil {
		t.Fatalf("database: %v", err)
	}
	t.Cleanup(db.Close)
	dir := t.TempDir()
	bin := filepath.Join(dir, "leaveguard")
	if out, err := exec.Command("go", "build", "-o", bin, "leaveguard/cmd/leaveguard").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	c := &cluster{DB: db, client: &http.Client{Timeout: 30 * time.Second}}
	var upstream strings.Builder
	for i := 0; i < n; i++ {
		port := freePort(t)
		env := append(os.Environ(), "LEAVEGUARD_DATABASE_URL="+db.AppURL,
			"LEAVEGUARD_REDIS_URL=redis://127.0.0.1:6379/0", "LEAVEGUARD_REDIS_PREFIX=lgcluster:"+db.Name+":",
			fmt.Sprintf("LEAVEGUARD_ADDR=127.0.0.1:%d", port), "LEAVEGUARD_ENV=dev",
			"LEAVEGUARD_SECRET_KEY="+base64.StdEncoding.EncodeToString(secretKey),
			"LEAVEGUARD_WEBHOOK_ALLOW_LOOPBACK=true", fmt.Sprintf("LEAVEGUARD_RATE_LIMIT=%d", rateLimit))
		in := &instance{URL: fmt.Sprintf("http://127.0.0.1:%d", port), bin: bin, env: env,
			log: filepath.Join(dir, fmt.Sprintf("instance-%d.log", i)), owner: t}
		in.start(t)
		c.Instances = append(c.Instances, in)
		fmt.Fprintf(&upstream, "    server 127.0.0.1:%d max_fails=1 fail_timeout=2s;\n", port)
	}
	for _, in := range c.Instances {
		waitHealthy(t, in.URL)
	}
	port := freePort(t)
	conf := fmt.Sprintf(`daemon off;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
worker_processes 1;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path %[1]s/body;
  proxy_temp_path %[1]s/proxy;
  fastcgi_temp_path %[1]s/fastcgi;
  uwsgi_temp_path %[1]s/uwsgi;
  scgi_temp_path %[1]s/scgi;
  upstream leaveguard {
%[2]s    keepalive 32;
  }
  server {
    listen 127.0.0.1:%[3]d;
    location / {
      proxy_pass http://leaveguard;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout;
      proxy_connect_timeout 1s;
    }
  }
}
`, dir, upstream.String(), port)
	if err := os.WriteFile(filepath.Join(dir, "nginx.conf"), []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	nginx := exec.Command("nginx", "-p", dir, "-c", filepath.Join(dir, "nginx.conf"))
	nginxOut := &bytes.Buffer{}
	nginx.Stdout, nginx.Stderr = nginxOut, nginxOut
	if err := nginx.Start(); err != nil {
		t.Fatalf("nginx: %v", err)
	}
	t.Cleanup(func() { _ = nginx.Process.Signal(syscall.SIGQUIT); _, _ = nginx.Process.Wait() })
	c.URL = fmt.Sprintf("http://127.0.0.1:%d", port)
	waitHealthy(t, c.URL)
	return c
}

// kill stops instance i at once (SIGKILL), as a crash would.
func (c *cluster) kill(i int) {
	_ = c.Instances[i].cmd.Process.Kill()
	_, _ = c.Instances[i].cmd.Process.Wait()
}

func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func waitHealthy(t *testing.T, url string) {
	t.Helper()
	for i := 0; i < 300; i++ {
		if resp, err := http.Get(url + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s did not answer /healthz", url)
}

// answer is a read response.
type answer struct {
	Status int
	Header http.Header
	Body   string
	Err    error
}

// send does one request to base (an instance or nginx); headers are pairs.
func (c *cluster) send(ctx context.Context, base, method, path, key, body string, headers ...string) answer {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, base+path, rd)
	if err != nil {
		return answer{Err: err}
	}
	if body != "" && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return answer{Err: err}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return answer{Status: resp.StatusCode, Header: resp.Header, Body: string(b), Err: err}
}

// complaints returns the warnings and errors the instances logged, for a
// failing test to show.
func (c *cluster) complaints() string {
	var b strings.Builder
	for i, in := range c.Instances {
		data, _ := os.ReadFile(in.log)
		for _, line := range strings.Split(string(data), "\n") {
			if strings.Contains(line, "level=WARN") || strings.Contains(line, "level=ERROR") ||
				strings.Contains(line, `"level":"WARN"`) || strings.Contains(line, `"level":"ERROR"`) {
				fmt.Fprintf(&b, "instance %d: %s\n", i, line)
			}
		}
	}
	return b.String()
}
