package app

import (
	"context"
	"fmt"
	"time"

	"leaveguard/app/cases"
	"leaveguard/leave"
)

// seedDemoWebhooks creates the demo payroll integration and applies three
// wage.changed webhooks from it, as if the payroll system had sent them
// (signed and verified): a raise for 巴特尔 today, a cut for 乌兰托娅 during
// her protected period (refused and recorded as a violation attempt), and a
// cut for 张伟 from the first day of next year (scheduled). The portal's
// and the API's delivery log show all three.
func seedDemoWebhooks(ctx context.Context, cs *cases.Cases, tenant string) error {
	in, err := cs.CreateIntegration(ctx, tenant, demoWho, cases.IntegrationInput{Name: sp("演示工资系统")})
	if err != nil {
		return fmt.Errorf("demo integration: %w", err)
	}
	today := cs.Today()
	nextYear := leave.NewDate(today.Year()+1, time.January, 1)
	hooks := []struct{ ext, wage, effective string }{
		{"XA-006", "720000", today.String()},
		{"XA-001", "500000", today.String()},
		{"XA-003", "600000", nextYear.String()},
	}
	src := cases.WebhookSource{Tenant: tenant, IntegrationID: in.ID, RequestID: "demo"}
	for i, h := range hooks {
		body := fmt.Sprintf(`{"type":"wage.changed","data":{"external_id":%q,"monthly_wage_fen":%s,"effective_date":%q}}`,
			h.ext, h.wage, h.effective)
		if _, err := cs.ReceiveWebhook(ctx, src, fmt.Sprintf("msg_demo_%d", i+1), []byte(body)); err != nil {
			return fmt.Errorf("demo webhook %s: %w", h.ext, err)
		}
	}
	return nil
}
