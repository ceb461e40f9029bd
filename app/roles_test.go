package app_test

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// roles are every role a user or API key can have (migration 00001).
var roles = []string{"admin", "hr", "auditor", "payroll"}

// matrixRow is a line of the role × route table of docs/roles.md:
// | `GET /api/v1/employees` | ✓ | ✓ | ✓ | ✓ |
var matrixRow = regexp.MustCompile("^\\| `(GET|POST|PUT|PATCH|DELETE) (/api/v1/[^`]+)` \\|(.*)\\|\\s*$")

// roleMatrix reads docs/roles.md: route → role → allowed.
func roleMatrix(t *testing.T) map[string]map[string]bool {
	t.Helper()
	doc, err := os.ReadFile("../docs/roles.md")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]bool{}
	for _, line := range strings.Split(string(doc), "\n") {
		m := matrixRow.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		cells := strings.Split(m[3], "|")
		if len(cells) != len(roles) {
			t.Fatalf("docs/roles.md: %q has %d role columns, want %d", line, len(cells), len(roles))
		}
		row := map[string]bool{}
		for i, r := range roles {
			row[r] = strings.TrimSpace(cells[i]) == "✓"
		}
		out[m[1]+" "+m[2]] = row
	}
	return out
}

// apiRoutes are the API's routes as the server registers them.
func apiRoutes() []string {
	seen := map[string]bool{}
	var out []string
	for _, rt := range env.Server.GetRoutes(true) {
		k := rt.Method + " " + rt.Path
		if rt.Method == "HEAD" || !strings.HasPrefix(rt.Path, "/api/v1/") || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestRoleMatrixCoversRoutes: every API route is in docs/roles.md, and
// every route there exists.
func TestRoleMatrixCoversRoutes(t *testing.T) {
	matrix := roleMatrix(t)
	routes := apiRoutes()
	for _, r := range routes {
		if _, ok := matrix[r]; !ok {
			t.Errorf("route %s is missing from the role matrix in docs/roles.md", r)
		}
	}
	for r := range matrix {
		if !strings.Contains(strings.Join(routes, "\n")+"\n", r+"\n") {
			t.Errorf("docs/roles.md lists %s, which the server does not register", r)
		}
	}
	if len(routes) < 60 {
		t.Fatalf("only %d API routes", len(routes))
	}
}

// TestRoleMatrix: each role calls each route of docs/roles.md (objects that
// do not exist, empty bodies): where the matrix says no, 403 forbidden;
// where it says yes, anything but 401 and 403.
func TestRoleMatrix(t *testing.T) {
	matrix := roleMatrix(t)
	ten := filingTenant(t, "角色矩阵测试单位", "")
	keys := map[string]string{}
	for _, r := range roles {
		keys[r] = env.NewKey(t, ten.ID, r)
	}
	const none = "00000000-0000-4000-8000-000000000000"
	calls := 0
	for _, route := range apiRoutes() {
		method, path, _ := strings.Cut(route, " ")
		path = strings.NewReplacer(":event_id", none, ":id", none).Replace(path)
		for _, role := range roles {
			r := env.Do(t, method, path, keys[role], map[string]any{})
			calls++
			switch allowed := matrix[route][role]; {
			case !allowed && (r.Status != 403 || r.Code() != "forbidden"):
				t.Errorf("%s as %s: %d %.120s; docs/roles.md says 403", route, role, r.Status, r.Body)
			case allowed && (r.Status == 401 || r.Status == 403):
				t.Errorf("%s as %s: %d %.120s; docs/roles.md says allowed", route, role, r.Status, r.Body)
			}
		}
	}
	t.Logf("%d calls: %d routes × %d roles as docs/roles.md says", calls, len(apiRoutes()), len(roles))
}

// TestPrintRoleMatrix prints the table of docs/roles.md from what the
// server does (LEAVEGUARD_PRINT_ROLES=1), to write the doc after a change.
func TestPrintRoleMatrix(t *testing.T) {
	if os.Getenv("LEAVEGUARD_PRINT_ROLES") == "" {
		t.Skip("set LEAVEGUARD_PRINT_ROLES=1 to print the matrix")
	}
	ten := filingTenant(t, "角色矩阵打印单位", "")
	var b strings.Builder
	for _, route := range apiRoutes() {
		method, path, _ := strings.Cut(route, " ")
		path = strings.NewReplacer(":event_id", "00000000-0000-4000-8000-000000000000", ":id", "00000000-0000-4000-8000-000000000000").Replace(path)
		fmt.Fprintf(&b, "| `%s` |", route)
		for _, role := range roles {
			mark := " ✓ |"
			if env.Do(t, method, path, env.NewKey(t, ten.ID, role), map[string]any{}).Status == 403 {
				mark = " — |"
			}
			b.WriteString(mark)
		}
		b.WriteString("\n")
	}
	fmt.Print(b.String())
}
