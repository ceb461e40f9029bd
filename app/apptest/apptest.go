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
	"testing"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app"
	"leaveguard/app/cache"
	"leaveguard/app/pii"
	"leaveguard/leave"
	"leaveguard/pdf"
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
	e := &Env{DB: db, Store: store.New(db.App), Cache: kc, Cipher: cipher, Logs: logs}
	cfg := app.Config{RateLimit: 1000000, SecretKey: key, Env: "dev", MetricsToken: MetricsToken}
	font := app.LoadPDFFont(cmp.Or(os.Getenv("LEAVEGUARD_PDF_FONT"), pdf.DefaultFontPath))
	e.Server = app.NewServer(app.Deps{Config: cfg, Log: log, Store: e.Store, Cache: kc, Cipher: cipher, Rules: leave.DefaultRuleBook(), Calendar: leave.NewCalendar(), PDFFont: font})
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
