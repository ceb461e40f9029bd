package portal_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestJourneyAdminPages: in chromium, an admin creates a payroll
// integration (the secret shown once), opens it, creates a subsidy
// application, browses the leave and claim lists and the settings on a
// tablet; each page is screenshotted and its visible text checked.
func TestJourneyAdminPages(t *testing.T) {
	ctx, base, consoleErrors := startBrowser(t)
	dir := t.TempDir()
	step(t, ctx, dir, "a1-integrations", "main", []string{"新建集成"},
		chromedp.Navigate(base+"/integrations"), by("login-form"),
		typeIn("login-email", "admin0@example.com"), typeIn("login-password", adminPassword), click("login-submit"),
		by("integration-form"))
	step(t, ctx, dir, "a2-integration-secret", `[data-testid=secret-panel]`, []string{"whsec_", "只显示这一次", "/webhooks/payroll/"},
		typeIn("field-name", "金蝶薪酬"), click("integration-create"), by("secret"))
	step(t, ctx, dir, "a3-integration", "main", []string{"金蝶薪酬", "收到的回调", "推送记录"},
		chromedp.Click(chromedp.CSS(`[data-testid=secret-panel] a.btn-primary`)), by("deliveries"))
	step(t, ctx, dir, "a4-subsidy", "main", []string{"可申报金额合计", "计算参数与来源", "草稿"},
		click("nav-subsidies"), by("subsidy-form"), setIn("field-period_from", "2016-01"), setIn("field-period_to", "2016-03"),
		click("subsidy-create"), by("subsidy-total"))
	step(t, ctx, dir, "a5-leave-list", "main", []string{"请假"}, click("nav-leave"), by("leave-filter"))
	step(t, ctx, dir, "a6-claims", "main", []string{"生育津贴"}, click("nav-claims"), by("claim-filter"))
	if err := tablet(ctx); err != nil {
		t.Fatal(err)
	}
	step(t, ctx, dir, "a7-settings-tablet", "main", []string{"假期计算", "生育津贴", "社保补贴", "法定节假日日历"},
		click("nav-settings"), by("settings"))
	step(t, ctx, dir, "a8-dashboard-tablet", `[data-testid=dashboard-cards]`, []string{"推送失败的 Webhook", "三期保护中的员工"},
		click("nav-dashboard"), by("dashboard-cards"))
	if errs := consoleErrors(); len(errs) > 0 {
		t.Fatalf("browser console errors (CSP?): %q", errs)
	}
}
