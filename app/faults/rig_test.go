package faults_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app"
	"leaveguard/app/apptest"
	"leaveguard/app/cache"
	"leaveguard/app/cases"
	"leaveguard/app/pii"
	"leaveguard/leave"
	"leaveguard/server"
	"leaveguard/store"
	"leaveguard/store/dbtest"
)

// rig is a whole LeaveGuard server on 127.0.0.1:random over a throwaway
// database and the given Redis, with one tenant and a few employees.
type rig struct {
	DB     *dbtest.DB
	Cache  *cache.Cache
	App    *fiber.App
	URL    string
	Tenant string
	Key    string
	Emps   []string
	Logs   *syncBuffer
	Client *http.Client
}

// rigKey is the rig's encryption key (tests only).
var rigKey = bytes.Repeat([]byte{7}, 32)

// newRig starts a rig; tweak may adjust the server before it listens.
func newRig(t *testing.T, redisURL string, tweak func(*fiber.App)) *rig {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	db, err := dbtest.Start()
	if err != nil {
		t.Fatalf("database: %v", err)
	}
	kc, err := cache.New(redisURL, fmt.Sprintf("lgfaults:%s:", db.Name))
	if err != nil {
		t.Fatal(err)
	}
	go kc.Run(ctx)
	cipher, _ := pii.NewCipher(rigKey)
	r := &rig{DB: db, Cache: kc, Logs: &syncBuffer{}, Client: &http.Client{Timeout: 30 * time.Second}}
	cfg := app.Config{RateLimit: 1000000, SecretKey: rigKey, Env: "dev"}
	r.App = server.NewServer(app.Deps{Config: cfg, Log: slog.New(slog.NewJSONHandler(r.Logs, nil)),
		Store: store.New(db.App), Cache: kc, Cipher: cipher, Rules: leave.DefaultRuleBook(), Calendar: leave.NewCalendar(), Clock: cases.PinnedClock(apptest.Today())})
	if tweak != nil {
		tweak(r.App)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = r.App.Listener(ln) }()
	r.URL = "http://" + ln.Addr().String()
	t.Cleanup(func() {
		_ = r.App.ShutdownWithTimeout(5 * time.Second)
		cancel()
		_ = kc.Close()
		db.Close()
	})
	res, err := app.CreateTenant(ctx, db.App, app.NewTenant{Name: "故障演练单位", Region: "CN-NM-XAM",
		AdminEmail: "faults@example.com", AdminPassword: "correct horse battery"})
	if err != nil {
		t.Fatal(err)
	}
	r.Tenant, r.Key = res.TenantID, res.APIKey
	for i := 0; i < 12; i++ {
		r.Emps = append(r.Emps, r.employee(t, i))
	}
	return r
}

// employee creates employee number i (even: female) through the API.
func (r *rig) employee(t *testing.T, i int) string {
	t.Helper()
	gender := "female"
	if i%2 == 1 {
		gender = "male"
	}
	body := fmt.Sprintf(`{"external_id": "F%04d", "name": "员工%d", "gender": %q, "national_id": %q,
		"hired_on": "2020-03-01", "contract_end": "2027-02-28", "monthly_wage_fen": 800000, "maternity_insured": true}`,
		i, i, gender, pii.MakeNationalID("110105", "19920315", 100+i))
	res := r.do(t, "POST", "/api/v1/employees", body)
	if res.Status != 201 {
		t.Fatalf("create employee: %d %s", res.Status, res.Body)
	}
	return res.JSON(t)["id"].(string)
}
