package cluster_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"leaveguard/app"
	"leaveguard/app/pii"
	"leaveguard/app/signature"
)

// rateLimit is the instances' API requests per key per minute: low, so
// that the shared limit shows; each load below uses keys of its own.
const rateLimit = 120

// TestThreeInstances is `make cluster-test`.
func TestThreeInstances(t *testing.T) {
	if os.Getenv("LEAVEGUARD_CLUSTER") == "" {
		t.Skip("make cluster-test (LEAVEGUARD_CLUSTER=1): three serve processes behind nginx")
	}
	if _, err := exec.LookPath("nginx"); err != nil {
		t.Skip("nginx is not installed (apt-get install -y nginx)")
	}
	c := startCluster(t, 3, rateLimit)
	ctx := context.Background()
	ten, err := app.CreateTenant(ctx, c.DB.App, app.NewTenant{Name: "三实例演练单位", Region: "CN-NM-XAM",
		AdminEmail: "cluster@example.com", AdminPassword: "correct horse battery"})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{c: c, tenant: ten.TenantID, admin: ten.APIKey}
	hooks := f.receiver(t)
	for i := 0; i < 4; i++ {
		f.employees = append(f.employees, f.employee(t, i))
	}
	t.Run("session survives a change of instance", f.session)
	t.Run("rate limit shared", f.rateLimitShared)
	t.Run("idempotency shared", f.idempotencyShared)
	t.Run("webhook dedupe across instances", f.webhookDedupe)
	t.Run("throughput", f.throughput)
	t.Run("instance killed under load", f.killUnderLoad)
	t.Run("daily job raises each notice once", f.dailyJobOnce)
	t.Run("each event delivered once per integration", func(t *testing.T) { f.deliveredOnce(t, hooks) })
}

type fixture struct {
	c         *cluster
	tenant    string
	admin     string
	employees []string
	secret    string // of the first integration, for inbound webhooks
	hookPath  string
	integs    []string
}

// key makes a new admin API key (each load gets its own: the rate limit is per key).
func (f *fixture) key(t *testing.T) string {
	t.Helper()
	r := f.c.send(context.Background(), f.c.URL, "POST", "/api/v1/api-keys", f.admin, `{"name": "集群测试", "role": "admin"}`)
	var m map[string]any
	if r.Status != 201 || json.Unmarshal([]byte(r.Body), &m) != nil {
		t.Fatalf("api key: %d %s", r.Status, r.Body)
	}
	return m["key"].(string)
}

func (f *fixture) employee(t *testing.T, i int) string {
	t.Helper()
	body := fmt.Sprintf(`{"external_id": "C%03d", "name": "员工%d", "gender": "female", "national_id": %q,
		"hired_on": "2020-03-01", "contract_end": "2029-02-28", "monthly_wage_fen": 800000, "maternity_insured": true}`,
		i, i, pii.MakeNationalID("110105", "19920315", 100+i*2))
	r := f.c.send(context.Background(), f.c.URL, "POST", "/api/v1/employees", f.admin, body)
	if r.Status != 201 {
		t.Fatalf("employee: %d %s", r.Status, r.Body)
	}
	return field(r.Body, "id")
}

func field(body, name string) string {
	var m map[string]any
	_ = json.Unmarshal([]byte(body), &m)
	s, _ := m[name].(string)
	return s
}

// hookReceiver counts outbound webhooks per integration path and event id.
type hookReceiver struct {
	mu   sync.Mutex
	seen map[string]int // path + " " + webhook-id → receipts
}

// receiver starts the receiver and two integrations that send to it.
func (f *fixture) receiver(t *testing.T) *hookReceiver {
	h := &hookReceiver{seen: map[string]int{}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		h.seen[r.URL.Path+" "+r.Header.Get(signature.HeaderID)]++
		h.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	for _, name := range []string{"a", "b"} {
		r := f.c.send(context.Background(), f.c.URL, "POST", "/api/v1/integrations", f.admin,
			fmt.Sprintf(`{"name": "工资系统 %s", "outbound_url": %q}`, name, srv.URL+"/"+name))
		if r.Status != 201 {
			t.Fatalf("integration: %d %s", r.Status, r.Body)
		}
		f.integs = append(f.integs, field(r.Body, "id"))
		if f.secret == "" {
			f.secret, f.hookPath = field(r.Body, "secret"), field(r.Body, "webhook_path")
		}
	}
	return h
}

var csrfField = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// session: signed in on instance 0, the session works on 1 and 2.
func (f *fixture) session(t *testing.T) {
	jar := map[string]string{}
	do := func(base, method, path string, form url.Values) (int, string) {
		var body string
		if form != nil {
			body = form.Encode()
		}
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		for k, v := range jar {
			req.AddCookie(&http.Cookie{Name: k, Value: v})
		}
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		for _, ck := range resp.Cookies() {
			jar[ck.Name] = ck.Value
		}
		b := new(strings.Builder)
		_, _ = fmt.Fprint(b, readAll(resp))
		return resp.StatusCode, b.String()
	}
	in := f.c.Instances
	_, page := do(in[0].URL, "GET", "/login", nil)
	m := csrfField.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no login form: %.300s", page)
	}
	st, _ := do(in[0].URL, "POST", "/login", url.Values{"email": {"cluster@example.com"}, "password": {"correct horse battery"}, "_csrf": {m[1]}})
	if st != http.StatusSeeOther {
		t.Fatalf("login on instance 0: %d", st)
	}
	for i := 1; i < 3; i++ {
		st, body := do(in[i].URL, "GET", "/employees", nil)
		if st != 200 || !strings.Contains(body, "员工0") {
			t.Fatalf("session on instance %d: %d", i, st)
		}
	}
	t.Log("signed in on instance 0; instances 1 and 2 know the session")
}

func readAll(resp *http.Response) string {
	b := new(strings.Builder)
	buf := make([]byte, 32<<10)
	for {
		n, err := resp.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			return b.String()
		}
	}
}

// rateLimitShared: 3 × the limit through nginx (round robin over three
// instances) with one key: exactly the limit is served.
func (f *fixture) rateLimitShared(t *testing.T) {
	key := f.key(t)
	codes := map[int]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < 6; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < rateLimit/2; i++ {
				r := f.c.send(context.Background(), f.c.URL, "GET", "/api/v1/employees?limit=1", key, "")
				mu.Lock()
				codes[r.Status]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if codes[200] != rateLimit || codes[429] != 2*rateLimit {
		t.Fatalf("%d requests with one key over three instances: %v; want %d × 200, the rest 429", 3*rateLimit, codes, rateLimit)
	}
	t.Logf("%d requests, one key, three instances: %v (limit %d per key per minute, shared in Redis)", 3*rateLimit, codes, rateLimit)
}

// idempotencyShared: one key sent to every instance at once, three times
// each: one check, every answer the same check.
func (f *fixture) idempotencyShared(t *testing.T) {
	key := f.key(t)
	body := fmt.Sprintf(`{"employee_id": %q, "action": "termination", "ground": "art40", "effective_date": "2026-12-15"}`, f.employees[0])
	ids := make(chan string, 9)
	var wg sync.WaitGroup
	for i := 0; i < 9; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := f.c.send(context.Background(), f.c.Instances[i%3].URL, "POST", "/api/v1/dismissal-checks", key, body, "Idempotency-Key", "cluster-shared-1")
			if r.Status != 200 {
				t.Errorf("instance %d: %d %s", i%3, r.Status, r.Body)
			}
			ids <- field(r.Body, "id")
		}()
	}
	wg.Wait()
	close(ids)
	seen := map[string]bool{}
	for id := range ids {
		seen[id] = true
	}
	n := f.count(t, `SELECT count(*) FROM dismissal_checks WHERE effective_date = '2026-12-15'`)
	if len(seen) != 1 || n != 1 {
		t.Fatalf("one key on three instances: %d distinct answers, %d checks stored", len(seen), n)
	}
	t.Log("9 requests with one Idempotency-Key over three instances: one check, one answer")
}

func (f *fixture) count(t *testing.T, q string, args ...any) int {
	t.Helper()
	admin, err := f.c.DB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var n int
	if err := admin.Get(&n, q, args...); err != nil {
		t.Fatal(err)
	}
	return n
}

// webhookDedupe: one webhook-id sent to all three instances at once,
// twice each: applied once.
func (f *fixture) webhookDedupe(t *testing.T) {
	body := fmt.Sprintf(`{"type": "employee.upserted", "data": {"external_id": "WH001", "name": "同步员工", "gender": "female",
		"national_id": %q, "hired_on": "2024-01-01", "contract_end": null, "monthly_wage_fen": 600000, "maternity_insured": true}}`,
		pii.MakeNationalID("110105", "19950101", 20))
	var ok atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			now := time.Now()
			sig, _ := signature.Sign(f.secret, "msg_cluster_1", now, []byte(body))
			r := f.c.send(context.Background(), f.c.Instances[i%3].URL, "POST", f.hookPath, "", body,
				signature.HeaderID, "msg_cluster_1", signature.HeaderTimestamp, strconv.FormatInt(now.Unix(), 10), signature.HeaderSignature, sig)
			if r.Status/100 == 2 {
				ok.Add(1)
			}
		}()
	}
	wg.Wait()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) && f.count(t, `SELECT count(*) FROM webhook_deliveries WHERE webhook_id = 'msg_cluster_1' AND status = 'processed'`) == 0 {
		time.Sleep(100 * time.Millisecond)
	}
	emps := f.count(t, `SELECT count(*) FROM employees WHERE external_id = 'WH001'`)
	deliveries := f.count(t, `SELECT count(*) FROM webhook_deliveries WHERE webhook_id = 'msg_cluster_1'`)
	effects := f.count(t, `SELECT count(*) FROM audit_log WHERE action = 'employee.create' AND detail::jsonb->>'webhook_id' = 'msg_cluster_1'`)
	if emps != 1 || deliveries != 1 || effects != 1 {
		t.Fatalf("one webhook-id on three instances (%d acknowledged): %d employees, %d deliveries, %d effects", ok.Load(), emps, deliveries, effects)
	}
	t.Logf("one webhook-id sent 6 times over three instances: %d acknowledged, applied once", ok.Load())
}

// throughput measures GET /employees/{id} for 3 s through nginx (three
// instances) and against one instance, 16 clients, keys of their own.
func (f *fixture) throughput(t *testing.T) {
	for _, target := range []struct{ name, url string }{{"nginx, 3 instances", f.c.URL}, {"1 instance", f.c.Instances[0].URL}} {
		var ok, other atomic.Int64
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		var wg sync.WaitGroup
		for w := 0; w < 16; w++ {
			keys := []string{f.key(t), f.key(t)}
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; ctx.Err() == nil; i++ {
					r := f.c.send(ctx, target.url, "GET", "/api/v1/employees/"+f.employees[i%len(f.employees)], keys[i%2], "")
					if r.Status == 200 {
						ok.Add(1)
					} else if ctx.Err() == nil {
						other.Add(1)
					}
				}
			}()
		}
		wg.Wait()
		cancel()
		t.Logf("%s: %d requests/s answered 200 (%d other answers)", target.name, ok.Load()/3, other.Load())
	}
}

// killUnderLoad: keyed dismissal checks through nginx from 8 clients;
// instance 1 is killed (SIGKILL) when a third of the keys are answered. Each client retries its key
// until a final answer; every key then has exactly one check and one event.
func (f *fixture) killUnderLoad(t *testing.T) {
	const keys, workers = 300, 8
	jobs := make(chan int)
	finals := make([]int, keys)
	var attempts, done atomic.Int64
	var killOnce sync.Once
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < workers; w++ {
		apiKey := f.key(t)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range jobs {
				day := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, k).Format(time.DateOnly)
				body := fmt.Sprintf(`{"employee_id": %q, "action": "demotion", "effective_date": %q}`, f.employees[k%len(f.employees)], day)
				for try := 0; try < 100; try++ {
					attempts.Add(1)
					r := f.c.send(context.Background(), f.c.URL, "POST", "/api/v1/dismissal-checks", apiKey, body,
						"Idempotency-Key", fmt.Sprintf("cluster-kill-%d", k))
					if r.Err == nil && r.Status < 500 && r.Status != 409 {
						finals[k] = r.Status
						if done.Add(1) == keys/3 {
							killOnce.Do(func() { f.c.kill(1) })
						}
						break
					}
					time.Sleep(100 * time.Millisecond)
				}
			}
		}()
	}
	for k := 0; k < keys; k++ {
		jobs <- k
	}
	close(jobs)
	wg.Wait()
	for k, st := range finals {
		if st != 200 {
			t.Errorf("key %d: final %d", k, st)
		}
	}
	checks := f.count(t, `SELECT count(*) FROM dismissal_checks WHERE effective_date >= '2027-01-01'`)
	dates := f.count(t, `SELECT count(DISTINCT effective_date) FROM dismissal_checks WHERE effective_date >= '2027-01-01'`)
	events := f.count(t, `SELECT count(*) FROM outbox_events o JOIN dismissal_checks d ON d.id::text = o.payload->>'check_id'
		WHERE o.type = 'dismissal_check.completed' AND d.effective_date >= '2027-01-01'`)
	if checks != keys || dates != keys || events != keys {
		t.Fatalf("%d keys: %d checks on %d dates, %d events", keys, checks, dates, events)
	}
	t.Logf("%d keyed checks, 8 clients, instance 1 killed a third of the way: %d requests in %v, %d checks, %d events",
		keys, attempts.Load(), time.Since(start).Round(time.Millisecond), checks, events)
}

// deliveredOnce: every event raised after both integrations existed
// reaches each of them exactly once, although three instances (one killed
// mid-way) run the outbox; no event reaches an integration twice.
func (f *fixture) deliveredOnce(t *testing.T, h *hookReceiver) {
	admin, err := f.c.DB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var ids []string
	if err := admin.Select(&ids, `SELECT id::text FROM outbox_events
		WHERE created_at > (SELECT max(created_at) FROM integrations WHERE id = ANY($1::uuid[]))`, "{"+strings.Join(f.integs, ",")+"}"); err != nil {
		t.Fatal(err)
	}
	// The instance killed under load held leases on the head of one
	// employee's queue; her later events wait for them (per-employee order,
	// migration 00090) until the lease ends: 2 minutes (app.NewOutboxWorker).
	timeout := time.After(3 * time.Minute)
	progress := time.NewTicker(30 * time.Second)
	defer progress.Stop()
	missing, dup := 0, 0
	for waiting := true; waiting; {
		h.mu.Lock()
		missing, dup = 0, 0
		for _, id := range ids {
			for _, p := range []string{"/a ", "/b "} {
				if h.seen[p+id] == 0 {
					missing++
				}
			}
		}
		for _, n := range h.seen {
			if n > 1 {
				dup++
			}
		}
		h.mu.Unlock()
		if missing == 0 {
			break
		}
		select {
		case <-timeout:
			waiting = false
		case <-progress.C:
			t.Logf("%d deliveries missing", missing)
		case <-time.After(200 * time.Millisecond):
		}
	}
	if missing > 0 || dup > 0 {
		var state []struct {
			Status   string `db:"status"`
			Leased   bool   `db:"leased"`
			Due      bool   `db:"due"`
			Attempts int    `db:"attempts"`
			N        int    `db:"n"`
		}
		_ = admin.Select(&state, `SELECT status, coalesce(locked_until > now(), false) AS leased,
			next_at <= now() AS due, attempts, count(*) AS n FROM outbox_events
			WHERE id = ANY($1::uuid[]) GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`, "{"+strings.Join(ids, ",")+"}")
		t.Logf("outbox state of these events: %+v", state)
		var heads []struct {
			Employee string `db:"employee"`
			Pending  int    `db:"pending"`
			Min      int64  `db:"min_seq"`
			Blocked  int    `db:"blocked"`
		}
		_ = admin.Select(&heads, `SELECT coalesce(e.employee_id::text, '-') AS employee, count(*) AS pending,
			coalesce(min(e.sequence), 0) AS min_seq,
			count(*) FILTER (WHERE EXISTS (SELECT 1 FROM outbox_events p WHERE p.tenant_id = e.tenant_id
				AND p.employee_id = e.employee_id AND p.status = 'pending' AND p.sequence < e.sequence)) AS blocked
			FROM outbox_events e WHERE e.status = 'pending' GROUP BY 1`)
		t.Logf("pending by employee: %+v", heads)
		var sessions []string
		_ = admin.Select(&sessions, `SELECT concat_ws(' | ', state, wait_event_type, wait_event,
			extract(epoch FROM now() - xact_start)::int, left(regexp_replace(query, '\s+', ' ', 'g'), 160))
			FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)
		t.Logf("database sessions:\n%s", strings.Join(sessions, "\n"))
		t.Logf("the instances' warnings and errors:\n%s", f.c.complaints())
		t.Fatalf("%d events × 2 integrations: %d deliveries missing, %d received more than once", len(ids), missing, dup)
	}
	t.Logf("%d events delivered to each of 2 integrations exactly once by three instances' outbox workers", len(ids))
}

// dailyJobOnce: a protected mother whose contract ends inside her
// protection; then all three instances restart at once, and each runs the
// daily job as it starts: each of her notices is raised, and sent, once.
func (f *fixture) dailyJobOnce(t *testing.T) {
	ctx := context.Background()
	body := fmt.Sprintf(`{"external_id": "JOB1", "name": "保护期员工", "gender": "female", "national_id": %q,
		"hired_on": "2020-03-01", "contract_end": "2027-02-28", "monthly_wage_fen": 800000, "maternity_insured": true}`,
		pii.MakeNationalID("110105", "19930315", 40))
	r := f.c.send(ctx, f.c.URL, "POST", "/api/v1/employees", f.admin, body)
	emp := field(r.Body, "id")
	f.c.send(ctx, f.c.URL, "POST", "/api/v1/employees/"+emp+"/pregnancies", f.admin, `{"reported_on": "2026-03-01"}`)
	if r := f.c.send(ctx, f.c.URL, "POST", "/api/v1/employees/"+emp+"/births", f.admin, `{"birth_date": "2026-10-01", "child_order": 1}`); r.Status != 201 {
		t.Fatalf("birth: %d %s", r.Status, r.Body)
	}
	for i := range f.c.Instances {
		f.c.kill(i)
	}
	for _, in := range f.c.Instances {
		in.start(t)
	}
	for _, in := range f.c.Instances {
		waitHealthy(t, in.URL)
	}
	time.Sleep(3 * time.Second) // the job runs as each instance starts
	var kinds []string
	admin, err := f.c.DB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if err := admin.Select(&kinds, `SELECT kind FROM protection_notices WHERE employee_id = $1 ORDER BY kind`, emp); err != nil {
		t.Fatal(err)
	}
	events := f.count(t, `SELECT count(*) FROM outbox_events WHERE payload->>'employee_id' = $1
		AND type IN ('protection.started', 'protection.ended', 'contract.extension_required')`, emp)
	dups := f.count(t, `SELECT count(*) FROM (SELECT type FROM outbox_events WHERE payload->>'employee_id' = $1
		GROUP BY type HAVING count(*) > 1) d`, emp)
	if len(kinds) == 0 || events != len(kinds) || dups != 0 {
		t.Fatalf("three instances starting at once: notices %v, %d notice events, %d event types raised twice", kinds, events, dups)
	}
	t.Logf("three instances restarted at once, each running the daily job: notices %v, each raised and sent once", kinds)
}
