package app_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestNULBytes: a NUL in a JSON string, a JSON key, a query parameter or a
// path is a 400 naming the field, never a 500.
func TestNULBytes(t *testing.T) {
	ext := fmt.Sprintf("N-%d", seq.Add(1))
	body := func(field, value string) string {
		b := employeeBody(ext)
		delete(b, field)
		return fmt.Sprintf(`{"%s": "%s", "external_id": %q, "gender": "female", "national_id": %q, "hired_on": "2020-03-01", "monthly_wage_fen": 1, "maternity_insured": true}`,
			field, value, b["external_id"], b["national_id"])
	}
	for _, c := range []struct{ method, path, body, field string }{
		{"POST", "/api/v1/employees", body("name", `乌\u0000兰`), "name"},
		{"POST", "/api/v1/employees", `{"name": "x", "tags": {"a\u0000": 1}}`, `tags.a\u0000`},
		{"PUT", "/api/v1/settings", `{"avg_monthly_wage_fen": {"20\u000024": 1}}`, "avg_monthly_wage_fen.20\\u000024"},
		{"GET", "/api/v1/employees?external_id=a%00b", "", "external_id"},
	} {
		var b any
		if c.body != "" {
			b = c.body
		}
		r := env.Do(t, c.method, c.path, env.A.Key, b)
		if r.Status != 400 || !strings.Contains(string(r.Body), "NUL") || !strings.Contains(string(r.Body), `"`+strings.ReplaceAll(c.field, `\`, `\\`)+`"`) {
			t.Errorf("%s %s %s: %d %s, want 400 naming %s", c.method, c.path, c.body, r.Status, r.Body, c.field)
		}
	}
	if r := env.Do(t, "GET", "/api/v1/employees/1%002", env.A.Key, nil); r.Status >= 500 {
		t.Errorf("NUL in the path: %d %s", r.Status, r.Body)
	}
	// A backslash-u text that is not a NUL is stored as typed.
	b := employeeBody(ext)
	b["name"] = `乌兰\u0000`
	if r := env.Do(t, "POST", "/api/v1/employees", env.A.Key, b); r.Status != 201 {
		t.Errorf("literal backslash: %d %s", r.Status, r.Body)
	}
}
