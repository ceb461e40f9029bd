package portal_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// axe-core (WCAG 2.1 A and AA rules) checks every page the browser tests
// look at. scripts/test-deps.sh installs it from the npm registry into
// axeDir; the tests read it from there and inject it into the page through
// the DevTools protocol. It is never served to users.
var axeDir = func() string {
	if d := os.Getenv("LEAVEGUARD_AXE_DIR"); d != "" {
		return d
	}
	return "/var/cache/leaveguard/axe" // scripts/test-deps.sh's default
}()

// axeWidths are the viewports every page is checked at: a laptop and a phone.
var axeWidths = []struct {
	name string
	w, h int64
}{{"1366×900", 1366, 900}, {"390×844", 390, 844}}

var axeOnce struct {
	sync.Once
	src string
	err error
}

// axeSource returns axe.min.js, or "" when it is missing outside CI (the
// check is then skipped with a message); under CI=true a missing axe fails.
func axeSource(t *testing.T) string {
	t.Helper()
	axeOnce.Do(func() {
		b, err := os.ReadFile(filepath.Join(axeDir, "node_modules", "axe-core", "axe.min.js"))
		axeOnce.src, axeOnce.err = string(b), err
	})
	if axeOnce.err != nil {
		msg := fmt.Sprintf("axe-core missing (%v): make test-deps installs it (npm install --prefix %s axe-core@4)", axeOnce.err, axeDir)
		if os.Getenv("CI") != "" {
			t.Fatal("CI is set but " + msg)
		}
		t.Log("accessibility check skipped: " + msg)
	}
	return axeOnce.src
}

// axeViolation is one failed rule with the elements that fail it.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

// axeRun runs axe on the page as it is and returns its violations.
const axeRun = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
  resultTypes: ["violations"]}).then(r => r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help,
  targets: v.nodes.map(n => n.target.join(" "))})))`

// checkA11y runs axe on the current page at each of axeWidths and reports
// every violation (rule id, impact, elements, help) as a test error naming
// the page. The viewport is restored afterwards.
func checkA11y(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	vs, err := axeViolations(t, ctx)
	if err != nil {
		t.Fatalf("axe on %s: %v", page, err)
	}
	if len(vs) > 0 {
		t.Errorf("accessibility violations on %s:\n%s", page, strings.Join(vs, "\n"))
	}
}

// axeViolations returns the violations at both widths, one readable line
// each; none when axe is not installed (see axeSource).
func axeViolations(t *testing.T, ctx context.Context) ([]string, error) {
	t.Helper()
	src := axeSource(t)
	if src == "" {
		return nil, nil
	}
	size, err := chromedp.Run(ctx, chromedp.Evaluate[[2]int64](`[window.innerWidth, window.innerHeight]`))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, vp := range axeWidths {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(vp.w, vp.h)); err != nil {
			return nil, err
		}
		loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.axe === "object"`))
		if err != nil {
			return nil, err
		}
		if !loaded {
			if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
				return nil, fmt.Errorf("inject axe: %w", err)
			}
		}
		vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](axeRun, chromedp.EvalAwaitPromise))
		if err != nil {
			return nil, err
		}
		for _, v := range vs {
			out = append(out, fmt.Sprintf("  [%s] %s (%s) on %s: %s", vp.name, v.ID, v.Impact, strings.Join(v.Targets, ", "), v.Help))
		}
	}
	return out, chromedp.Do(ctx, chromedp.EmulateViewport(size[0], size[1]))
}
