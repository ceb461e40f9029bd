package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"time"
)

// counter counts the bytes and lines written to it.
type counter struct {
	bytes int64
	lines int
}

func (c *counter) Write(p []byte) (int, error) {
	c.bytes += int64(len(p))
	c.lines += bytes.Count(p, []byte{'\n'})
	return len(p), nil
}

// stream GETs url and reads the whole body, counting it.
func stream(ctx context.Context, c *http.Client, url string, h map[string]string) (int, int64, int, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return 0, 0, 0, err
	}
	for k, v := range h {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, 0, 0, err
	}
	defer resp.Body.Close()
	var n counter
	_, err = io.Copy(&n, resp.Body)
	return resp.StatusCode, n.bytes, n.lines, err
}

// exportStatements keeps, of what the export ran, the tenant setting and
// the reads (not the authentication's or the audit row's writes).
func exportStatements(all []string) []string {
	var out []string
	set := false
	for _, q := range all {
		u := strings.ToUpper(strings.TrimSpace(q))
		switch {
		case strings.Contains(u, "SET_CONFIG('APP.TENANT_ID'"):
			if !set {
				out, set = append(out, q), true
			}
		case strings.Contains(u, "INSERT ") || strings.Contains(u, "UPDATE ") || strings.Contains(u, "DELETE "):
		case strings.HasPrefix(u, "SELECT") || strings.HasPrefix(u, "WITH"):
			out = append(out, q)
		}
	}
	return out
}

// copyOut runs the statements through psql as url's role in one read-only
// snapshot, each read as COPY (...) TO STDOUT (FORMAT csv), and times it.
func copyOut(ctx context.Context, url string, stmts []string) (float64, int64, int, error) {
	var script strings.Builder
	script.WriteString("\\set ON_ERROR_STOP on\nBEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\n")
	for _, q := range stmts {
		if strings.Contains(q, "set_config(") {
			fmt.Fprintf(&script, "\\o /dev/null\n%s;\n\\o\n", q)
			continue
		}
		fmt.Fprintf(&script, "COPY (%s) TO STDOUT WITH (FORMAT csv);\n", strings.TrimRight(strings.TrimSpace(q), ";"))
	}
	script.WriteString("COMMIT;\n")
	var out counter
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "psql", "-X", "-q", "-d", url)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = strings.NewReader(script.String()), &out, &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, 0, 0, fmt.Errorf("psql COPY: %w: %s", err, stderr.String())
	}
	return time.Since(start).Seconds(), out.bytes, out.lines, nil
}
