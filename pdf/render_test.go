package pdf

import (
	"bytes"
	"errors"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"leaveguard/leave"
)

// documents renders one sample of each document with meta m.
func documents(t testing.TB, r *Renderer, m Meta) map[string][]byte {
	t.Helper()
	c, a, n, e, rep := sampleClaim(t), sampleSubsidy(t, 6), sampleNotice(), sampleExtension(), sampleReport(3)
	c.Meta, a.Meta, n.Meta, e.Meta, rep.Meta = m, m, m, m, m
	out := map[string][]byte{}
	var err error
	steps := []struct {
		name string
		fn   func() ([]byte, error)
	}{
		{"claim", func() ([]byte, error) { return r.Claim(c) }},
		{"subsidy", func() ([]byte, error) { return r.SubsidyApplication(a) }},
		{"notice", func() ([]byte, error) { return r.LeaveNotice(n) }},
		{"extension", func() ([]byte, error) { return r.ContractExtension(e) }},
		{"report", func() ([]byte, error) { return r.ComplianceReport(rep) }},
	}
	for _, s := range steps {
		if out[s.name], err = s.fn(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
	}
	return out
}

// The same input renders to the same bytes; another GeneratedAt does not.
// The same instant in another time zone is the same input.
func TestDeterministic(t *testing.T) {
	r := renderer(t)
	m := sampleMeta("LG-DET-1")
	first := documents(t, r, m)
	for i := 0; i < 3; i++ {
		for name, b := range documents(t, r, m) {
			if !bytes.Equal(b, first[name]) {
				t.Errorf("%s: render %d differs from the first", name, i+2)
			}
		}
	}
	m.GeneratedAt = m.GeneratedAt.In(time.UTC)
	for name, b := range documents(t, r, m) {
		if !bytes.Equal(b, first[name]) {
			t.Errorf("%s: same instant in UTC renders differently", name)
		}
	}
	m.GeneratedAt = m.GeneratedAt.Add(time.Second)
	for name, b := range documents(t, r, m) {
		if bytes.Equal(b, first[name]) {
			t.Errorf("%s: a different GeneratedAt gives the same bytes", name)
		}
		if !contains(b, "/CreationDate (D:20250301093001+08'00')") || !contains(b, "/ModDate (D:20250301093001+08'00')") {
			t.Errorf("%s: creation/modification date not taken from GeneratedAt (Beijing time)", name)
		}
	}
}

// Concurrent renders share the Font and give the same bytes (run with -race).
func TestConcurrentRender(t *testing.T) {
	r := renderer(t)
	c := sampleClaim(t)
	want, err := r.Claim(c)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got, err := r.Claim(c)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("concurrent render differs (err %v)", err)
			}
		})
	}
	wg.Wait()
}

// Each document embeds a subset of the 4 MB font: tens of KB, not MB.
func TestSizes(t *testing.T) {
	r := renderer(t)
	for name, b := range documents(t, r, sampleMeta("LG-SIZE-1")) {
		t.Logf("%-9s %6d bytes", name, len(b))
		if len(b) > 150<<10 {
			t.Errorf("%s: %d bytes: the font is not subset", name, len(b))
		}
	}
}

func TestIncomplete(t *testing.T) {
	r := renderer(t)
	c := sampleClaim(t)
	c.GeneratedAt = time.Time{}
	if _, err := r.Claim(c); !errors.Is(err, ErrIncomplete) || !strings.Contains(err.Error(), "generated_at") {
		t.Errorf("no GeneratedAt: err = %v", err)
	}
	c = sampleClaim(t)
	c.EmployeeName = ""
	if _, err := r.Claim(c); !errors.Is(err, ErrIncomplete) {
		t.Errorf("no name: err = %v", err)
	}
	e := sampleExtension()
	e.ExtendedEnd = leave.Date{}
	if _, err := r.ContractExtension(e); !errors.Is(err, ErrIncomplete) {
		t.Errorf("no extended end: err = %v", err)
	}
	a := sampleSubsidy(t, 1)
	a.TenantName = ""
	if _, err := r.SubsidyApplication(a); !errors.Is(err, ErrIncomplete) {
		t.Errorf("no tenant: err = %v", err)
	}
	n := sampleNotice()
	n.DocNo = ""
	if _, err := r.LeaveNotice(n); !errors.Is(err, ErrIncomplete) {
		t.Errorf("no doc no: err = %v", err)
	}
}

// TestImports keeps pdf free of HTTP and SQL: callers bring the data.
func TestImports(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not on PATH")
	}
	out, err := exec.Command(gobin, "list", "-deps", "leaveguard/pdf").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	for _, f := range []string{"net/http", "database/sql\n", "fiber", "sqlx", "lib/pq", "redis", "leaveguard/store", "leaveguard/app"} {
		if strings.Contains(string(out)+"\n", f) {
			t.Errorf("pdf depends on %s", strings.TrimSpace(f))
		}
	}
}
