package app_test

import (
	"archive/zip"
	"bytes"
	"io"
	"sort"
	"strings"
	"testing"

	"leaveguard/internal/testutil"
)

// monthOf is the month (Beijing time) a claim or subsidy application was
// created in, as the bundle reads it.
func monthOf(t *testing.T, tenant, table, id string) string {
	t.Helper()
	var m []string
	env.Query(t, tenant, &m, `SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') FROM `+table+` WHERE id = $1`, id)
	if len(m) != 1 {
		t.Fatalf("%s %s: %v", table, id, m)
	}
	return m[0]
}

// unzip reads a ZIP body: entry names (sorted) and their bytes.
func unzip(t *testing.T, body []byte) ([]string, map[string][]byte) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("not a ZIP: %v", err)
	}
	var names []string
	files := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, f.Name)
		files[f.Name] = b
	}
	sort.Strings(names)
	return names, files
}

// TestMonthBundle: the month's claim forms and subsidy application in one
// ZIP: an existing unchanged filing comes back byte for byte, the others
// are generated (and audited as such); the export itself is audited once;
// another tenant's ZIP of the same month has none of them (it has none at
// all); a bad month is a 400, a payroll key a 403.
func TestMonthBundle(t *testing.T) {
	needPDF(t)
	ten := filingTenant(t, "兴安盟月末打包有限公司", "")
	mustDo(t, 200, "PUT", "/api/v1/settings", ten.Key, map[string]any{"avg_monthly_wage_fen": map[string]any{"2025": 720000},
		"contribution_rates": subsidyRates, "subsidy_program": map[string]any{"ratio_bp": 5000}})
	var claims []string
	for i, name := range []string{"乌云其其格", "萨仁高娃"} {
		emp, _ := hire(t, ten.Key, "M-00"+string(rune('1'+i)), name, "female", "")
		b := birth(t, ten.Key, emp, map[string]any{"birth_date": "2026-02-10", "child_order": 1})
		approvedLeave(t, ten.Key, emp, "maternity", "2026-02-10", 158)
		claims = append(claims, mustDo(t, 201, "POST", "/api/v1/allowance-claims", ten.Key, map[string]any{"birth_id": b})["id"].(string))
	}
	app := mustDo(t, 201, "POST", "/api/v1/subsidy-applications", ten.Key, map[string]any{"period_from": "2026-02", "period_to": "2026-03"})
	first, _, _ := getPDF(t, "/api/v1/allowance-claims/"+claims[0]+"/pdf", ten.Key)
	month := monthOf(t, ten.ID, "allowance_claims", claims[0])
	if monthOf(t, ten.ID, "allowance_claims", claims[1]) != month || monthOf(t, ten.ID, "subsidy_applications", app["id"].(string)) != month {
		t.Skip("the documents were created either side of a month's end")
	}

	r := env.Do(t, "GET", "/api/v1/filings/"+month+".zip", ten.Key, nil)
	if r.Status != 200 || r.Header["Content-Type"] != "application/zip" || r.Header["X-Document-Count"] != "3" ||
		r.Header["Cache-Control"] != "no-store" || !strings.Contains(r.Header["Content-Disposition"], `filename="filings-`+month+`.zip"`) {
		t.Fatalf("GET zip: %d %v", r.Status, r.Header)
	}
	names, files := unzip(t, r.Body)
	if len(names) != 3 || !strings.HasPrefix(names[0], "生育津贴申领表-LG-SYJT-") || !strings.HasPrefix(names[2], "社会保险费补贴申请表-LG-SBBT-") {
		t.Fatalf("entries %q", names)
	}
	same := 0
	for _, n := range names {
		if !bytes.HasPrefix(files[n], []byte("%PDF-")) {
			t.Fatalf("%s is not a PDF", n)
		}
		if bytes.Equal(files[n], first) {
			same++
		}
	}
	if same != 1 {
		t.Fatalf("the claim's existing filing is in the ZIP %d times", same)
	}
	wantText(t, testutil.PDFText(t, files[names[2]], "-layout"), "社会保险费补贴申请表", "兴安盟月末打包有限公司")

	count := func(action string) int {
		var n []int
		env.Query(t, ten.ID, &n, `SELECT count(*) FROM audit_log WHERE action = $1`, action)
		return n[0]
	}
	if e, g, d := count("filing.export_month"), count("filing.generate"), count("filing.download"); e != 1 || g != 3 || d != 0 {
		t.Fatalf("audit: %d exports, %d generated, %d downloads", e, g, d)
	}
	// Again: every filing is unchanged, none is generated.
	again := env.Do(t, "GET", "/api/v1/filings/"+month+".zip", ten.Key, nil)
	if names2, _ := unzip(t, again.Body); strings.Join(names2, ",") != strings.Join(names, ",") {
		t.Fatalf("second ZIP %q", names2)
	}
	if e, g := count("filing.export_month"), count("filing.generate"); e != 2 || g != 3 {
		t.Fatalf("second ZIP: %d exports, %d generated", e, g)
	}

	empty := filingTenant(t, "兴安盟另一家有限公司", "")
	other := env.Do(t, "GET", "/api/v1/filings/"+month+".zip", empty.Key, nil)
	if n, _ := unzip(t, other.Body); other.Status != 200 || other.Header["X-Document-Count"] != "0" || len(n) != 0 {
		t.Fatalf("another tenant's ZIP: %d %v %q", other.Status, other.Header, n)
	}
	if r := env.Do(t, "GET", "/api/v1/filings/2026-13.zip", ten.Key, nil); r.Status != 400 || !strings.Contains(string(r.Body), "month") {
		t.Fatalf("bad month: %d %s", r.Status, r.Body)
	}
	payroll := env.NewKey(t, ten.ID, "payroll")
	if r := env.Do(t, "GET", "/api/v1/filings/"+month+".zip", payroll, nil); r.Status != 403 {
		t.Fatalf("payroll key: %d", r.Status)
	}
}
