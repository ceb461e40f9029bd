package portal_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestAreaPagesHeaders: every page added for family events, leave, claims,
// subsidies, settings, exports and contract extensions answers 200 with
// the nonce CSP, no-store and no inline style or handler.
func TestAreaPagesHeaders(t *testing.T) {
	b := admin(t, 0)
	setWageBasis(t, b)
	id := createEmployee(t, b, "HDR-2")
	birth := recordBirth(t, b, id, day(-30), "1")
	m := b.post("/employees/"+id+"/miscarriages/new", "/employees/"+id+"/miscarriages",
		url.Values{"date": {day(-500)}, "gestation_weeks": {"20"}})
	lr := b.post("/leave-requests/new", "/leave-requests", url.Values{"employee_id": {id}, "leave_type": {"maternity"},
		"start": {day(-30)}, "days": {"158"}, "op": {"submit"}})
	cl := b.post("/births/"+birth, "/allowance-claims", url.Values{"birth_id": {birth}})
	sa := b.post("/subsidy-applications", "/subsidy-applications", url.Values{"period_from": {"2018-01"}, "period_to": {"2018-03"}})
	ig := env.Do(t, "POST", "/api/v1/integrations", env.A.Key, map[string]any{"name": "headers"})
	if ig.Status != 201 {
		t.Fatalf("integration: %d %s", ig.Status, ig.Body)
	}
	pages := []string{"/integrations", "/integrations/" + ig.JSON(t)["id"].(string), "/employees/" + id, "/employees/" + id + "/pregnancies/new", "/employees/" + id + "/births/new",
		"/employees/" + id + "/miscarriages/new", "/employees/" + id + "/marriages/new", "/births/" + birth,
		"/births/" + birth + "/edit", m.Location(), "/leave-requests", "/leave-requests/new?employee=" + id, lr.Location(),
		"/allowance-claims", cl.Location(), "/subsidy-applications", sa.Location(), "/settings", "/exports",
		"/contract-extensions", "/"}
	for _, path := range pages {
		p := b.get(path)
		if p.Status != 200 {
			t.Errorf("GET %s: %d %s", path, p.Status, excerpt(p.Body))
			continue
		}
		if csp := p.Header.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "default-src 'self'; script-src 'nonce-") ||
			!strings.Contains(csp, "style-src 'self'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		for h, v := range map[string]string{"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY"} {
			if got := p.Header.Get(h); got != v {
				t.Errorf("%s: %s = %q", path, h, got)
			}
		}
		if strings.Contains(p.Body, " style=") || strings.Contains(p.Body, " onclick=") || strings.Contains(p.Body, "<script>") {
			t.Errorf("%s: inline style, handler or script (blocked by the CSP)", path)
		}
	}
}
