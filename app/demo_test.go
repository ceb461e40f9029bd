package app_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"leaveguard/app"
	"leaveguard/app/cases"
	"leaveguard/leave"
)

// TestDemo loads the demo tenant twice (the second run only issues a new
// key) and checks the capabilities it shows are there.
func TestDemo(t *testing.T) {
	ctx := context.Background()
	cs := &cases.Cases{Store: env.Store, Cipher: env.Cipher, Rules: leave.DefaultRuleBook(), Calendar: leave.NewCalendar(),
		Clock: func() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) }}
	key, err := app.LoadDemo(ctx, env.DB.App, cs)
	if err != nil {
		t.Fatal(err)
	}
	again, err := app.LoadDemo(ctx, env.DB.App, cs)
	if err != nil || again == key {
		t.Fatalf("second run: %v (same key: %v)", err, again == key)
	}
	r := env.Do(t, "GET", "/api/v1/employees", again, nil)
	if n := len(r.JSON(t)["items"].([]any)); n != 6 {
		t.Fatalf("demo has %d employees: %s", n, r.Body)
	}
	r = env.Do(t, "GET", "/api/v1/employees?status=former", again, nil)
	if items := r.JSON(t)["items"].([]any); len(items) != 1 || items[0].(map[string]any)["separated_on"] != "2025-06-30" {
		t.Fatalf("demo former employees: %s", r.Body)
	}
	r = env.Do(t, "GET", "/api/v1/alerts/contract-extensions?as_of=2026-11-28", key, nil)
	if n := len(r.JSON(t)["items"].([]any)); n != 2 {
		t.Fatalf("demo watch-list has %d employees, want 2: %s", n, r.Body)
	}
	r = env.Do(t, "GET", "/api/v1/allowance-claims", key, nil)
	if items := r.JSON(t)["items"].([]any); len(items) != 1 {
		t.Fatalf("demo allowance claims: %s", r.Body)
	}
	r = env.Do(t, "GET", "/api/v1/subsidy-applications", key, nil)
	if items := r.JSON(t)["items"].([]any); len(items) != 1 {
		t.Fatalf("demo subsidy applications: %s", r.Body)
	}
	r = env.Do(t, "GET", "/api/v1/integrations", key, nil)
	ins := r.JSON(t)["items"].([]any)
	if len(ins) != 1 {
		t.Fatalf("demo integrations: %s", r.Body)
	}
	r = env.Do(t, "GET", "/api/v1/integrations/"+ins[0].(map[string]any)["id"].(string)+"/deliveries", key, nil)
	if body := string(r.Body); len(r.JSON(t)["items"].([]any)) != 3 || !strings.Contains(body, `"scheduled":true`) ||
		!strings.Contains(body, "wage_reduction_prohibited") {
		t.Fatalf("demo webhook deliveries (a raise, a refused cut, a scheduled cut): %s", r.Body)
	}
	r = env.Do(t, "GET", "/api/v1/dismissal-checks", key, nil)
	verdicts := map[string]string{}
	for _, it := range r.JSON(t)["items"].([]any) {
		m := it.(map[string]any)
		verdicts[fmt.Sprint(m["ground"])] = fmt.Sprint(m["verdict"])
	}
	if len(verdicts) != 2 || verdicts["art40"] != "prohibited" || verdicts["art44_closure"] != "requires_review" ||
		!strings.Contains(string(r.Body), "art46_severance_due") {
		t.Fatalf("demo dismissal checks (art40 prohibited, Art. 44 closure needs review): %s", r.Body)
	}
	var twins string
	for _, it := range env.Do(t, "GET", "/api/v1/employees", key, nil).JSON(t)["items"].([]any) {
		if m := it.(map[string]any); m["external_id"] == "XA-004" {
			twins = m["id"].(string)
		}
	}
	ev := env.Do(t, "GET", "/api/v1/employees/"+twins+"/events", key, nil)
	if body := string(ev.Body); !strings.Contains(body, `"code":"xam_childcare_allowance"`) || !strings.Contains(body, `"amount_fen":500000`) ||
		!strings.Contains(body, `"code":"newborn_medical_insurance"`) {
		t.Fatalf("demo birth benefits (3rd child: 5,000 yuan): %s", ev.Body)
	}
	var kinds []string
	env.Query(t, app.DemoTenantID, &kinds, `SELECT kind FROM ledger_entries WHERE bucket LIKE 'spousal_nursing:%' ORDER BY seq`)
	if strings.Join(kinds, " ") != "credit debit withdrawal credit reversal debit" {
		t.Fatalf("demo birth correction in the ledger: %v", kinds)
	}
}
