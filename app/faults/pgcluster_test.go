package faults_test

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
)

// privatePG is a PostgreSQL cluster of the test's own (initdb in a temp
// directory, a spare port): the long form restarts it, never the shared
// cluster other packages' tests use.
type privatePG struct {
	bin, dir string
	port     int
}

// startPostgres creates and starts a private cluster, skipping the test
// when the server binaries are not installed.
func startPostgres(t *testing.T) *privatePG {
	t.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
	if len(bins) == 0 {
		t.Skip("no PostgreSQL server binaries under /usr/lib/postgresql")
	}
	sort.Strings(bins)
	dir, err := os.MkdirTemp("", "lgfaults-pg-")
	if err != nil {
		t.Fatal(err)
	}
	p := &privatePG{bin: filepath.Dir(bins[len(bins)-1]), dir: dir, port: freePort(t)}
	if os.Geteuid() == 0 { // root may not run postgres: hand the directory to the postgres user
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Skip("running as root without a postgres user")
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		_ = p.ctl("stop", "-m", "immediate")
		os.RemoveAll(dir)
	})
	if out, err := p.run("initdb", "-D", p.data(), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	if err := p.ctl("start"); err != nil {
		t.Fatalf("pg_ctl start: %v", err)
	}
	return p
}

func (p *privatePG) data() string { return filepath.Join(p.dir, "data") }

// AdminURL is the superuser URL of the cluster.
func (p *privatePG) AdminURL() string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", p.port)
}

// ctl runs pg_ctl action (start, stop, restart) and waits for it.
func (p *privatePG) ctl(action string, extra ...string) error {
	args := append([]string{action, "-D", p.data(), "-w", "-t", "60", "-l", filepath.Join(p.dir, "log"),
		"-o", fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60", p.port, p.dir)}, extra...)
	out, err := p.run("pg_ctl", args...)
	if err != nil {
		return fmt.Errorf("%w: %s", err, out)
	}
	return nil
}

// run runs one of the cluster's programs, as the postgres user when root.
func (p *privatePG) run(prog string, args ...string) ([]byte, error) {
	path := filepath.Join(p.bin, prog)
	cmd := exec.Command(path, args...)
	if os.Geteuid() == 0 {
		cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", path}, args...)...)
	}
	cmd.Dir = p.dir
	return cmd.CombinedOutput()
}
