package integrationtest

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// vendor is a payroll vendor's client written only against the published
// contract (docs/openapi.yaml, docs/integration.md): plain HTTP and JSON,
// Standard Webhooks signing by hand, no LeaveGuard package.
type vendor struct {
	t       *testing.T
	base    string // https://leaveguard.example, here a local listener
	key     string // a payroll API key
	secret  string // the integration's whsec_ secret
	webhook string // the integration's webhook_path
}

func (v *vendor) call(method, path string, body any) (int, map[string]any) {
	v.t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, v.base+path, rd)
	req.Header.Set("Authorization", "Bearer "+v.key)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		v.t.Fatal(err)
	}
	defer res.Body.Close()
	var m map[string]any
	_ = json.NewDecoder(res.Body).Decode(&m)
	return res.StatusCode, m
}

func (v *vendor) must(want int, method, path string, body any) map[string]any {
	v.t.Helper()
	code, m := v.call(method, path, body)
	if code != want {
		v.t.Fatalf("%s %s: %d %v", method, path, code, m)
	}
	return m
}

// send posts a signed inbound webhook (Standard Webhooks: HMAC-SHA256 over
// "id.timestamp.body" with the base64 key after whsec_).
func (v *vendor) send(id, typ string, data any) map[string]any {
	v.t.Helper()
	body, _ := json.Marshal(map[string]any{"type": typ, "data": data})
	key, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(v.secret, "whsec_"))
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + ts + "." + string(body)))
	req, _ := http.NewRequest("POST", v.base+v.webhook, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("webhook-id", id)
	req.Header.Set("webhook-timestamp", ts)
	req.Header.Set("webhook-signature", "v1,"+base64.StdEncoding.EncodeToString(mac.Sum(nil)))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		v.t.Fatal(err)
	}
	defer res.Body.Close()
	var m map[string]any
	_ = json.NewDecoder(res.Body).Decode(&m)
	if res.StatusCode != 202 {
		v.t.Fatalf("webhook %s: %d %v", typ, res.StatusCode, m)
	}
	return m
}

// line finds the kind line of an employee in a feed page, and her adjustments.
func (v *vendor) line(month, emp string) (map[string]any, []map[string]any) {
	v.t.Helper()
	page := v.must(200, "GET", "/api/v1/payroll/feed?month="+month, nil)
	var line map[string]any
	var adjs []map[string]any
	for _, it := range page["items"].([]any) {
		l := it.(map[string]any)
		switch {
		case l["employee_id"] != emp:
		case l["kind"] == "adjustment":
			adjs = append(adjs, l)
		default:
			line = l
		}
	}
	return line, adjs
}

// pull reads every event after cursor through the pull API, a page of 2
// at a time, and returns them with the cursor to poll from next.
func (v *vendor) pull(cursor string) ([]map[string]any, string) {
	v.t.Helper()
	var out []map[string]any
	for {
		q := "/api/v1/events?limit=2"
		if cursor != "" {
			q += "&since=" + url.QueryEscape(cursor)
		}
		page := v.must(200, "GET", q, nil)
		items := page["items"].([]any)
		cursor = page["next_cursor"].(string)
		for _, it := range items {
			out = append(out, it.(map[string]any))
		}
		if len(items) < 2 {
			return out, cursor
		}
	}
}

// vendorInbox is the vendor's webhook endpoint: it refuses (503) the first
// deliveries of the event ids in refuse, and records what it accepted.
type vendorInbox struct {
	mu     sync.Mutex
	refuse map[string]int
	got    []map[string]any
}

func (in *vendorInbox) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	in.mu.Lock()
	defer in.mu.Unlock()
	if id := r.Header.Get("webhook-id"); in.refuse[id] > 0 {
		in.refuse[id]--
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	var m map[string]any
	_ = json.Unmarshal(body, &m)
	in.got = append(in.got, m)
	w.WriteHeader(http.StatusNoContent)
}

// TestVendorJourney is the done-when of issue 23, from the vendor's side:
// employees synced in by signed webhook; a month read and closed; a late
// correction after the close that leaves the closed month alone and shows
// up as an adjustment line in the next month, announced by
// payroll.feed.changed; the employee's events received in sequence order
// although the first was refused twice; and the same events caught up
// through the pull API.
func TestVendorJourney(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	tenant, admin := newTenant(t)
	inbox := &vendorInbox{refuse: map[string]int{}}
	srv := httptest.NewServer(inbox)
	t.Cleanup(srv.Close)
	in := newIntegration(t, tenant, srv.URL)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = env.Server.Listener(ln) }()
	t.Cleanup(func() { _ = ln.Close() })
	v := &vendor{t: t, base: "http://" + ln.Addr().String(), key: env.NewKey(t, tenant, "payroll"),
		secret: in.Secret, webhook: "/webhooks/payroll/" + in.ID}
	hr := &vendor{t: t, base: v.base, key: admin} // the employer's HR, in LeaveGuard

	// 1. The vendor syncs its employee in.
	res := v.send("msg-emp-1", "employee.upserted", map[string]any{"external_id": "E-1001", "name": "乌兰", "gender": "female",
		"national_id": nationalID(), "hired_on": "2020-03-01", "contract_end": "2028-02-28", "monthly_wage_fen": 900000, "maternity_insured": true})
	emp := res["result"].(map[string]any)["employee_id"].(string)

	// 2. HR records her birth, maternity leave and allowance claim.
	hr.must(200, "PUT", "/api/v1/settings", map[string]any{"avg_monthly_wage_fen": map[string]any{"2025": 720000}})
	b := hr.must(201, "POST", "/api/v1/employees/"+emp+"/births", map[string]any{"birth_date": "2026-03-01", "child_order": 1})["id"].(string)
	lr := hr.must(201, "POST", "/api/v1/leave-requests", map[string]any{"employee_id": emp, "leave_type": "maternity", "start": "2026-03-01", "days": 158})
	hr.must(200, "POST", "/api/v1/leave-requests/"+lr["id"].(string)+"/approve", nil)
	hr.must(201, "POST", "/api/v1/allowance-claims", map[string]any{"birth_id": b})

	// 3. The vendor runs March's payroll and closes the month.
	march, _ := v.line("2026-03", emp)
	if march["external_id"] != "E-1001" || num(march["allowance_replaced_days"]) != 31 || num(march["revision"]) != 1 {
		t.Fatalf("March: %v", march)
	}
	v.must(200, "POST", "/api/v1/payroll/months/2026-03/close", nil)

	// 4. A late correction: her infant-care deduction share is declared.
	ev := hr.must(200, "GET", "/api/v1/employees/"+emp+"/events", nil)
	child := ev["children"].([]any)[0].(map[string]any)["id"].(string)
	hr.must(200, "PATCH", "/api/v1/children/"+child, map[string]any{"iit_share_percent": 100})

	// 5. The vendor learns of it by pulling payroll.feed.changed.
	changed := v.must(200, "GET", "/api/v1/events?type=payroll.feed.changed", nil)["items"].([]any)
	if len(changed) != 1 {
		t.Fatalf("payroll.feed.changed: %v", changed)
	}
	c := changed[0].(map[string]any)
	data := c["data"].(map[string]any)
	if c["external_id"] != "E-1001" || data["month"] != "2026-03" || data["adjustment_month"] != "2026-04" || data["line_id"] != march["line_id"] {
		t.Fatalf("change event: %v", c)
	}
	again, _ := v.line("2026-03", emp)
	if again["month_closed"] != true || fen(again["infant_care_deduction_fen"]) != fen(march["infant_care_deduction_fen"]) {
		t.Fatalf("closed March changed: %v", again)
	}
	april, adjs := v.line("2026-04", emp)
	if len(adjs) != 1 || adjs[0]["adjustment_of"] != march["line_id"] || adjs[0]["adjustment_id"] != nil ||
		fen(adjs[0]["infant_care_deduction_fen"]) != fen(april["infant_care_deduction_fen"]) || fen(april["infant_care_deduction_fen"]) <= 0 {
		t.Fatalf("April: %v, adjustments %v", april, adjs)
	}

	// 6. Webhooks: her first event is refused twice; every later one waits.
	all, cursor := v.pull("")
	var mine []map[string]any
	for _, e := range all {
		if e["employee_id"] == emp {
			mine = append(mine, e)
		}
	}
	if len(mine) < 2 {
		t.Fatalf("her events: %v of %v", mine, all)
	}
	for i, e := range mine {
		if num(e["sequence"]) != i+1 || e["schema_version"] == nil || e["occurred_at"] == nil || e["event_id"] == nil {
			t.Fatalf("event %d: %v", i, e)
		}
	}
	inbox.mu.Lock()
	inbox.refuse[mine[0]["event_id"].(string)] = 2
	inbox.mu.Unlock()
	clock := newFakeClock()
	w := worker(time.Second, time.Second, time.Second)
	w.Now = clock.Now
	for range 6 {
		if _, err := w.RunOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
		clock.Advance(time.Second)
	}
	inbox.mu.Lock()
	var seqs []int
	for _, m := range inbox.got {
		if m["employee_id"] == emp {
			seqs = append(seqs, num(m["sequence"]))
		}
	}
	inbox.mu.Unlock()
	if fmt.Sprint(seqs) != fmt.Sprint(seqList(len(mine))) {
		t.Fatalf("webhook order for her: %v, want 1..%d", seqs, len(mine))
	}

	// 7. Catching up: nothing new since the cursor; a new change shows up.
	if more, _ := v.pull(cursor); len(more) != 0 {
		t.Fatalf("events after the cursor: %v", more)
	}
	hr.must(200, "PATCH", "/api/v1/children/"+child, map[string]any{"iit_share_percent": 50})
	more, _ := v.pull(cursor)
	// March's adjustment (revision 3) and April's published line (revision 2).
	if len(more) != 2 || more[0]["type"] != "payroll.feed.changed" || num(more[0]["sequence"]) != len(mine)+1 ||
		num(more[1]["sequence"]) != len(mine)+2 || more[1]["data"].(map[string]any)["month"] != "2026-04" {
		t.Fatalf("caught up: %v", more)
	}
}

func seqList(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
	}
	return out
}

func num(v any) int { f, _ := v.(float64); return int(f) }

func fen(v any) int64 { f, _ := v.(float64); return int64(f) }
