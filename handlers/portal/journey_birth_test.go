package portal_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"leaveguard/internal/testutil"
)

// by is a CSS selector of a data-testid.
func by(id string) chromedp.Action[chromedp.Void] {
	return chromedp.WaitVisible(chromedp.CSS(`[data-testid=` + id + `]`))
}

// gone waits until no element has the data-testid (the page moved on).
func gone(id string) chromedp.Action[chromedp.Void] {
	return chromedp.WaitNotPresent(chromedp.CSS(`[data-testid=` + id + `]`))
}

func click(id string) chromedp.Action[chromedp.Void] {
	return chromedp.Click(chromedp.CSS(`[data-testid=` + id + `]`))
}

func typeIn(id, text string) chromedp.Action[chromedp.Void] {
	return chromedp.SendKeys(chromedp.CSS(`[data-testid=`+id+`]`), text)
}

func setIn(id, value string) chromedp.Action[chromedp.Void] {
	return chromedp.SetValue(chromedp.CSS(`[data-testid=`+id+`]`), value)
}

// step runs actions, fails the test with the step's name, checks visible
// text of sel and saves a screenshot named name.
func step(t *testing.T, ctx context.Context, dir, name, sel string, wants []string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if sel != "" {
		mustContain(t, name, visibleText(t, ctx, sel), wants...)
	}
	screenshot(t, ctx, dir, name)
}

// closeup saves a screenshot of one element, at twice the pixel density.
func closeup(t *testing.T, ctx context.Context, dir, name, sel string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.ScreenshotScale(chromedp.CSS(sel), 2))
	if err != nil {
		t.Fatalf("closeup %s: %v", name, err)
	}
	for _, d := range []string{dir, os.Getenv("LEAVEGUARD_SCREENSHOT_DIR")} {
		if d != "" {
			if err := os.WriteFile(filepath.Join(d, name+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// download clicks the element with data-testid id and returns the file the
// browser saved.
func download(t *testing.T, ctx context.Context, id string) []byte {
	t.Helper()
	dir := t.TempDir()
	progress := chromedp.Events(ctx, cdpbrowser.DownloadProgress)
	allow := chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
			Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &[]bool{true}[0]})
		return err
	})
	if err := chromedp.Do(ctx, allow, click(id)); err != nil {
		t.Fatalf("download %s: %v", id, err)
	}
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("download %s: %v", id, err)
		}
		if ev.State == cdpbrowser.DownloadProgressStateCompleted {
			b, err := os.ReadFile(filepath.Join(dir, ev.GUID))
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
		if ev.State == cdpbrowser.DownloadProgressStateCanceled {
			t.Fatalf("download %s cancelled", id)
		}
	}
	t.Fatalf("download %s: no file", id)
	return nil
}

// TestJourneyBirthToClaim is the main journey in chromium: log in,
// add an employee, record a pregnancy and a birth, see the computed leave
// and the timeline, request and approve the leave, run a dismissal check
// and see "禁止", set the wage basis, create an allowance claim and
// download its PDF, export the compliance CSV, log out. Each step saves a
// screenshot under the test's temp dir and asserts on visible text.
func TestJourneyBirthToClaim(t *testing.T) {
	ctx, base, consoleErrors := startBrowser(t)
	dir := t.TempDir()
	birthDay, end := day(-5), day(-5+157)
	step(t, ctx, dir, "01-dashboard", "", nil,
		chromedp.Navigate(base+"/"), by("login-form"),
		typeIn("login-email", "admin0@example.com"), typeIn("login-password", adminPassword), click("login-submit"),
		by("dashboard-cards"))
	mustContain(t, "dashboard", visibleText(t, ctx, `[data-testid=dashboard-cards]`), "三期保护中的员工", "14 天内开始的假期",
		"须顺延的劳动合同", "待经办机构决定的津贴", "办理中的社保补贴申报")
	step(t, ctx, dir, "02-employee", "main", []string{"塔娜", "已创建"},
		click("nav-employees"), by("employee-new"), click("employee-new"), by("employee-form"),
		typeIn("field-name", "塔娜"), typeIn("field-external_id", "XA-BIRTH"), setIn("field-gender", "female"),
		typeIn("field-national_id", validID()), setIn("field-hired_on", "2020-05-01"), setIn("field-contract_end", day(60)),
		typeIn("field-monthly_wage", "8000"), setIn("field-maternity_insured", "true"),
		click("employee-save"), by("employee-name"))
	step(t, ctx, dir, "03-pregnancy", "main", []string{"已登记怀孕", "孕期"},
		click("record-pregnancy"), by("family-form"), setIn("field-reported_on", day(-220)), setIn("field-expected_due_date", day(10)),
		click("family-save"), by("timeline-chart"))
	step(t, ctx, dir, "03-birth-form", "", nil,
		click("record-birth"), by("family-form"), setIn("field-birth_date", birthDay), typeIn("field-child_order", "1"))
	step(t, ctx, dir, "04-birth-plan", `[data-testid=birth-plan]`, []string{"国家规定产假", "内蒙古延长产假", "哺乳期至", "三期保护至"},
		click("family-save"), by("plan-summary"))
	mustContain(t, "plan", visibleText(t, ctx, `[data-testid=plan-summary]`), "158 天", end)
	step(t, ctx, dir, "05-leave-preview", `[data-testid=leave-preview]`, []string{"计算结果", end, "法律依据"},
		click("request-maternity"), by("leave-form"), click("leave-preview-button"), by("decision-end"))
	step(t, ctx, dir, "06-leave-submitted", "main", []string{"待审批", end},
		click("leave-submit"), by("leave-detail"))
	step(t, ctx, dir, "07-leave-approved", "main", []string{"已批准"},
		click("leave-approve"), gone("leave-approve"), by("notice"))
	step(t, ctx, dir, "08-employee-timeline", `[data-testid=timeline]`, []string{"产期", "哺乳期", "分娩", "保护期止"},
		chromedp.Click(chromedp.CSS(`.crumbs a[href^="/employees/"]`)), by("timeline-chart"))
	closeup(t, ctx, dir, "08-timeline-closeup", `[data-testid=timeline]`)
	mustContain(t, "leave history", visibleText(t, ctx, `[data-testid=leave-history]`), "产假", "已批准")
	step(t, ctx, dir, "09-dismissal-verdict", `[data-testid=verdict-value]`, []string{"禁止"},
		click("start-dismissal-check"), by("dismissal-form"), setIn("field-action", "termination"), setIn("field-ground", "art40"),
		click("dismissal-submit"), by("verdict"))
	step(t, ctx, dir, "10-settings", "main", []string{"已保存", "单位设置"},
		click("nav-settings"), by("settings"),
		setIn("setting-input-avg_monthly_wage_fen", fmt.Sprintf(`{"%d": 780000}`, env.Today.AddDays(-5).Year()-1)), click("setting-save-avg_monthly_wage_fen"), by("notice"))
	step(t, ctx, dir, "11-claim", "main", []string{"测算金额", "计发基数", "已创建"},
		chromedp.Navigate(base+"/employees?q=XA-BIRTH"), by("employee-table"), chromedp.Click(chromedp.CSS(`[data-testid=employee-link]`)),
		by("timeline"), chromedp.Click(chromedp.CSS(`[data-testid=event-table] a`)), by("create-claim"), click("create-claim"),
		by("claim-amount"))
	claimURL, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	pdf := download(t, ctx, "claim-pdf")
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("claim PDF: %.20q", pdf)
	}
	mustContain(t, "claim PDF text", testutil.PDFText(t, pdf, "-layout"), "生育津贴", "塔娜")
	step(t, ctx, dir, "12-exports", "main", []string{"劳动保障合规报告", "CSV"},
		click("nav-exports"), by("export-form"), setIn("field-from", day(-30)), setIn("field-to", day(0)))
	csv := download(t, ctx, "export-submit")
	mustContain(t, "compliance CSV", string(csv), "XA-BIRTH", "塔娜")
	if err := tablet(ctx); err != nil {
		t.Fatal(err)
	}
	step(t, ctx, dir, "13-claim-tablet", "", nil, chromedp.Navigate(claimURL), by("claim-amount"))
	step(t, ctx, dir, "14-logged-out", "body", []string{"您已安全退出"}, click("logout"), by("login-form"))
	if errs := consoleErrors(); len(errs) > 0 {
		t.Fatalf("browser console errors (CSP?): %q", errs)
	}
}
