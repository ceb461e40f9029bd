package app_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestOpenAPICoversRoutes: every API and webhook route the server registers
// is documented in docs/openapi.yaml.
func TestOpenAPICoversRoutes(t *testing.T) {
	spec, err := os.ReadFile("../docs/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	param := regexp.MustCompile(`:([a-z_]+)`)
	seen := map[string]bool{}
	for _, rt := range env.Server.GetRoutes(true) {
		if rt.Method == "HEAD" || !(strings.HasPrefix(rt.Path, "/api/v1/") || strings.HasPrefix(rt.Path, "/webhooks/")) {
			continue
		}
		path := param.ReplaceAllString(rt.Path, "{$1}")
		if strings.HasPrefix(path, "/webhooks/payroll/") {
			path = "/webhooks/payroll/{integration_id}"
		}
		if seen[path] {
			continue
		}
		seen[path] = true
		if !strings.Contains(string(spec), "\n  "+path+":\n") {
			t.Errorf("%s %s is not documented in docs/openapi.yaml", rt.Method, path)
		}
	}
	if len(seen) < 30 {
		t.Fatalf("only %d routes seen", len(seen))
	}
}
