package portal_test

import (
	"bytes"
	"io"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// TestDocumentsAndExports: the claim PDF is the same document the API
// serves, as a no-store attachment; the compliance report downloads as
// CSV, XLSX and PDF; a bad period comes back with its message.
func TestDocumentsAndExports(t *testing.T) {
	b := admin(t, 0)
	setWageBasis(t, b)
	id := createEmployee(t, b, "DOC-1")
	birth := recordBirth(t, b, id, day(-15), "1")
	p := b.post("/births/"+birth, "/allowance-claims", url.Values{"birth_id": {birth}})
	claim := strings.Split(p.Location(), "?")[0]
	pdf := b.get(claim + "/pdf")
	if pdf.Status != 200 || !strings.HasPrefix(pdf.Body, "%PDF") {
		t.Fatalf("claim PDF: %d %.40q", pdf.Status, pdf.Body)
	}
	for h, want := range map[string]string{"Content-Type": "application/pdf", "Cache-Control": "no-store",
		"Content-Disposition": "attachment; filename=\"LG-"} {
		if got := pdf.Header.Get(h); !strings.Contains(got, want) {
			t.Errorf("claim PDF %s: %q, want %q", h, got, want)
		}
	}
	api := env.Do(t, "GET", "/api/v1"+claim+"/pdf", env.A.Key, nil)
	if api.Status != 200 || !bytes.Equal([]byte(api.Body), []byte(pdf.Body)) {
		t.Errorf("the portal's PDF differs from the API's (%d, %d vs %d bytes)", api.Status, len(api.Body), len(pdf.Body))
	}
	mustHave(t, "export form", b.get("/exports"), 200, "劳动保障合规报告", "CSV", "Excel", "PDF")
	q := "?from=" + day(-60) + "&to=" + day(0)
	csv := b.get("/exports/labor-bureau" + q + "&format=csv")
	if csv.Status != 200 || !strings.HasPrefix(csv.Header.Get("Content-Type"), "text/csv") ||
		!strings.Contains(csv.Header.Get("Content-Disposition"), "attachment") || csv.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("CSV export: %d %v", csv.Status, csv.Header)
	}
	if !strings.Contains(csv.Body, "DOC-1") {
		t.Errorf("the CSV lacks the employee: %.300s", csv.Body)
	}
	if x := b.get("/exports/labor-bureau" + q + "&format=xlsx"); x.Status != 200 || !strings.HasPrefix(x.Body, "PK") {
		t.Errorf("XLSX export: %d", x.Status)
	}
	if r := b.get("/exports/labor-bureau" + q + "&format=pdf"); r.Status != 200 || !strings.HasPrefix(r.Body, "%PDF") {
		t.Errorf("PDF report: %d", r.Status)
	}
	bad := b.get("/exports/labor-bureau?from=" + day(0) + "&to=" + day(-5) + "&format=csv")
	mustHave(t, "reversed period", bad, 400, `data-testid="error-to"`, "截止日期不得早于起始日期")
	mustHave(t, "audit", b.get("/audit"), 200, "导出劳动保障合规报告", "下载 PDF 文书")
	mustHave(t, "audit chain check", b.get("/audit?verify=1"), 200, `data-testid="audit-verified"`, "审计链完整", "校验审计链")
}

// TestRolesOnAreaPages: the auditor reads every new page but sees no form and is
// refused every change; payroll does not read pregnancy or birth facts.
func TestRolesOnAreaPages(t *testing.T) {
	b := admin(t, 0)
	id := createEmployee(t, b, "ROLE-1")
	birth := recordBirth(t, b, id, day(-8), "1")
	addUser(t, env.A.ID, "auditor-pages@example.com", "auditor", "auditor password 1")
	aud := newBrowser(t)
	aud.login("auditor-pages@example.com", "auditor password 1")
	for _, path := range []string{"/employees/" + id, "/births/" + birth, "/leave-requests", "/allowance-claims",
		"/subsidy-applications", "/settings", "/exports", "/contract-extensions", "/"} {
		p := aud.get(path)
		if p.Status != 200 {
			t.Errorf("auditor GET %s: %d", path, p.Status)
		}
		for _, form := range []string{`action="/employees/` + id + `/`, `data-testid="record-birth"`, `data-testid="create-claim"`,
			`data-testid="subsidy-form"`, `name="key"`, `data-testid="request-leave"`} {
			if strings.Contains(p.Body, form) {
				t.Errorf("auditor sees a form or write button on %s: %s", path, form)
			}
		}
	}
	csrf := aud.csrf("/settings")
	for _, path := range []string{"/employees/" + id + "/births", "/births/" + birth, "/leave-requests", "/allowance-claims",
		"/subsidy-applications", "/settings"} {
		if p := aud.do("POST", path, url.Values{"_csrf": {csrf}, "birth_id": {birth}}); p.Status != 403 {
			t.Errorf("auditor POST %s: %d", path, p.Status)
		}
	}
	addUser(t, env.A.ID, "payroll-pages@example.com", "payroll", "payroll password 1")
	pay := newBrowser(t)
	pay.login("payroll-pages@example.com", "payroll password 1")
	if p := pay.get("/births/" + birth); p.Status != 403 {
		t.Errorf("payroll reads a birth: %d", p.Status)
	}
	if p := pay.get("/employees/" + id); p.Status != 200 || strings.Contains(p.Body, "家庭事件与时间线") {
		t.Errorf("payroll's employee page shows family events: %d", p.Status)
	}
}

// TestNewFormsNeedCSRF: every new form refuses a post without the token.
func TestNewFormsNeedCSRF(t *testing.T) {
	b := admin(t, 0)
	id := createEmployee(t, b, "CSRF-3")
	birth := recordBirth(t, b, id, day(-8), "1")
	paths := []string{"/employees/" + id + "/pregnancies", "/employees/" + id + "/births", "/employees/" + id + "/miscarriages",
		"/employees/" + id + "/marriages", "/births/" + birth, "/leave-requests", "/leave-requests/preview",
		"/allowance-claims", "/subsidy-applications", "/settings"}
	for _, path := range paths {
		p := b.do("POST", path, url.Values{"birth_id": {birth}, "registered_on": {day(0)}})
		if p.Status != 403 || !strings.Contains(p.Body, "页面已过期或请求来源无效") {
			t.Errorf("POST %s without a token: %d", path, p.Status)
		}
	}
	// The preview endpoint also takes the token as a header (fetch from app.js).
	req := httptest.NewRequest("POST", "/leave-requests/preview", strings.NewReader("employee_id="+id))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-CSRF-Token", "forged")
	for k, v := range b.cookies {
		req.Header.Add("Cookie", k+"="+v)
	}
	resp, err := env.Server.Test(req, 10000)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != 403 {
		t.Errorf("preview with a forged header token: %d", resp.StatusCode)
	}
	mustHave(t, "no claim made", b.get("/allowance-claims?ext=CSRF-3"), 200, "没有符合条件的申领")
}
