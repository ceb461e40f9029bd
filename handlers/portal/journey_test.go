package portal_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"leaveguard/app/pii"
)

// TestJourneyEmployee: in chromium, log in, add an employee (fixing a
// mistyped ID number on the way), see her page, log out.
func TestJourneyEmployee(t *testing.T) {
	ctx, base, consoleErrors := startBrowser(t)
	dir := t.TempDir()
	nid := pii.MakeNationalID("152201", "19940512", 246)
	bad := nid[:17] + map[bool]string{true: "0", false: "1"}[nid[17] != '0']

	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/employees"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=login-form]`)),
		chromedp.SendKeys(chromedp.CSS(`[data-testid=login-email]`), "admin0@example.com"),
		chromedp.SendKeys(chromedp.CSS(`[data-testid=login-password]`), adminPassword),
		chromedp.Click(chromedp.CSS(`[data-testid=login-submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=employee-filter]`)),
	)
	if err != nil {
		t.Fatalf("log in: %v", err)
	}
	mustContain(t, "after login", visibleText(t, ctx, "main"), "员工")
	mustContain(t, "top bar", visibleText(t, ctx, `[data-testid=tenant-name]`), "测试单位A")

	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid=employee-new]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=employee-form]`)),
		chromedp.SendKeys(chromedp.CSS(`[data-testid=field-name]`), "娜仁花"),
		chromedp.SendKeys(chromedp.CSS(`[data-testid=field-external_id]`), "XA-JOURNEY"),
		chromedp.SetValue(chromedp.CSS(`[data-testid=field-gender]`), "female"),
		chromedp.SendKeys(chromedp.CSS(`[data-testid=field-national_id]`), bad),
		chromedp.SetValue(chromedp.CSS(`[data-testid=field-hired_on]`), "2021-04-01"),
		chromedp.SetValue(chromedp.CSS(`[data-testid=field-contract_end]`), "2027-03-31"),
		chromedp.SendKeys(chromedp.CSS(`[data-testid=field-monthly_wage]`), "6800.5"),
		chromedp.SetValue(chromedp.CSS(`[data-testid=field-maternity_insured]`), "true"),
		chromedp.Click(chromedp.CSS(`[data-testid=employee-save]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=error-national_id]`)),
	)
	if err != nil {
		t.Fatalf("add employee (with a mistake): %v", err)
	}
	mustContain(t, "form error", visibleText(t, ctx, `[data-testid=form-error]`), "请按字段提示修改")
	screenshot(t, ctx, dir, "employee-form-error")

	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`[data-testid=field-national_id]`), nid),
		chromedp.Click(chromedp.CSS(`[data-testid=employee-save]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=employee-name]`)),
	)
	if err != nil {
		t.Fatalf("add employee: %v", err)
	}
	mustContain(t, "employee page", visibleText(t, ctx, "main"), "娜仁花", "已创建", "¥6,800.50", pii.MaskNationalID(nid),
		"2027-03-31", "查看员工档案", "新增员工")
	screenshot(t, ctx, dir, "employee-page")

	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid=nav-employees]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=employee-table]`)),
	)
	if err != nil {
		t.Fatalf("employee list: %v", err)
	}
	mustContain(t, "list", visibleText(t, ctx, `[data-testid=employee-table]`), "娜仁花", "XA-JOURNEY", "6,800.50")
	screenshot(t, ctx, dir, "employee-list")
	for _, pg := range []struct{ nav, wait, want, name string }{
		{"nav-audit", "audit-table", "新增员工", "audit"},
		{"nav-staff", "staff-table", "admin0@example.com", "staff"},
	} {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid=`+pg.nav+`]`)),
			chromedp.WaitVisible(chromedp.CSS(`[data-testid=`+pg.wait+`]`))); err != nil {
			t.Fatalf("%s: %v", pg.name, err)
		}
		mustContain(t, pg.name, visibleText(t, ctx, "main"), pg.want)
		screenshot(t, ctx, dir, pg.name)
	}
	if err := tablet(ctx); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid=nav-dashboard]`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid=dashboard-cards]`))); err != nil {
		t.Fatalf("dashboard: %v", err)
	}
	mustContain(t, "dashboard", visibleText(t, ctx, `[data-testid=dashboard-cards]`), "在册员工", "女职工")
	screenshot(t, ctx, dir, "dashboard-tablet")

	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid=logout]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=login-form]`)),
	)
	if err != nil {
		t.Fatalf("log out: %v", err)
	}
	mustContain(t, "after logout", visibleText(t, ctx, "body"), "您已安全退出", "登录")
	screenshot(t, ctx, dir, "logged-out")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/employees"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=login-form]`))); err != nil {
		t.Fatalf("employees after logout should ask to log in: %v", err)
	}
	if errs := consoleErrors(); len(errs) > 0 {
		t.Fatalf("browser console errors (CSP?): %q", errs)
	}
}

// TestJourneyDismissalCheck: in chromium, from a pregnant employee's page
// run a dismissal check (termination under Art. 40) and see "禁止".
func TestJourneyDismissalCheck(t *testing.T) {
	ctx, base, consoleErrors := startBrowser(t)
	dir := t.TempDir()
	id := pregnantEmployee(t, admin(t, 0), env.A.Key, "XA-PROTECT")
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/employees/"+id),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=login-form]`)),
		chromedp.SendKeys(chromedp.CSS(`[data-testid=login-email]`), "admin0@example.com"),
		chromedp.SendKeys(chromedp.CSS(`[data-testid=login-password]`), adminPassword),
		chromedp.Click(chromedp.CSS(`[data-testid=login-submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=protection]`)),
	)
	if err != nil {
		t.Fatalf("employee page: %v", err)
	}
	mustContain(t, "protection", visibleText(t, ctx, `[data-testid=protection-status]`), "孕期")
	screenshot(t, ctx, dir, "employee-protected")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid=start-dismissal-check]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=dismissal-form]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=field-action]`), "termination"),
		chromedp.SetValue(chromedp.CSS(`[data-testid=field-ground]`), "art40"),
		chromedp.Click(chromedp.CSS(`[data-testid=dismissal-submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=verdict]`)),
	)
	if err != nil {
		t.Fatalf("dismissal check: %v", err)
	}
	mustContain(t, "verdict", visibleText(t, ctx, `[data-testid=verdict-value]`), "禁止")
	mustContain(t, "reasons", visibleText(t, ctx, `[data-testid=reasons]`), "依据")
	screenshot(t, ctx, dir, "dismissal-verdict")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid=nav-dismissal]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=dismissal-table]`))); err != nil {
		t.Fatalf("dismissal list: %v", err)
	}
	mustContain(t, "list", visibleText(t, ctx, `[data-testid=dismissal-table]`), "XA-PROTECT", "禁止")
	screenshot(t, ctx, dir, "dismissal-list")
	if errs := consoleErrors(); len(errs) > 0 {
		t.Fatalf("browser console errors (CSP?): %q", errs)
	}
}
