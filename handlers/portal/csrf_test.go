package portal_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestCSRF: every unsafe request without the session's token (or with a
// wrong one) is refused with a Chinese 403 page and changes nothing.
func TestCSRF(t *testing.T) {
	b := admin(t, 0)
	form := employeeForm("CSRF-1")
	for name, token := range map[string]string{"missing": "", "wrong": strings.Repeat("x", 43)} {
		t.Run(name, func(t *testing.T) {
			f := url.Values{}
			for k, v := range form {
				f[k] = v
			}
			if token != "" {
				f.Set("_csrf", token)
			}
			for _, path := range []string{"/employees", "/logout", "/password", "/staff"} {
				p := b.do("POST", path, f)
				if p.Status != 403 || !strings.Contains(p.Body, "页面已过期或请求来源无效") {
					t.Fatalf("POST %s without a valid token: %d %s", path, p.Status, excerpt(p.Body))
				}
			}
		})
	}
	if p := b.get("/employees?q=CSRF-1"); strings.Contains(p.Body, ">CSRF-1<") {
		t.Fatal("an employee was created without a CSRF token")
	}
	if p := b.get("/"); p.Status != 200 {
		t.Fatalf("session ended by a refused logout: %d", p.Status)
	}
	// The token of another session is no good either.
	other := admin(t, 0)
	f := employeeForm("CSRF-2")
	f.Set("_csrf", other.csrf("/employees/new"))
	if p := b.do("POST", "/employees", f); p.Status != 403 {
		t.Fatalf("another session's token accepted: %d", p.Status)
	}
	// The login form has its own pre-session token.
	anon := newBrowser(t)
	anon.get("/login")
	p := anon.do("POST", "/login", url.Values{"email": {"admin0@example.com"}, "password": {adminPassword}})
	if p.Status != 403 || anon.cookies[sessionCookie] != "" {
		t.Fatalf("login without its token: %d", p.Status)
	}
}
