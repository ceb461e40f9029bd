package app_test

import (
	"strings"
	"testing"

	"leaveguard/internal/testutil"
)

// TestLaborExportValidation: from and to are checked together with the
// format, with Chinese field messages.
func TestLaborExportValidation(t *testing.T) {
	cases := []struct {
		name, query string
		fields      map[string]string
	}{
		{"missing400", "", map[string]string{"from": "必填", "to": "必填"}},
		{"badDate400", "from=2026-13-01&to=2026-02-30", map[string]string{"from": "日期无效", "to": "日期无效"}},
		{"reversed400", "from=2026-03-31&to=2026-01-01", map[string]string{"to": "不得早于起始日期"}},
		{"tooLong400", "from=2025-01-01&to=2026-01-02", map[string]string{"to": "最长 366 天"}},
		{"badFormat400", exportPeriod + "&format=doc", map[string]string{"format": "csv、xlsx 或 pdf"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := env.Do(t, "GET", "/api/v1/exports/labor-bureau?"+tc.query, env.A.Key, nil)
			if r.Status != 400 || r.Code() != "validation_failed" {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			fields, _ := r.JSON(t)["error"].(map[string]any)["fields"].(map[string]any)
			for name, part := range tc.fields {
				if msg, _ := fields[name].(string); !strings.Contains(msg, part) {
					t.Errorf("field %s: %q, want it to say %q", name, msg, part)
				}
			}
		})
	}
	// A leap year is 366 days: allowed.
	if r := env.Do(t, "GET", "/api/v1/exports/labor-bureau?from=2024-01-01&to=2024-12-31", env.A.Key, nil); r.Status != 200 {
		t.Errorf("366 days: %d %s", r.Status, r.Body)
	}
	if r := env.Do(t, "GET", "/api/v1/exports/labor-bureau?"+exportPeriod, newKey(t, env.A.ID, "payroll"), nil); r.Status != 403 {
		t.Errorf("payroll key: %d", r.Status)
	}
	if r := env.Do(t, "GET", "/api/v1/exports/labor-bureau?"+exportPeriod, newKey(t, env.A.ID, "auditor"), nil); r.Status != 200 {
		t.Errorf("auditor key: %d", r.Status)
	}
}

// TestLaborExportCrossTenant: a tenant's export never holds another
// tenant's rows, in any format.
func TestLaborExportCrossTenant(t *testing.T) {
	env.SetToday(t, "2026-11-28") // the story's dates: a 2026 birth, claims filed in its months
	secret, _ := hire(t, env.B.Key, "B-SECRET", "B的秘密员工", "female", "2026-03-15")
	post(t, 201, "/api/v1/employees/"+secret+"/pregnancies", env.B.Key, map[string]any{"reported_on": "2026-01-10"})
	post(t, 200, "/api/v1/dismissal-checks", env.B.Key, map[string]any{"employee_id": secret, "action": "demotion", "effective_date": "2026-02-01"})
	key, _, _ := exportFixture(t)
	for _, k := range []string{key, env.A.Key} {
		for _, format := range []string{"csv", "xlsx"} {
			r := env.Do(t, "GET", "/api/v1/exports/labor-bureau?from=2026-01-01&to=2026-12-31&format="+format, k, nil)
			if r.Status != 200 || strings.Contains(string(r.Body), "B的秘密员工") || strings.Contains(string(r.Body), "B-SECRET") {
				t.Errorf("%s export of another tenant: %d, holds B's employee: %v", format, r.Status, strings.Contains(string(r.Body), "B-SECRET"))
			}
		}
	}
	r := env.Do(t, "GET", "/api/v1/exports/labor-bureau?from=2026-01-01&to=2026-12-31&format=csv", env.B.Key, nil)
	if !strings.Contains(string(r.Body), "B的秘密员工") || strings.Contains(string(r.Body), "萨仁高娃") {
		t.Errorf("B's own export: %.300s", r.Body)
	}
}

// TestLaborExportPDF: format=pdf is the 合规报告 filing, kept like the
// other documents.
func TestLaborExportPDF(t *testing.T) {
	env.SetToday(t, "2026-11-28") // the story's dates: a 2026 birth, claims filed in its months
	needPDF(t)
	key, tenant, _ := exportFixture(t)
	path := "/api/v1/exports/labor-bureau?" + exportPeriod + "&format=pdf"
	body, fid, v := getPDF(t, path, key)
	wantText(t, testutil.Flat(testutil.PDFText(t, body, "-raw")), "劳动保障合规报告（女职工特殊保护）", "兴安盟导出测试有限公司", "91152200MA0Q1234X8",
		"2026-01-01至2026-03-31", "乌云其其格", "萨仁高娃", "HYPERLINK", "不足60天", "禁止",
		"37920.00", "逾期未决", "应顺延的劳动合同", "第四十五条", "LG-HGBG-", "+08:00", "本单位承诺以上内容真实、完整")
	again, fid2, v2 := getPDF(t, path, key)
	if fid2 != fid || v != "1" || v2 != "1" || string(again) != string(body) {
		t.Errorf("same period again: %s v%s, then %s v%s", fid, v, fid2, v2)
	}
	r := env.Do(t, "GET", "/api/v1/filings?kind=compliance_report&subject_id=2026-01-01_2026-03-31", key, nil)
	if items := r.JSON(t)["items"].([]any); len(items) != 1 || items[0].(map[string]any)["id"] != fid {
		t.Errorf("filings: %s", r.Body)
	}
	wantAudit(t, tenant, "filing.generate", 1)
}
