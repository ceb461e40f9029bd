package portal_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestMonthBundlePage: the exports page offers the month-end ZIP with its
// progress line; the ZIP holds the month's claim form; a bad month comes
// back with its message; the audit log names the export.
func TestMonthBundlePage(t *testing.T) {
	b := admin(t, 0)
	setWageBasis(t, b)
	id := createEmployee(t, b, "ZIP-1")
	birth := recordBirth(t, b, id, day(-15), "1")
	p := b.post("/births/"+birth, "/allowance-claims", url.Values{"birth_id": {birth}})
	claim := strings.TrimPrefix(strings.Split(p.Location(), "?")[0], "/allowance-claims/")
	var month []string
	env.Query(t, env.A.ID, &month, `SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') FROM allowance_claims WHERE id = $1`, claim)
	if len(month) != 1 {
		t.Fatalf("claim %q: %v", claim, month)
	}
	mustHave(t, "exports page", b.get("/exports"), 200, "月末申领文书打包", `data-testid="bundle-form"`,
		`data-bundle-progress`, `name="month"`)
	z := b.get("/exports/filings?month=" + month[0])
	if z.Status != 200 || z.Header.Get("Content-Type") != "application/zip" || !strings.HasPrefix(z.Body, "PK\x03\x04") ||
		z.Header.Get("X-Document-Count") == "0" || !strings.Contains(z.Body, "生育津贴申领表-LG-SYJT-") {
		t.Fatalf("ZIP: %d %v %.60q", z.Status, z.Header, z.Body)
	}
	mustHave(t, "bad month", b.get("/exports/filings?month=2026-1"), 400, `data-testid="error-month"`, "月份无效")
	mustHave(t, "audit", b.get("/audit"), 200, "导出月末申领文书（ZIP）")
}
