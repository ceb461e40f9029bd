package app_test

import (
	"bufio"
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// readmeBlocks returns, in order, the ```sh blocks of README.md that follow
// a "<!-- readme-test -->" line: the walkthrough a new user pastes.
func readmeBlocks(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var blocks []string
	var cur *strings.Builder
	marked := false
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case cur != nil && line == "```":
			blocks = append(blocks, cur.String())
			cur = nil
		case cur != nil:
			cur.WriteString(line + "\n")
		case line == "<!-- readme-test -->":
			marked = true
		case marked && line == "```sh":
			cur, marked = &strings.Builder{}, false
		case strings.TrimSpace(line) != "":
			marked = false
		}
	}
	return blocks
}

// expected are the comment lines that show a command's output verbatim:
// "# {...}", "# [...]", "# \"...\"", "# 123" or an HTTP status with what
// follows it ("# 200 application/pdf"), right after a command line.
var expectedLine = regexp.MustCompile(`^# ((\{|\[|").*|[0-9]+|[1-5][0-9][0-9] \S+)$`)

// TestReadmeRuns pastes the README's walkthrough into bash against a live
// server, as a new user would: every marked block runs in order in one
// shell (set -euo pipefail, so a variable without a source or a failing
// command stops it), curl fails on any HTTP error, and every output the
// README shows must be printed exactly. The story is told as of 2026-12-07
// (the README says so), so the server's clock is pinned to that day.
func TestReadmeRuns(t *testing.T) {
	for _, tool := range []string{"bash", "curl", "jq"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed (make test-deps installs it): %v", tool, err)
		}
	}
	env.SetToday(t, "2026-12-07")
	tn := freshTenant(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = env.Server.Listener(ln) }()
	base := "http://" + ln.Addr().String()

	var script, want []string
	script = append(script, "set -euo pipefail", `curl() { command curl --fail-with-body "$@"; }`)
	for _, b := range readmeBlocks(t) {
		prev := ""
		for _, line := range strings.Split(strings.TrimRight(b, "\n"), "\n") {
			if strings.HasPrefix(line, "export KEY=") || strings.HasPrefix(line, "export BASE=") {
				continue // the test's own key and server
			}
			if expectedLine.MatchString(line) && prev != "" && (!strings.HasPrefix(prev, "#") || expectedLine.MatchString(prev)) {
				want = append(want, strings.TrimPrefix(line, "# "))
			}
			script = append(script, line)
			prev = line
		}
	}
	if len(script) < 20 || len(want) < 5 {
		t.Fatalf("the README walkthrough has %d lines and %d shown outputs: are the blocks marked?", len(script), len(want))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-c", strings.Join(script, "\n"))
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "KEY="+tn.Key, "BASE="+base)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("the README walkthrough stopped: %v\nstderr:\n%s\nstdout:\n%s", err, stderr.String(), tail(stdout.String(), 3000))
	}
	out := stdout.String()
	if testing.Verbose() {
		t.Logf("the walkthrough printed:\n%s", out)
	}
	pos := 0
	for _, w := range want {
		i := strings.Index(out[pos:], w+"\n")
		if i < 0 {
			t.Fatalf("the README shows %s, but the walkthrough printed (from there on):\n%s", w, tail(out[pos:], 3000))
		}
		pos += i + len(w)
	}
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
