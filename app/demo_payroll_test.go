package app_test

import (
	"context"
	"testing"

	"leaveguard/app"
	"leaveguard/leave"
)

func TestSeedDemoPayroll(t *testing.T) {
	cs := app.Deps{Store: env.Store, Cipher: env.Cipher, Rules: leave.DefaultRuleBook(), Calendar: leave.NewCalendar()}.Cases()
	ctx := context.Background()
	empty := freshTenant(t)
	if err := app.SeedDemoPayroll(ctx, cs, empty.ID); err != nil {
		t.Fatalf("tenant without births or leave: %v", err)
	}
	tn := freshTenant(t)
	father := staff(t, tn.Key, "male", 700000, true)
	birth(t, tn.Key, father, map[string]any{"birth_date": "2025-05-01", "child_order": 1})
	mother := staff(t, tn.Key, "female", 900000, true)
	birth(t, tn.Key, mother, map[string]any{"birth_date": "2025-03-01", "child_order": 1})
	approvedLeave(t, tn.Key, mother, "maternity", "2025-03-01", 158)
	for run := 0; run < 2; run++ {
		if err := app.SeedDemoPayroll(ctx, cs, tn.ID); err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
	}
	claims := mustDo(t, 200, "GET", "/api/v1/allowance-claims", tn.Key, nil)["items"].([]any)
	apps := mustDo(t, 200, "GET", "/api/v1/subsidy-applications", tn.Key, nil)["items"].([]any)
	if len(claims) != 1 || fen(claims[0].(map[string]any)["amount_fen"]) != 3792000 || len(apps) != 1 ||
		apps[0].(map[string]any)["period_from"] != "2025-03" || fen(apps[0].(map[string]any)["total_claimable_fen"]) == 0 {
		t.Fatalf("claims %v, applications %v", claims, apps)
	}
	feed := mustDo(t, 200, "GET", "/api/v1/payroll/feed?month=2025-03", tn.Key, nil)["items"].([]any)
	if len(feed) == 0 || feed[0].(map[string]any)["month_closed"] != true {
		t.Fatalf("the demo's first payroll month is not closed: %v", feed)
	}
}
