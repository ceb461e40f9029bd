package portal_test

import (
	"net/url"
	"strings"
	"testing"

	"leaveguard/app/auth"
	"leaveguard/store"
)

func TestLoginSuccess(t *testing.T) {
	b := newBrowser(t)
	p := b.post("/login", "/login", url.Values{"email": {"Admin0@Example.com"}, "password": {adminPassword}})
	if p.Status != 303 || p.Location() != "/" {
		t.Fatalf("login: %d → %q %s", p.Status, p.Location(), excerpt(p.Body))
	}
	set := strings.Join(p.Header.Values("Set-Cookie"), "\n")
	for _, want := range []string{sessionCookie + "=", "path=/", "HttpOnly", "secure", "SameSite=Lax"} {
		if !strings.Contains(strings.ToLower(set), strings.ToLower(want)) {
			t.Errorf("session cookie lacks %q: %s", want, set)
		}
	}
	if strings.Contains(strings.ToLower(set), "domain=") {
		t.Errorf("__Host- cookie must not carry a Domain: %s", set)
	}
	home := b.get("/")
	if home.Status != 200 || !strings.Contains(home.Body, "工作台") || !strings.Contains(home.Body, "测试单位A") {
		t.Fatalf("dashboard: %d %s", home.Status, excerpt(home.Body))
	}
}

func TestLoginFailure(t *testing.T) {
	for name, form := range map[string]url.Values{
		"wrongPassword": {"email": {"admin0@example.com"}, "password": {"wrong horse battery"}},
		"unknownEmail":  {"email": {"nobody@example.com"}, "password": {adminPassword}},
	} {
		t.Run(name, func(t *testing.T) {
			b := newBrowser(t)
			p := b.post("/login", "/login", form)
			if p.Status != 401 || !strings.Contains(p.Body, "邮箱或密码不正确") {
				t.Fatalf("%d %s", p.Status, excerpt(p.Body))
			}
			if b.cookies[sessionCookie] != "" {
				t.Fatal("a failed login set a session cookie")
			}
			if b.get("/").Status != 303 {
				t.Fatal("dashboard reachable without a session")
			}
		})
	}
	b := newBrowser(t)
	if p := b.post("/login", "/login", url.Values{"email": {""}, "password": {""}}); p.Status != 400 || !strings.Contains(p.Body, "请输入邮箱和密码") {
		t.Fatalf("empty form: %d %s", p.Status, excerpt(p.Body))
	}
}

// TestLoginThrottle: past 10 attempts in the window an account is throttled
// with a clear message and Retry-After, even with the right password; other
// accounts are unaffected.
func TestLoginThrottle(t *testing.T) {
	addUser(t, env.A.ID, "throttle@example.com", "hr", "throttle password 1")
	b := newBrowser(t)
	for i := 0; i < 10; i++ {
		if p := b.post("/login", "/login", url.Values{"email": {"throttle@example.com"}, "password": {"wrong"}}); p.Status != 401 {
			t.Fatalf("attempt %d: %d", i+1, p.Status)
		}
	}
	p := b.post("/login", "/login", url.Values{"email": {"throttle@example.com"}, "password": {"throttle password 1"}})
	if p.Status != 429 || !strings.Contains(p.Body, "登录尝试过于频繁") || p.Header.Get("Retry-After") == "" {
		t.Fatalf("11th attempt: %d %q %s", p.Status, p.Header.Get("Retry-After"), excerpt(p.Body))
	}
	if b.cookies[sessionCookie] != "" {
		t.Fatal("throttled login set a session")
	}
	admin(t, 0) // another account still logs in
}

// TestLoginSeveralUnits: one e-mail and password at two employers → the
// user picks the 单位; only proven units are offered.
func TestLoginSeveralUnits(t *testing.T) {
	addUser(t, env.A.ID, "both@example.com", "hr", "shared password 1")
	addUser(t, env.B.ID, "both@example.com", "auditor", "shared password 1")
	b := newBrowser(t)
	p := b.post("/login", "/login", url.Values{"email": {"both@example.com"}, "password": {"shared password 1"}})
	if p.Status != 200 || !strings.Contains(p.Body, "测试单位A") || !strings.Contains(p.Body, "测试单位B") {
		t.Fatalf("unit choice: %d %s", p.Status, excerpt(p.Body))
	}
	token := regexpValue(t, p.Body, "token")
	form := url.Values{"_csrf": {csrfField.FindStringSubmatch(p.Body)[1]}, "token": {token}, "tenant": {env.B.ID}}
	if p := b.do("POST", "/login/unit", form); p.Status != 303 {
		t.Fatalf("choose unit: %d %s", p.Status, excerpt(p.Body))
	}
	if home := b.get("/"); !strings.Contains(home.Body, "测试单位B") || !strings.Contains(home.Body, "审计员") {
		t.Fatalf("not in unit B as auditor: %s", excerpt(home.Body))
	}
	if p := b.do("POST", "/login/unit", form); p.Status != 400 && p.Status != 403 {
		t.Fatalf("pending login reused: %d", p.Status)
	}
}

// addUser creates an enabled portal user directly in the store.
func addUser(t testing.TB, tenant, email, role, password string) string {
	t.Helper()
	h, err := auth.HashPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	var id string
	ctx := t.Context()
	err = env.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		id, err = tx.CreateUser(ctx, tenant, store.User{Email: email, Name: "测试" + role, PasswordHash: h, Role: role})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func regexpValue(t testing.TB, body, field string) string {
	t.Helper()
	i := strings.Index(body, `name="`+field+`" value="`)
	if i < 0 {
		t.Fatalf("no field %s", field)
	}
	rest := body[i+len(`name="`+field+`" value="`):]
	return rest[:strings.IndexByte(rest, '"')]
}
