package webhooks_test

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/signature"
)

// benchConcurrency is how many clients post at once.
const benchConcurrency = 32

// BenchmarkWebhookIngest measures inbound webhook throughput with 10%
// duplicate deliveries: the full endpoint (integration lookup, signature,
// RLS transaction, dedupe, employee upsert, audit) next to a bare baseline
// in the same run (a fiber handler that verifies the HMAC and inserts one
// row, no RLS, no audit), over real HTTP on loopback with the same pool.
// It reports both throughputs and their ratio (goal ≥ 0.6).
func BenchmarkWebhookIngest(b *testing.B) {
	_, path, secret := integration(b, env.A.Key)
	baseURL, baseSecret := baseline(b)
	lgURL := serve(b, env.Server)
	n := max(b.N, benchConcurrency)
	b.ResetTimer()
	baseRate, baseBad := load(b, baseURL+"/hook", baseSecret, n)
	lgRate, lgBad := load(b, lgURL+path, secret, n)
	b.StopTimer()
	b.ReportMetric(baseRate, "baseline_req/s")
	b.ReportMetric(lgRate, "leaveguard_req/s")
	b.ReportMetric(lgRate/baseRate, "ratio")
	if baseBad+lgBad > 0 {
		b.Fatalf("non-2xx responses: baseline %d, leaveguard %d", baseBad, lgBad)
	}
}

var benchRun atomic.Int64

// load posts n signed employee.upserted webhooks, one in ten repeating an
// earlier webhook-id, benchConcurrency at a time; it returns requests per
// second and the count of non-2xx answers.
func load(b *testing.B, url, secret string, n int) (float64, int) {
	run := benchRun.Add(1)
	type msg struct {
		id   string
		body []byte
	}
	msgs := make([]msg, n)
	for i := range msgs {
		if i%10 == 9 {
			msgs[i] = msgs[rand.IntN(i)]
			continue
		}
		msgs[i] = msg{fmt.Sprintf("msg_b%d_%d", run, i), upsertBody(fmt.Sprintf("B%d-%d", run, i))}
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: benchConcurrency}, Timeout: 30 * time.Second}
	work := make(chan msg)
	var bad atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < benchConcurrency; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for m := range work {
				req, _ := http.NewRequest("POST", url, bytes.NewReader(m.body))
				now := time.Now()
				sig, _ := signature.Sign(secret, m.id, now, m.body)
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set(signature.HeaderID, m.id)
				req.Header.Set(signature.HeaderTimestamp, strconv.FormatInt(now.Unix(), 10))
				req.Header.Set(signature.HeaderSignature, sig)
				res, err := client.Do(req)
				if err != nil {
					if bad.Add(1) == 1 {
						b.Logf("first failed request: %v", err)
					}
					continue
				}
				_, _ = io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode >= 300 && bad.Add(1) == 1 {
					b.Logf("first non-2xx answer: %d", res.StatusCode)
				}
			}
		}()
	}
	for _, m := range msgs {
		work <- m
	}
	close(work)
	wg.Wait()
	return float64(n) / time.Since(start).Seconds(), int(bad.Load())
}

// serve runs app on a loopback port until the benchmark ends.
func serve(b *testing.B, app *fiber.App) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	go func() { _ = app.Listener(ln) }()
	b.Cleanup(func() { _ = ln.Close() })
	return "http://" + ln.Addr().String()
}

// baseline starts the bare handler: verify the HMAC on the raw body, insert
// one row, answer 202.
func baseline(b *testing.B) (string, string) {
	admin, err := env.DB.Admin()
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close()
	admin.MustExec(`CREATE TABLE IF NOT EXISTS bench_baseline (webhook_id text NOT NULL, body bytea NOT NULL, received_at timestamptz NOT NULL DEFAULT now());
		GRANT INSERT ON bench_baseline TO leaveguard_app`)
	secret, _ := signature.NewSecret()
	app := fiber.New(fiber.Config{DisableStartupMessage: true, BodyLimit: 1 << 20})
	db := env.DB.App
	app.Post("/hook", func(c *fiber.Ctx) error {
		h := signature.Headers{ID: c.Get(signature.HeaderID), Timestamp: c.Get(signature.HeaderTimestamp), Signature: c.Get(signature.HeaderSignature)}
		if signature.Verify([]string{secret}, h, c.Body(), time.Now()) != nil {
			return c.SendStatus(401)
		}
		if _, err := db.ExecContext(c.UserContext(), `INSERT INTO bench_baseline (webhook_id, body) VALUES ($1, $2)`, h.ID, c.Body()); err != nil {
			return c.SendStatus(500)
		}
		return c.SendStatus(202)
	})
	return serve(b, app), secret
}
