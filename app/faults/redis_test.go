package faults_test

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"leaveguard/app"
	"leaveguard/app/apptest"
	"leaveguard/app/cache"
	"leaveguard/app/cases"
	"leaveguard/app/pii"
	"leaveguard/leave"
	"leaveguard/server"
	"leaveguard/store"
)

// TestRedisKilledMidLoad: Redis dies under load. The API keeps answering
// (API keys through PostgreSQL, slower), portal logins fail closed with a
// clear page, rate limiting falls back to the in-process window; Redis
// back → in use again within one health-check interval.
func TestRedisKilledMidLoad(t *testing.T) {
	red := startRedis(t, 0)
	r := newRig(t, red.URL(), nil)
	stretch := func(d time.Duration) *tally {
		ctx, cancel := context.WithTimeout(context.Background(), d)
		defer cancel()
		return hammer(ctx, 8, r.apiStep)
	}
	before := stretch(1500 * time.Millisecond)
	if before.count(200, 299) == 0 || before.count(300, 599)+before.count(0, 0) > 0 {
		t.Fatalf("load with Redis up: %s", before)
	}
	if red.keys(t, "lgfaults:*apikey:*") == 0 {
		t.Fatal("API key cache not in Redis while it is up")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	go func() { time.Sleep(300 * time.Millisecond); red.kill() }()
	during := hammer(ctx, 8, r.apiStep)
	if during.count(200, 299) == 0 || during.count(300, 599)+during.count(0, 0) > 0 {
		t.Fatalf("API with Redis killed mid-load: %s", during)
	}
	if r.Cache.Healthy() {
		t.Fatal("cache still says healthy with Redis dead")
	}
	t.Logf("API p50 with Redis %v, without %v; %d + %d answers, all 2xx", before.p50(), during.p50(),
		before.count(200, 299), during.count(200, 299))
	checkLoginFailsClosed(t, r)
	checkLimiterFallsBack(t, r)
	red2 := startRedis(t, red.Port)
	back := time.Now()
	for !r.Cache.Healthy() && time.Since(back) < 3*cache.HealthInterval {
		time.Sleep(20 * time.Millisecond)
	}
	if took := time.Since(back); took > cache.HealthInterval {
		t.Fatalf("cache recovered %v after Redis came back; want within one health interval (%v)", took, cache.HealthInterval)
	}
	after := stretch(500 * time.Millisecond)
	if after.count(300, 599)+after.count(0, 0) > 0 || red2.keys(t, "lgfaults:*") == 0 {
		t.Fatalf("after recovery: %s, keys %d", after, red2.keys(t, "lgfaults:*"))
	}
	t.Logf("Redis in use again %v after it came back (health interval %v)", time.Since(back).Round(time.Millisecond), cache.HealthInterval)
}

// checkLoginFailsClosed: without Redis no session can be made, and the
// login page says so (when the portal is there).
func checkLoginFailsClosed(t *testing.T, r *rig) {
	t.Helper()
	page := r.do(t, "GET", "/login", "")
	if page.Status == 404 {
		t.Log("no portal yet: login check skipped")
		return
	}
	if page.Status != 200 || !strings.Contains(string(page.Body), "会话服务暂时不可用") {
		t.Fatalf("login page with Redis down: %d", page.Status)
	}
	form := url.Values{"email": {"faults@example.com"}, "password": {"correct horse battery"}, "_csrf": {"x"}}
	res := r.do(t, "POST", "/login", form.Encode(), "Content-Type", "application/x-www-form-urlencoded")
	if res.Status < 400 || strings.Contains(res.Header.Get("Set-Cookie"), "lg_session") {
		t.Fatalf("login with Redis down: %d %q", res.Status, res.Header.Get("Set-Cookie"))
	}
}

// checkLimiterFallsBack: a server with a limit of 20 a minute sharing the
// dead Redis still stops the 21st request, in process.
func checkLimiterFallsBack(t *testing.T, r *rig) {
	t.Helper()
	cipher, _ := pii.NewCipher(rigKey)
	srv := server.NewServer(app.Deps{Config: app.Config{RateLimit: 20, SecretKey: rigKey, Env: "dev"},
		Log: slog.New(slog.NewJSONHandler(&syncBuffer{}, nil)), Store: store.New(r.DB.App), Cache: r.Cache,
		Cipher: cipher, Rules: leave.DefaultRuleBook(), Calendar: leave.NewCalendar(), Clock: cases.PinnedClock(apptest.Today())})
	codes := map[int]int{}
	for i := 0; i < 25; i++ {
		req := httptest.NewRequest("GET", "/api/v1/employees/"+r.Emps[0], nil)
		req.Header.Set("Authorization", "Bearer "+r.Key)
		resp, err := srv.Test(req, 10000)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		codes[resp.StatusCode]++
	}
	if codes[200] != 20 || codes[429] != 5 {
		t.Fatalf("in-process limit of 20 with Redis down: %v", codes)
	}
}
