package app_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// wallClock lists the files that may read the wall clock (time.Now) instead
// of the application's one clock (cases.Cases.Now/Today, Deps.Clock), and
// why. Every "today" and "now" of a use case, handler or store comes from
// that clock, which tests pin (LEAVEGUARD_TEST_TODAY); a new time.Now
// elsewhere fails this test.
var wallClock = map[string]string{
	"app/cases/clock.go":            "the application's clock itself: the wall clock unless pinned",
	"app/apptest/apptest.go":        "the test harness: today's Beijing date when LEAVEGUARD_TEST_TODAY is unset",
	"app/netguard/allowed.go":       "the host's own interface addresses, cached for ten seconds",
	"app/outbox_worker.go":          "delivery mechanics: signature timestamps checked by receivers' clocks, retry times compared with PostgreSQL's now()",
	"handlers/webhooks/webhooks.go": "the signature tolerance window is the sender's wall clock (Standard Webhooks)",
	"handlers/ratelimit.go":         "rate-limit windows, shared with Redis across instances",
	"handlers/ratelimit_peek.go":    "rate-limit windows, shared with Redis across instances",
	"handlers/middleware.go":        "request latency for logs and metrics",
	"handlers/apikey.go":            "expiry of the in-process API-key cache",
	"handlers/bundle.go":            "the connection's write deadline (net.Conn takes wall-clock times)",
	"handlers/portal/session.go":    "session idle and absolute timeouts, kept in Redis with TTLs",
	"handlers/portal/auth_mw.go":    "session idle and absolute timeouts, kept in Redis with TTLs",
	"store/store.go":                "the default clock of audit rows when the wiring gives none",
}

func TestOneClock(t *testing.T) {
	for _, root := range []string{"app", "handlers", "store"} {
		err := filepath.WalkDir(filepath.Join("..", root), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			rel := filepath.ToSlash(strings.TrimPrefix(path, ".."+string(filepath.Separator)))
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
			if err != nil {
				return err
			}
			uses := 0
			ast.Inspect(f, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "Now" {
					if id, ok := sel.X.(*ast.Ident); ok && id.Name == "time" {
						uses++
					}
				}
				return true
			})
			if _, allowed := wallClock[rel]; uses > 0 && !allowed {
				t.Errorf("%s reads time.Now %d time(s): take the application's clock (cases.Cases.Now or Today) instead", rel, uses)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
