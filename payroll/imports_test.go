package payroll

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPureImports keeps payroll a pure domain package: no HTTP, SQL, Redis
// or PDF code anywhere in its dependency graph, and nothing outside the
// standard library except leaveguard/leave.
func TestPureImports(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not on PATH")
	}
	out, err := exec.Command(gobin, "list", "-deps", "-f", "{{.ImportPath}} {{.Standard}}", "leaveguard/payroll").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	forbidden := []string{"gofiber/fiber", "jmoiron/sqlx", "lib/pq", "redis", "fpdf", "net/http"}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, std, _ := strings.Cut(line, " ")
		for _, f := range forbidden {
			if strings.Contains(path, f) {
				t.Errorf("payroll depends on %s", path)
			}
		}
		if std != "true" && path != "leaveguard/payroll" && path != "leaveguard/leave" {
			t.Errorf("payroll depends on non-standard package %s", path)
		}
	}
}
