package portal_test

import (
	"regexp"
	"strings"
	"testing"
)

var nonceRE = regexp.MustCompile(`<script nonce="([A-Za-z0-9_-]{20,})"`)

// TestSecurityHeaders: every page (signed in or not, errors included)
// carries the CSP with a fresh nonce that its script tag uses, nosniff,
// DENY framing, a referrer policy and Cache-Control: no-store.
func TestSecurityHeaders(t *testing.T) {
	b := admin(t, 0)
	empID := createEmployee(t, b, "HDR-1")
	staffID := addUser(t, env.A.ID, "headers@example.com", "hr", "headers password 1")
	pages := []string{"/", "/employees", "/employees?gender=female", "/employees/new", "/employees/" + empID,
		"/employees/" + empID + "/edit", "/audit", "/audit?type=employee", "/staff", "/staff/new",
		"/staff/" + staffID, "/password", "/employees/00000000-0000-4000-8000-000000000000",
		"/dismissal-checks", "/dismissal-checks?employee=" + empID}
	seen := map[string]bool{}
	check := func(path string, p page) {
		t.Helper()
		csp := p.Header.Get("Content-Security-Policy")
		m := nonceRE.FindStringSubmatch(p.Body)
		if m == nil {
			t.Fatalf("%s: no nonced script (%d)", path, p.Status)
		}
		want := "default-src 'self'; script-src 'nonce-" + m[1] + "'; style-src 'self'; img-src 'self' data:; " +
			"frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
		if csp != want {
			t.Errorf("%s: CSP %q, want %q", path, csp, want)
		}
		if seen[m[1]] {
			t.Errorf("%s: nonce reused", path)
		}
		seen[m[1]] = true
		for h, v := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
			"Referrer-Policy": "no-referrer", "Cache-Control": "no-store"} {
			if got := p.Header.Get(h); got != v {
				t.Errorf("%s: %s = %q, want %q", path, h, got, v)
			}
		}
		if strings.Contains(p.Body, " style=") || strings.Contains(p.Body, " onclick=") {
			t.Errorf("%s: inline style or handler (blocked by the CSP)", path)
		}
	}
	for _, path := range pages {
		p := b.get(path)
		if p.Status != 200 && p.Status != 404 {
			t.Fatalf("%s: %d %s", path, p.Status, excerpt(p.Body))
		}
		check(path, p)
	}
	anon := newBrowser(t)
	check("/login", anon.get("/login"))
	if p := anon.get("/static/app.css"); p.Status != 200 || !strings.HasPrefix(p.Header.Get("Content-Type"), "text/css") {
		t.Fatalf("static css: %d %s", p.Status, p.Header.Get("Content-Type"))
	}
}

// TestRoles: pages are shown only to the roles that may use them.
func TestRoles(t *testing.T) {
	addUser(t, env.A.ID, "auditor@example.com", "auditor", "auditor password 1")
	b := newBrowser(t)
	b.login("auditor@example.com", "auditor password 1")
	for path, want := range map[string]int{"/": 200, "/employees": 200, "/audit": 200,
		"/employees/new": 403, "/staff": 403, "/staff/new": 403} {
		if p := b.get(path); p.Status != want {
			t.Errorf("auditor GET %s: %d, want %d", path, p.Status, want)
		}
	}
	home := b.get("/")
	if strings.Contains(home.Body, `href="/staff"`) || !strings.Contains(home.Body, `href="/audit"`) {
		t.Error("navigation does not follow the role")
	}
}
