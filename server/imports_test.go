package server_test

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// layerRules say, per importing package (a path, or a path/... tree), which
// packages it may not import. Arrows run down only: cmd → server →
// handlers → app/cases → store, pdf → payroll → leave (docs/development.md).
var layerRules = []struct {
	from      string
	forbidden []string
}{
	{"leave/...", []string{"app/...", "handlers/...", "server", "cmd/...", "store/...", "pdf", "payroll", "migrations"}},
	{"payroll", []string{"app/...", "handlers/...", "server", "cmd/...", "store/...", "pdf", "migrations"}},
	{"store", []string{"app/...", "handlers/...", "server", "cmd/...", "pdf", "payroll"}},
	{"pdf", []string{"app/...", "handlers/...", "server", "cmd/...", "store/..."}},
	{"app/cases", []string{"app", "app/apptest", "handlers/...", "server", "cmd/..."}},
	{"app/...", []string{"handlers/...", "server", "cmd/..."}},
	{"handlers/...", []string{"app", "app/apptest", "server", "cmd/..."}},
	{"server", []string{"cmd/..."}},
}

// harnesses build the whole server as the binary does: they may import it.
var harnesses = []string{"app/apptest", "cmd/..."}

func matches(pattern, pkg string) bool {
	if tree, ok := strings.CutSuffix(pattern, "/..."); ok {
		return pkg == tree || strings.HasPrefix(pkg, tree+"/")
	}
	return pkg == pattern
}

// TestImportRules: no arrow runs back up. Non-test imports of every
// package of the module are checked against layerRules (go list).
func TestImportRules(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	out, err := exec.Command(goBin, "list", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "leaveguard/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(fields[0], "leaveguard/")
		harness := false
		for _, h := range harnesses {
			harness = harness || matches(h, pkg)
		}
		for _, imp := range fields[1:] {
			dep, ok := strings.CutPrefix(imp, "leaveguard/")
			if !ok {
				continue
			}
			if dep == "server" && !harness && pkg != "server" {
				t.Errorf("%s imports server: only the binary and test harnesses wire the application", pkg)
			}
			for _, r := range layerRules {
				if !matches(r.from, pkg) || harness {
					continue
				}
				for _, f := range r.forbidden {
					if matches(f, dep) {
						t.Errorf("%s imports %s: that arrow runs back up (rule for %s)", pkg, dep, r.from)
					}
				}
			}
		}
	}
}
