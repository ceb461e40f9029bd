package portal_test

import (
	"context"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// needAxe skips a test that is about accessibility alone when axe-core is
// not installed outside CI (under CI=true axeSource fails it).
func needAxe(t *testing.T) {
	t.Helper()
	if axeSource(t) == "" {
		t.Skip("axe-core is not installed: run make test-deps")
	}
}

// logIn signs admin0 in through the login form of the browser.
func logIn(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/login"), by("login-form"),
		typeIn("login-email", "admin0@example.com"), typeIn("login-password", adminPassword), click("login-submit"),
		by("dashboard-cards")); err != nil {
		t.Fatalf("log in: %v", err)
	}
}

// TestAccessibilityPages: axe finds no WCAG 2.1 A/AA violation on the portal
// pages the journeys do not reach (forms with errors, the login error, the
// error page, lists and forms of every area), at 1366 and 390 px.
func TestAccessibilityPages(t *testing.T) {
	needAxe(t)
	ctx, base, _ := startBrowser(t)
	id := pregnantEmployee(t, admin(t, 0), env.A.Key, "A11Y-PAGES")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/login"), by("login-form"),
		typeIn("login-email", "a11y-nobody@example.com"), typeIn("login-password", "not the password"), click("login-submit"),
		by("login-error")); err != nil {
		t.Fatalf("login error: %v", err)
	}
	checkA11y(t, ctx, "login with an error")
	logIn(t, ctx, base)
	for _, pg := range []struct{ path, wait string }{
		{"/", "dashboard-cards"},
		{"/employees?gender=female", "employee-table"},
		{"/employees/" + id, "timeline-chart"},
		{"/employees/new", "employee-form"},
		{"/leave-requests/new?employee=" + id, "leave-form"},
		{"/leave-requests", "leave-filter"},
		{"/dismissal-checks", "dismissal-form"},
		{"/contract-extensions", "nav"},
		{"/allowance-claims", "claim-filter"},
		{"/subsidy-applications", "subsidy-filter"},
		{"/exports", "export-form"},
		{"/integrations", "integration-form"},
		{"/api-keys", "nav"},
		{"/staff", "staff-table"},
		{"/staff/new", "staff-form"},
		{"/audit", "audit-table"},
		{"/settings", "settings"},
		{"/password", "password-form"},
		{"/employees/00000000-0000-0000-0000-000000000000", "error-page"},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+pg.path), by(pg.wait)); err != nil {
			t.Fatalf("%s: %v", pg.path, err)
		}
		checkA11y(t, ctx, pg.path)
	}
	// Forms shown again with their errors.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/employees/new"), by("employee-form"),
		click("employee-save"), by("form-error")); err != nil {
		t.Fatalf("employee form errors: %v", err)
	}
	checkA11y(t, ctx, "employee form with errors")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/leave-requests?from=2026-12-31&to=2026-01-01"), by("error-dates")); err != nil {
		t.Fatalf("leave list date error: %v", err)
	}
	checkA11y(t, ctx, "leave list with a date error")
}

// Finding 1: links are underlined, so colour alone does not mark them
// (breadcrumbs, the first column of lists, links in text).
func TestA11yLinksUnderlined(t *testing.T) {
	ctx, base, _ := startBrowser(t)
	id := createEmployee(t, admin(t, 0), "A11Y-LINKS")
	logIn(t, ctx, base)
	for _, c := range []struct{ path, sel string }{
		{"/employees/" + id, ".crumbs a"},
		{"/employees?q=A11Y-LINKS", "[data-testid=employee-link]"},
		{"/employees?q=NO-SUCH-ONE", ".empty a"},
	} {
		deco, err := doThen(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector(`+jsString(c.sel)+`)).textDecorationLine`), chromedp.Navigate(base+c.path), chromedp.WaitVisible(chromedp.CSS(c.sel)))
		if err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		if !strings.Contains(deco, "underline") {
			t.Errorf("%s %s: text-decoration-line %q, want underline", c.path, c.sel, deco)
		}
	}
	// Buttons, cards and the menu are not underlined.
	deco, err := doThen(ctx, chromedp.Evaluate[[]string](`[".card", ".nav a", ".btn"].map(s => getComputedStyle(document.querySelector(s)).textDecorationLine)`), chromedp.Navigate(base+"/"), by("dashboard-cards"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range deco {
		if d != "none" {
			t.Errorf("cards, menu and buttons: %q, want none", deco)
		}
	}
}

// Finding 2: at 390 px the timeline scrolls sideways, and the keyboard can
// reach and scroll it: a focusable, named region.
func TestA11yTimelineKeyboard(t *testing.T) {
	ctx, base, _ := startBrowser(t)
	id := pregnantEmployee(t, admin(t, 0), env.A.Key, "A11Y-TL")
	logIn(t, ctx, base)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+"/employees/"+id), by("timeline-chart")); err != nil {
		t.Fatal(err)
	}
	attrs, err := chromedp.Run(ctx, chromedp.Attributes(chromedp.CSS(`[data-testid=timeline-chart]`)))
	if err != nil {
		t.Fatal(err)
	}
	if attrs["tabindex"] != "0" || attrs["role"] != "region" || attrs["aria-label"] == "" {
		t.Fatalf("timeline attributes %v: want tabindex=0, role=region and a label", attrs)
	}
	tl := `document.querySelector("[data-testid=timeline-chart]")`
	before, err := chromedp.Run(ctx, chromedp.Evaluate[[2]float64](`[`+tl+`.scrollWidth - `+tl+`.clientWidth, `+tl+`.scrollLeft]`))
	if err != nil {
		t.Fatal(err)
	}
	if before[0] <= 0 {
		t.Fatalf("at 390 px the timeline should scroll sideways (overflow %v)", before[0])
	}
	left, err := doThen(ctx, chromedp.Evaluate[float64](tl+`.scrollLeft`), chromedp.Focus(chromedp.CSS(`[data-testid=timeline-chart]`)), chromedp.KeyEvent(kb.ArrowRight+kb.ArrowRight+kb.ArrowRight), chromedp.Sleep(300*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if left <= before[1] {
		t.Fatalf("arrow keys did not scroll the focused timeline (scrollLeft %v → %v)", before[1], left)
	}
}

// Finding 3: the focus ring is solid, at least 2 px, and 3:1 against the
// background it is drawn on: the dark sidebar, the page, a white panel.
func TestA11yFocusRing(t *testing.T) {
	ctx, base, _ := startBrowser(t)
	logIn(t, ctx, base)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/employees"), by("employee-filter")); err != nil {
		t.Fatal(err)
	}
	// The ring of each element, and the background colour it is drawn on
	// (the nearest ancestor with a solid background).
	const ring = `(sel => { const el = document.querySelector(sel); el.focus(); const s = getComputedStyle(el);
	  let p = el.parentElement, bg = "rgba(0, 0, 0, 0)";
	  while (p && (bg = getComputedStyle(p).backgroundColor) === "rgba(0, 0, 0, 0)") { p = p.parentElement; }
	  return [s.outlineStyle, s.outlineWidth, s.outlineColor, bg]; })`
	for _, sel := range []string{".nav a", ".topbar .btn", "[data-testid=employee-search]", "[data-testid=employee-gender]",
		".filters button[type=submit]", "[data-testid=employee-new]"} {
		// Keyboard focus: Tab from the element before, so :focus-visible applies.
		got, err := doThen(ctx, chromedp.Evaluate[[4]string](ring+`(`+jsString(sel)+`)`), chromedp.KeyEvent(kb.Tab))
		if err != nil {
			t.Fatalf("%s: %v", sel, err)
		}
		width, err := strconv.ParseFloat(strings.TrimSuffix(got[1], "px"), 64)
		if err != nil || got[0] != "solid" || width < 2 {
			t.Errorf("%s: outline %s %s, want solid and at least 2px", sel, got[0], got[1])
		}
		if r := contrast(t, got[2], got[3]); r < 3 {
			t.Errorf("%s: focus ring %s on %s is %.2f:1, want at least 3:1", sel, got[2], got[3], r)
		}
	}
}

// Finding 4: the filters change nothing until their button is pressed: the
// gender select no longer submits the form on change.
func TestA11yFilterSubmitsWithButton(t *testing.T) {
	ctx, base, _ := startBrowser(t)
	logIn(t, ctx, base)
	loc, err := doThen(ctx, chromedp.Location(), chromedp.Navigate(base+"/employees"), by("employee-gender"), chromedp.Focus(chromedp.CSS(`[data-testid=employee-gender]`)), chromedp.KeyEvent(kb.ArrowDown), chromedp.Evaluate[chromedp.Void](`(s => { s.value = "female"; s.dispatchEvent(new Event("change", {bubbles: true})); })(document.querySelector("[data-testid=employee-gender]"))`), chromedp.Sleep(500*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(loc, "gender=") {
		t.Fatalf("choosing a gender reloaded the page: %s", loc)
	}
	// The filtered list offers 清除筛选.
	loc, err = doThen(ctx, chromedp.Location(), chromedp.Click(chromedp.CSS(`[data-testid=employee-filter] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=employee-filter] a.btn-ghost`)))
	if err != nil || !strings.Contains(loc, "gender=female") {
		t.Fatalf("the filter button did not apply the gender: %s %v", loc, err)
	}
	// No list page asks a select to submit on change.
	b := admin(t, 0)
	for _, path := range []string{"/employees", "/leave-requests", "/allowance-claims", "/subsidy-applications", "/staff", "/audit"} {
		if body := b.get(path).Body; strings.Contains(body, "data-autosubmit") || !strings.Contains(body, `type="submit"`) {
			t.Errorf("%s: a select submits on change, or the filter lacks its button", path)
		}
	}
}

// Finding 5: the skip link moves keyboard focus into <main>.
func TestA11ySkipLinkMovesFocus(t *testing.T) {
	ctx, base, _ := startBrowser(t)
	logIn(t, ctx, base)
	got, err := doThen(ctx, chromedp.Evaluate[string](`document.activeElement.className`), chromedp.Navigate(base+"/employees"), by("employee-filter"), chromedp.KeyEvent(kb.Tab))
	if err != nil {
		t.Fatal(err)
	}
	if got != "skip" {
		t.Fatalf("first Tab focuses %q, want the skip link", got)
	}
	got, err = doThen(ctx, chromedp.Evaluate[string](`document.activeElement.id`), chromedp.KeyEvent(kb.Enter), chromedp.Sleep(200*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if got != "main" {
		t.Fatalf("after the skip link focus is on %q, want main", got)
	}
	next, err := doThen(ctx, chromedp.Evaluate[bool](`document.querySelector("main").contains(document.activeElement)`), chromedp.KeyEvent(kb.Tab))
	if err != nil {
		t.Fatal(err)
	}
	if !next {
		t.Fatal("Tab after the skip link left <main>")
	}
}

var describedBy = regexp.MustCompile(`<(?:input|select|textarea)[^>]*aria-invalid="true"[^>]*aria-describedby="([^"]+)"`)

// Finding 5: a login error marks both fields invalid and ties them to the
// message; so does every field with an error on a form shown again.
func TestA11yErrorsTiedToFields(t *testing.T) {
	b := newBrowser(t)
	p := b.post("/login", "/login", url.Values{"email": {"a11y-nobody@example.com"}, "password": {"not the password"}})
	if !strings.Contains(p.Body, `id="login-error"`) {
		t.Fatalf("login error has no id: %s", excerpt(p.Body))
	}
	if n := len(describedBy.FindAllStringSubmatch(p.Body, -1)); n != 2 {
		t.Fatalf("login error: %d fields marked invalid and described by it, want 2", n)
	}
	fresh := newBrowser(t).get("/login").Body
	if strings.Contains(fresh, "aria-invalid") {
		t.Fatal("a fresh login form marks fields invalid")
	}
	a := admin(t, 0)
	for _, f := range []struct {
		from, to string
		form     url.Values
		want     int
	}{
		{"/employees/new", "/employees", url.Values{"monthly_wage": {"abc"}}, 3},
		{"/leave-requests/new", "/leave-requests", url.Values{"op": {"submit"}}, 1},
	} {
		p := a.post(f.from, f.to, f.form)
		ms := describedBy.FindAllStringSubmatch(p.Body, -1)
		if len(ms) < f.want {
			t.Errorf("%s: %d fields marked invalid, want at least %d: %s", f.to, len(ms), f.want, excerpt(p.Body))
		}
		for _, m := range ms {
			if !strings.Contains(p.Body, `id="`+m[1]+`"`) {
				t.Errorf("%s: aria-describedby=%q names no element", f.to, m[1])
			}
		}
		if n := strings.Count(p.Body, "has-error"); n != len(ms) {
			t.Errorf("%s: %d fields shown with an error but %d marked aria-invalid", f.to, n, len(ms))
		}
	}
}

// Finding 6: text sits on solid backgrounds (no gradient), so its contrast
// can be measured: the desktop shell, the sidebar and the login page.
func TestA11ySolidBackgrounds(t *testing.T) {
	ctx, base, _ := startBrowser(t)
	images, err := doThen(ctx, chromedp.Evaluate[[]string](`[document.body, document.querySelector(".auth-box")].map(e => getComputedStyle(e).backgroundImage)`), chromedp.Navigate(base+"/login"), by("login-form"))
	if err != nil {
		t.Fatal(err)
	}
	logIn(t, ctx, base)
	shell, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[document.body, document.querySelector(".sidebar"), document.querySelector(".main-col")].map(e => getComputedStyle(e).backgroundImage)`))
	if err != nil {
		t.Fatal(err)
	}
	for _, img := range append(images, shell...) {
		if img != "none" {
			t.Fatalf("a background image behind text: %q", img)
		}
	}
	if axeSource(t) == "" {
		return
	}
	// axe can judge every text of the sidebar: none left "incomplete".
	undecided, err := doThen(ctx, chromedp.Evaluate[[]string](`axe.run(".sidebar", {runOnly: ["color-contrast"], resultTypes: ["incomplete"]}).then(r => r.incomplete.flatMap(v => v.nodes.map(n => n.target.join(" "))))`, chromedp.EvalAwaitPromise), chromedp.Evaluate[chromedp.Void](axeSource(t)))
	if err != nil {
		t.Fatal(err)
	}
	if len(undecided) > 0 {
		t.Fatalf("axe cannot judge the contrast of %v", undecided)
	}
}

// TestKeyboard: with the keyboard alone, log in, move through the employee
// list's filters to its first row, and submit a form with errors and reach
// the first field in error, which says what is wrong.
func TestKeyboard(t *testing.T) {
	ctx, base, _ := startBrowser(t)
	createEmployee(t, admin(t, 0), "A11Y-KEYS")
	active := chromedp.Evaluate[string](`(e => e.getAttribute("data-testid") || e.id || e.className || e.tagName)(document.activeElement)`)
	tab := func(want string) {
		t.Helper()
		got, err := doThen(ctx, active, chromedp.KeyEvent(kb.Tab))
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatalf("Tab: focus on %q, want %q", got, want)
		}
	}
	// The login form: e-mail has focus on arrival, then password, then the button.
	got, err := doThen(ctx, active, chromedp.Navigate(base+"/employees"), by("login-form"))
	if err != nil || got != "login-email" {
		t.Fatalf("login page: focus on %q (%v), want login-email", got, err)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("admin0@example.com")); err != nil {
		t.Fatal(err)
	}
	tab("login-password")
	if err := chromedp.Do(ctx, chromedp.KeyEvent(adminPassword)); err != nil {
		t.Fatal(err)
	}
	tab("login-submit")
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter), by("employee-filter")); err != nil {
		t.Fatalf("log in by keyboard: %v", err)
	}
	// The employee list: skip link, then from <main> the filters in order and the first row.
	tab("skip")
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"employee-import", "employee-new", "employee-search", "employee-gender", "employee-status", "employee-phase", "btn", "table-wrap"} {
		tab(want)
	}
	tab("employee-link")
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter), by("employee-name")); err != nil {
		t.Fatalf("open the first employee by keyboard: %v", err)
	}
	// A form with errors: submit the empty employee form with Enter; the
	// first field in error is reachable and described by its message.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/employees/new"), by("employee-form"),
		chromedp.Focus(chromedp.CSS(`[data-testid=field-name]`)), chromedp.KeyEvent(kb.Enter), by("form-error")); err != nil {
		t.Fatalf("submit with errors: %v", err)
	}
	tab("skip")
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	for range 6 { // the breadcrumb, then the fields in order
		desc, err := doThen(ctx, chromedp.Evaluate[[2]string](`(e => [e.getAttribute("aria-invalid") || "",
		  (document.getElementById(e.getAttribute("aria-describedby")) || {}).textContent || ""])(document.activeElement)`), chromedp.KeyEvent(kb.Tab))
		if err != nil {
			t.Fatal(err)
		}
		if desc[0] == "true" {
			if desc[1] == "" {
				t.Fatal("the first field in error is not described by its message")
			}
			return
		}
	}
	t.Fatal("six Tabs into the form reached no field marked aria-invalid")
}

// doThen runs steps, then last, and returns last's result.
func doThen[T any](ctx context.Context, last chromedp.Action[T], steps ...chromedp.Action[chromedp.Void]) (T, error) {
	if err := chromedp.Do(ctx, steps...); err != nil {
		var zero T
		return zero, err
	}
	return chromedp.Run(ctx, last)
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string { return fmt.Sprintf("%q", s) }

// contrast is the WCAG contrast ratio of a CSS colour fg ("rgb(r, g, b)"
// or "rgba(r, g, b, a)", composited over bg) against the opaque colour bg.
func contrast(t *testing.T, fg, bg string) float64 {
	t.Helper()
	f, b := rgba(t, fg), rgba(t, bg)
	for i := range 3 {
		f[i] = f[i]*f[3] + b[i]*(1-f[3])
	}
	lf, lb := luminance(f), luminance(b)
	return (math.Max(lf, lb) + 0.05) / (math.Min(lf, lb) + 0.05)
}

func rgba(t *testing.T, css string) [4]float64 {
	t.Helper()
	c := [4]float64{0, 0, 0, 1}
	parts := strings.Split(strings.Trim(strings.TrimLeft(css, "rgba"), "()"), ",")
	if len(parts) < 3 {
		t.Fatalf("colour %q", css)
	}
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || i > 3 {
			t.Fatalf("colour %q", css)
		}
		c[i] = v
	}
	return c
}

func luminance(c [4]float64) float64 {
	lin := func(v float64) float64 {
		v /= 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
}
