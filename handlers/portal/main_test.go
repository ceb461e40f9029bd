package portal_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/apptest"
)

var env *apptest.Env

func TestMain(m *testing.M) {
	var err error
	env, err = apptest.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, "portal tests need PostgreSQL and Redis (make test starts them):", err)
		os.Exit(1)
	}
	code := m.Run()
	env.Close()
	os.Exit(code)
}

const (
	sessionCookie = "__Host-lg_session"
	adminPassword = "correct horse battery"
)

// browser is a minimal cookie-keeping client over fiber's app.Test.
type browser struct {
	t       testing.TB
	app     *fiber.App
	cookies map[string]string
	last    *http.Response
	agent   string // User-Agent header, when set
}

func newBrowser(t testing.TB) *browser {
	return &browser{t: t, app: env.Server, cookies: map[string]string{}}
}

// page is a response with its body read.
type page struct {
	Status int
	Header http.Header
	Body   string
}

// Location returns the redirect target.
func (p page) Location() string { return p.Header.Get("Location") }

func (b *browser) do(method, path string, form url.Values) page {
	b.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range b.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	if b.agent != "" {
		req.Header.Set("User-Agent", b.agent)
	}
	resp, err := b.app.Test(req, 30000)
	if err != nil {
		b.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	for _, c := range resp.Cookies() {
		if c.MaxAge < 0 || c.Value == "" {
			delete(b.cookies, c.Name)
		} else {
			b.cookies[c.Name] = c.Value
		}
	}
	b.last = resp
	return page{Status: resp.StatusCode, Header: resp.Header, Body: string(raw)}
}

func (b *browser) get(path string) page { b.t.Helper(); return b.do("GET", path, nil) }

var csrfField = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// csrf returns the CSRF token of a form on the page at path.
func (b *browser) csrf(path string) string {
	b.t.Helper()
	p := b.get(path)
	m := csrfField.FindStringSubmatch(p.Body)
	if m == nil {
		b.t.Fatalf("no CSRF field on %s (%d)", path, p.Status)
	}
	return m[1]
}

// post submits form to path with the CSRF token of the page at from.
func (b *browser) post(from, path string, form url.Values) page {
	b.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	form.Set("_csrf", b.csrf(from))
	return b.do("POST", path, form)
}

// login signs in and fails the test unless it succeeds.
func (b *browser) login(email, password string) page {
	b.t.Helper()
	p := b.post("/login", "/login", url.Values{"email": {email}, "password": {password}})
	if p.Status != fiber.StatusSeeOther || b.cookies[sessionCookie] == "" {
		b.t.Fatalf("login %s: %d %s", email, p.Status, excerpt(p.Body))
	}
	return p
}

// admin returns a browser signed in as tenant A's (i = 0) or B's admin.
func admin(t testing.TB, i int) *browser {
	b := newBrowser(t)
	b.login(fmt.Sprintf("admin%d@example.com", i), adminPassword)
	return b
}

var tagRE = regexp.MustCompile(`(?s)<[^>]*>|\s+`)

// excerpt is the visible text of an HTML body, shortened, for messages.
func excerpt(s string) string {
	s = strings.TrimSpace(tagRE.ReplaceAllString(s, " "))
	if r := []rune(s); len(r) > 400 {
		return string(r[:400]) + "…"
	}
	return s
}
