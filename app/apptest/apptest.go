// Package apptest starts a whole LeaveGuard server for HTTP tests: its own
// throwaway database, a Redis key prefix of its own, and two seeded tenants
// (A and B) with admin API keys, so every test can try cross-tenant access.
package apptest

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app"
	"leaveguard/app/auth"
	"leaveguard/app/cache"
	"leaveguard/app/cases"
	"leaveguard/app/pii"
	"leaveguard/leave"
	"leaveguard/pdf"
	"leaveguard/server"
	"leaveguard/store"
	"leaveguard/store/dbtest"
)

// Tenant is a seeded tenant and its admin key.
type Tenant struct {
	ID  string
	Key string
}

// MetricsToken is the test server's LEAVEGUARD_METRICS_TOKEN.
const MetricsToken = "test-metrics-token-0123456789abcdef"

// Env is a running test server.
type Env struct {
	DB     *dbtest.DB
	Store  *store.Store
	Cache  *cache.Cache
	Cipher *pii.Cipher
	Server *fiber.App
	Logs   *bytes.Buffer // everything the server logged
	A, B   Tenant
	Today  leave.Date       // the date the server's clock is pinned to (see Today)
	Clock  func() time.Time // the server's clock; give it to any other use cases a test builds
	clock  *testClock
}

// testClock is a pinned clock (cases.PinnedClock) whose date a test may move.
type testClock struct {
	mu  sync.Mutex
	now func() time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now()
}

func (c *testClock) set(d leave.Date) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = cases.PinnedClock(d)
}

// SetToday pins the server's clock to day until the test ends, for a test
// about a particular date (a 调休 weekend, a year's end); it goes back to
// e.Today afterwards. Tests of a package never run in parallel.
func (e *Env) SetToday(t testing.TB, day string) {
	t.Helper()
	d, err := leave.ParseDate(day)
	if err != nil {
		t.Fatal(err)
	}
	e.clock.set(d)
	t.Cleanup(func() { e.clock.set(e.Today) })
}

// Today is the date tests run on: LEAVEGUARD_TEST_TODAY (YYYY-MM-DD) when
// set, else today's date in Beijing. Tests compute their dates from it, so
// the suite passes on any date (make test-dates runs it at several).
func Today() leave.Date {
	if s := os.Getenv("LEAVEGUARD_TEST_TODAY"); s != "" {
		d, err := leave.ParseDate(s)
		if err != nil {
			panic("LEAVEGUARD_TEST_TODAY must be YYYY-MM-DD: " + s)
		}
		return d
	}
	return (&cases.Cases{}).Today() // the application's own fallback: the wall clock in Beijing
}

// Cases are use cases over the environment's store with its pinned clock.
func (e *Env) Cases() *cases.Cases {
	return app.Deps{Store: e.Store, Cipher: e.Cipher, Rules: leave.DefaultRuleBook(), Calendar: app.BuiltinCalendar(), Clock: e.Clock}.Cases()
}

// Start builds the environment; call Close when the package's tests end.
func Start() (*Env, error) {
	db, err := dbtest.Start()
	if err != nil {
		return nil, err
	}
	kc, err := cache.New("redis://127.0.0.1:6379/0", "lgtest:"+db.Name+":")
	if err != nil {
		return nil, err
	}
	key := make([]byte, 32)
	for i := range key {
		key[i] = byte(i * 7)
	}
	cipher, _ := pii.NewCipher(key)
	logs := &bytes.Buffer{}
	log := slog.New(slog.NewJSONHandler(logs, nil))
	today := Today()
	tc := &testClock{now: cases.PinnedClock(today)}
	e := &Env{DB: db, Store: store.New(db.App).WithClock(tc.Now), Cache: kc, Cipher: cipher, Logs: logs, Today: today,
		Clock: tc.Now, clock: tc}
	cfg := app.Config{RateLimit: 1000000, SecretKey: key, Env: "dev", MetricsToken: MetricsToken}
	font := app.LoadPDFFont(cmp.Or(os.Getenv("LEAVEGUARD_PDF_FONT"), pdf.DefaultFontPath))
	e.Server = server.NewServer(app.Deps{Config: cfg, Log: log, Store: e.Store, Cache: kc, Cipher: cipher, Rules: leave.DefaultRuleBook(), Calendar: app.BuiltinCalendar(), PDFFont: font, Clock: e.Clock})
	ctx := context.Background()
	for i, t := range []*Tenant{&e.A, &e.B} {
		res, err := app.CreateTenant(ctx, db.App, app.NewTenant{Name: fmt.Sprintf("测试单位%c", 'A'+i), Region: "CN-NM-XAM",
			AdminEmail: fmt.Sprintf("admin%d@example.com", i), AdminPassword: "correct horse battery"})
		if err != nil {
			return nil, err
		}
		t.ID, t.Key = res.TenantID, res.APIKey
	}
	return e, nil
}

// Close drops the database and closes Redis.
func (e *Env) Close() {
	_ = e.Cache.Close()
	e.DB.Close()
}

// Response is a decoded HTTP response.
type Response struct {
	Status int
	Header map[string]string
	Body   []byte
}

// JSON decodes the body into a map.
func (r Response) JSON(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("response is not a JSON object (%d): %s", r.Status, r.Body)
	}
	return m
}

// Code returns error.code of an error body.
func (r Response) Code() string {
	var m struct {
		Error struct {
			Code string `json:"code"`
		} `json:"error"`
	}
	_ = json.Unmarshal(r.Body, &m)
	return m.Error.Code
}

// Do sends a request with the API key (none when key is "") and a JSON body
// (a string or []byte is sent as is; anything else is marshalled).
func (e *Env) Do(t testing.TB, method, path, key string, body any, headers ...string) Response {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = bytes.NewBufferString(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req := httptest.NewRequest(method, path, rd)
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := e.Server.Test(req, 30000)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	h := map[string]string{}
	for k := range resp.Header {
		h[k] = resp.Header.Get(k)
	}
	return Response{Status: resp.StatusCode, Header: h, Body: raw}
}

// Query runs a read-only query as the application role inside tenant's
// row-level-security context, for tests that inspect tables directly.
func (e *Env) Query(t testing.TB, tenant string, dest any, q string, args ...any) {
	t.Helper()
	tx, err := e.DB.App.Beginx()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	if _, err := tx.Exec(`SELECT set_config('app.tenant_id', $1, true)`, tenant); err != nil {
		t.Fatal(err)
	}
	if err := tx.Select(dest, q, args...); err != nil {
		t.Fatalf("query: %v", err)
	}
}

// NewKey adds an API key with role to tenant and returns it.
func (e *Env) NewKey(t testing.TB, tenant, role string) string {
	t.Helper()
	key, hash, err := auth.NewAPIKey(tenant)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	err = e.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		_, err := tx.CreateAPIKey(ctx, tenant, role+" key", role, hash)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return key
}
