package app_test

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// loadOpenAPI loads docs/openapi.yaml and fails the test unless it is a
// valid OpenAPI 3.0 document.
func loadOpenAPI(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromFile("../docs/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestOpenAPIValid: docs/openapi.yaml is a valid OpenAPI 3.0 document, so
// client generators accept it.
func TestOpenAPIValid(t *testing.T) {
	loadOpenAPI(t)
}

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
