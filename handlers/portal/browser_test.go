package portal_test

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

const chromium = "/usr/bin/chromium"

// startBrowser serves the app on a random port of 127.0.0.1 and starts a
// headless chromium with a fresh profile. Console errors (a CSP violation,
// say) are collected; consoleErrors returns them.
func startBrowser(t *testing.T) (ctx context.Context, base string, consoleErrors func() []string) {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("CI") == "" {
			t.Skip("browser tests need Debian's chromium at " + chromium + " (apt-get install chromium, or make test-deps)")
		}
		t.Fatalf("CI is set but %s is missing: scripts/test-deps.sh should have installed it", chromium)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = env.Server.Listener(ln) }()
	t.Cleanup(func() { _ = ln.Close() })
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("lang", "zh-CN"), chromedp.Env("LANG=zh_CN.UTF-8", "LANGUAGE=zh_CN"), chromedp.WindowSize(1366, 900),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 5*time.Minute) // axe checks each page twice
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	var mu sync.Mutex
	var errs []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			// A form shown again with its errors is answered 400 on purpose.
			expected := strings.Contains(m.Text, "status of 400")
			if (m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException) && !expected {
				mu.Lock()
				errs = append(errs, m.Text)
				mu.Unlock()
			}
		}
	}()
	return ctx, "http://" + ln.Addr().String(), func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), errs...)
	}
}

// screenshot checks the page with axe-core at a laptop's and a phone's
// width (checkA11y: every page a journey looks at) and saves a full-page PNG
// under the test's temp dir (and, when LEAVEGUARD_SCREENSHOT_DIR is set, a
// copy there to look at).
func screenshot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	checkA11y(t, ctx, name)
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100 gives a PNG
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	for _, d := range []string{dir, os.Getenv("LEAVEGUARD_SCREENSHOT_DIR")} {
		if d == "" {
			continue
		}
		if err := os.WriteFile(filepath.Join(d, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshot %s: %s", name, filepath.Join(dir, name+".png"))
}

func visibleText(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

func mustContain(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Fatalf("%s: no %q in %q", what, w, text)
		}
	}
}

// tablet switches the viewport to a portrait tablet (iPad Air size).
func tablet(ctx context.Context) error {
	return chromedp.Do(ctx, chromedp.EmulateViewport(820, 1180))
}
