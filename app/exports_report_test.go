package app_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"leaveguard/internal/testutil"
)

const reportPeriod = "from=2025-01-01&to=2025-12-31"

// violationFixture seeds a tenant with one violation of each kind in 2025
// and returns its key and the finding each must show.
func violationFixture(t *testing.T) (key string, findings []string) {
	t.Helper()
	ten := filingTenant(t, "兴安盟核查测试有限公司", "91152200MA0Q1234X8")
	k := ten.Key
	mustDo(t, 200, "PUT", "/api/v1/settings", k, map[string]any{"avg_monthly_wage_fen": map[string]any{"2024": 720000}})
	sql := func(q string, args ...any) {
		t.Helper()
		admin, err := env.DB.Admin()
		if err != nil {
			t.Fatal(err)
		}
		defer admin.Close()
		if _, err := admin.ExecContext(context.Background(), q, append([]any{ten.ID}, args...)...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// 萨仁高娃: 98 of her 158 maternity days granted; her claim was decided 5 weeks late.
	p1, _ := hire(t, k, "E-101", "萨仁高娃", "female", "")
	b1 := birth(t, k, p1, map[string]any{"birth_date": "2025-01-10", "child_order": 1, "dystocia": true, "babies": 2})
	grantLeave(t, k, p1, "maternity", "2025-01-10", 98)
	claim := mustDo(t, 201, "POST", "/api/v1/allowance-claims", k, map[string]any{"birth_id": b1})["id"].(string)
	mustDo(t, 200, "POST", "/api/v1/allowance-claims/"+claim+"/submit", k, map[string]any{"submitted_on": "2025-03-03"})
	sql(`UPDATE allowance_claims SET status = 'approved', decided_on = decision_due + 35 WHERE tenant_id = $1 AND id = $2`, claim)
	// The 2024 average wage was corrected after the claim was computed.
	mustDo(t, 200, "PUT", "/api/v1/settings", k, map[string]any{"avg_monthly_wage_fen": map[string]any{"2024": 700000}})
	// 乌云其其格: parental leave for her 2024 child over the 10 days of 2025.
	p2, _ := hire(t, k, "E-102", "乌云其其格", "female", "")
	birth(t, k, p2, map[string]any{"birth_date": "2024-03-01", "child_order": 1})
	lr := grantLeave(t, k, p2, "parental", "2025-06-02", 10)
	sql(`INSERT INTO leave_requests (tenant_id, employee_id, leave_type, start_date, end_date, days, unit, bucket,
		child_id, status, decision) SELECT tenant_id, employee_id, leave_type, '2025-09-01', '2025-09-05', 5, unit, bucket,
		child_id, status, decision FROM leave_requests WHERE tenant_id = $1 AND id = $2`, lr)
	// She is renamed afterwards: her rows say the name shown is the current one.
	mustDo(t, 200, "PATCH", "/api/v1/employees/"+p2, k, map[string]any{"name": "乌云其木格"})
	// 其其格: uninsured, gave birth, no allowance; terminated (art. 40) while protected;
	// a refused wage cut; her contract ends in her nursing period and no notice was issued.
	p3, _ := hire(t, k, "E-103", "其其格", "female", "2025-11-30")
	sql(`UPDATE employees SET maternity_insured = false WHERE tenant_id = $1 AND id = $2`, p3)
	birth(t, k, p3, map[string]any{"birth_date": "2025-02-01", "child_order": 2})
	chk := post(t, 200, "/api/v1/dismissal-checks", k, map[string]any{"employee_id": p3, "action": "termination", "ground": "art40", "effective_date": "2025-08-15"})
	backdate(t, ten.ID, chk["id"].(string), "2025-08-10 10:00:00+08")
	sql(`INSERT INTO wage_violation_attempts (tenant_id, employee_id, old_wage_fen, new_wage_fen, source, created_at, created_by)
		VALUES ($1, $2, 850000, 600000, 'api_key', '2025-07-01 09:00:00+08', 'test')`, p3)
	sql(`INSERT INTO wage_violation_attempts (tenant_id, employee_id, old_wage_fen, new_wage_fen, source, overridden, reason,
		created_at, created_by) VALUES ($1, $2, 850000, 700000, 'user', true, '总经理批准', '2025-07-01 09:00:00+08', 'test')`, p3)
	// 萨仁: terminated while nursing, the 禁止 verdict overridden by an admin.
	p6, _ := hire(t, k, "E-106", "萨仁", "female", "")
	birth(t, k, p6, map[string]any{"birth_date": "2025-03-01", "child_order": 1})
	chk6 := post(t, 200, "/api/v1/dismissal-checks", k, map[string]any{"employee_id": p6, "action": "termination", "ground": "art40", "effective_date": "2025-09-30"})
	backdate(t, ten.ID, chk6["id"].(string), "2025-09-01 10:00:00+08")
	post(t, 201, "/api/v1/employees/"+p6+"/separation", k, map[string]any{"last_day": "2025-09-30", "kind": "termination", "ground": "art40",
		"dismissal_check_id": chk6["id"], "override_reason": "经营困难，总经理决定仍然解除劳动合同，后果自负"})
	// 巴特尔, a father: his child's birth owes him no allowance and no maternity leave.
	p5, _ := hire(t, k, "E-105", "巴特尔", "male", "")
	birth(t, k, p5, map[string]any{"birth_date": "2025-04-01", "child_order": 1})
	// 图雅: a birth 110 days before her due date: a fact HR should check.
	p4, _ := hire(t, k, "E-104", "图雅", "female", "")
	post(t, 201, "/api/v1/employees/"+p4+"/pregnancies", k, map[string]any{"reported_on": "2025-03-01", "expected_due_date": "2025-12-20"})
	birth(t, k, p4, map[string]any{"birth_date": "2025-09-01", "child_order": 1})
	return k, []string{"乌云其木格（现用名，", "未登记休假申请：依法享有产假", "不足 90 天", "难产增加 15 天", "多胞胎增加 15 天", "分娩早于预产期 110 天",
		"按计算时有效的 2024 年度设置 7200.00 元/月计发；现行设置为 7000.00 元/月", "超出法定应享 5 天", "未参加生育保险", "禁止", "未执行（无离职记录）", "已离职：最后工作日 2025-09-30（单位解除）；管理员强制办理",
		"已拒绝执行", "不得依照《劳动合同法》第四十条解除劳动合同", "三期保护期届满", "被强制执行：三期内降低工资，须纠正并补发（理由：总经理批准）", "未出具顺延通知书", "逾期决定", "2025-11-30"}
}

// TestReportFlagsEveryViolation: each seeded violation is flagged in CSV,
// XLSX and PDF, and the three agree cell by cell.
func TestReportFlagsEveryViolation(t *testing.T) {
	key, findings := violationFixture(t)
	csvRows := reportCSV(t, key)
	flat := strings.Join(flatten(csvRows), "\n")
	for _, f := range findings {
		if !strings.Contains(flat, f) {
			t.Errorf("CSV lacks %q", f)
		}
	}
	if os.Getenv("LEAVEGUARD_REPORT_DUMP") != "" {
		t.Logf("\n%s", flat)
	}
	if strings.Contains(flat, "巴特尔") {
		t.Errorf("a father's birth is in the report:\n%s", flat)
	}
	xlsxRows := reportXLSX(t, key)
	compareRows(t, "XLSX vs CSV", trimmed(xlsxRows[3:]), trimmed(csvRows[3:]))
	needPDF(t)
	body, _, _ := getPDF(t, "/api/v1/exports/labor-bureau?"+reportPeriod+"&format=pdf", key)
	if dir := os.Getenv("LEAVEGUARD_PDF_SAMPLES"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, "labor-bureau-2025.pdf"), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	text := testutil.Flat(testutil.PDFText(t, body, "-raw"))
	for _, row := range csvRows[3:] {
		for _, cell := range row {
			if c := testutil.Flat(cell); c != "" && !strings.Contains(text, c) {
				t.Errorf("PDF lacks cell %q", cell)
			}
		}
	}
}

// reportCSV is the CSV export's rows.
func reportCSV(t *testing.T, key string) [][]string {
	t.Helper()
	r := env.Do(t, "GET", "/api/v1/exports/labor-bureau?"+reportPeriod+"&format=csv", key, nil)
	if r.Status != 200 {
		t.Fatalf("csv: %d %s", r.Status, r.Body)
	}
	rd := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(r.Body, []byte("\xEF\xBB\xBF"))))
	rd.FieldsPerRecord = -1
	rows, err := rd.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// reportXLSX is the XLSX export's rows, sheet after sheet, as the CSV
// lays them out.
func reportXLSX(t *testing.T, key string) [][]string {
	t.Helper()
	r := env.Do(t, "GET", "/api/v1/exports/labor-bureau?"+reportPeriod+"&format=xlsx", key, nil)
	if r.Status != 200 {
		t.Fatalf("xlsx: %d %s", r.Status, r.Body)
	}
	f, err := excelize.OpenReader(bytes.NewReader(r.Body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rows...)
	}
	return out
}

func flatten(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, "|"))
	}
	return out
}
