package app_test

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers/legacy"
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

// TestOpenAPIResponses: real responses of the main JSON routes match their
// schemas in docs/openapi.yaml. Objects with documented properties are
// closed for the test, so a field the code sends but the contract does not
// name (or names differently) fails too.
func TestOpenAPIResponses(t *testing.T) {
	doc := loadOpenAPI(t)
	closed := map[*openapi3.Schema]bool{}
	var closeObjects func(s *openapi3.SchemaRef)
	closeObjects = func(s *openapi3.SchemaRef) {
		if s == nil || s.Value == nil || closed[s.Value] {
			return
		}
		closed[s.Value] = true
		if len(s.Value.Properties) > 0 && s.Value.AdditionalProperties.Schema == nil {
			no := false
			s.Value.AdditionalProperties.Has = &no
		}
		for _, p := range s.Value.Properties {
			closeObjects(p)
		}
		closeObjects(s.Value.Items)
		for _, sub := range s.Value.AllOf {
			closeObjects(sub)
		}
	}
	for _, s := range doc.Components.Schemas {
		closeObjects(s)
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	tn := freshTenant(t) // its own tenant: other tests see nothing of this one
	check := func(want int, method, path string, body any) map[string]any {
		t.Helper()
		r := env.Do(t, method, path, tn.Key, body)
		if r.Status != want {
			t.Fatalf("%s %s: want %d, got %d %s", method, path, want, r.Status, r.Body)
		}
		matches(t, router, method, path, r)
		return r.JSON(t)
	}
	mustDo(t, 200, "PUT", "/api/v1/settings", tn.Key, map[string]any{"avg_monthly_wage_fen": map[string]any{"2025": 720000}})
	emp := check(201, "POST", "/api/v1/employees", employeeBody(fmt.Sprintf("O-%d", seq.Add(1))))["id"].(string)
	check(200, "GET", "/api/v1/employees/"+emp, nil)
	b := check(201, "POST", "/api/v1/employees/"+emp+"/births", map[string]any{"birth_date": "2026-03-01", "child_order": 1})["id"].(string)
	check(200, "GET", "/api/v1/employees/"+emp+"/entitlements?as_of=2026-06-01", nil)
	check(200, "GET", "/api/v1/employees/"+emp+"/protection?as_of=2026-06-01", nil)
	check(200, "POST", "/api/v1/dismissal-checks", map[string]any{"employee_id": emp, "action": "termination", "ground": "art40", "effective_date": "2026-06-01"})
	claim := check(201, "POST", "/api/v1/allowance-claims", map[string]any{"birth_id": b})["id"].(string)
	check(200, "GET", "/api/v1/allowance-claims/"+claim, nil)
	check(200, "GET", "/api/v1/regions", nil)
	cr := check(201, "POST", "/api/v1/employees/"+emp+"/correction-requests", map[string]any{"subject": "工资", "received_on": "2026-03-01", "channel": "email"})["id"].(string)
	check(200, "POST", "/api/v1/correction-requests/"+cr+"/outcome", map[string]any{"outcome": "corrected"})
	check(200, "GET", "/api/v1/employees/"+emp+"/correction-requests", nil)
	check(200, "GET", "/api/v1/employees/"+emp+"/sensitive-notices", nil)
	check(404, "GET", "/api/v1/employees/00000000-0000-4000-8000-000000000000", nil)
}
