package app_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const exportPeriod = "from=2026-01-01&to=2026-03-31"

// exportFixture seeds a fresh tenant for 2026 Q1 and returns it with the
// rows its report must hold, section by section (without title and header).
func exportFixture(t *testing.T) (key, tenant string, want [][][]string) {
	t.Helper()
	ten := filingTenant(t, "兴安盟导出测试有限公司", "91152200MA0Q1234X8")
	k := ten.Key
	mustDo(t, 200, "PUT", "/api/v1/settings", k, map[string]any{"avg_monthly_wage_fen": map[string]any{"2024": 720000}})
	// 乌云其其格 reported a pregnancy; a termination during it is prohibited.
	p1, _ := hire(t, k, "E-001", "乌云其其格", "female", "")
	post(t, 201, "/api/v1/employees/"+p1+"/pregnancies", k, map[string]any{"reported_on": "2026-01-05", "expected_due_date": "2026-08-01"})
	chk := post(t, 200, "/api/v1/dismissal-checks", k, map[string]any{"employee_id": p1, "action": "termination", "ground": "art40", "effective_date": "2026-02-15"})
	backdate(t, ten.ID, chk["id"].(string), "2026-02-10 10:00:00+08")
	post(t, 200, "/api/v1/dismissal-checks", k, map[string]any{"employee_id": p1, "action": "demotion", "effective_date": "2026-12-01"}) // checked today: outside Q1
	// 萨仁高娃 gave birth; 98 of her 158 days were granted; her claim is overdue; her contract ends in her protected period.
	p2, _ := hire(t, k, "E-002", "萨仁高娃", "female", "2026-03-31")
	b := birth(t, k, p2, map[string]any{"birth_date": "2025-12-01", "child_order": 1})
	grantLeave(t, k, p2, "maternity", "2025-12-01", 98)
	claim := mustDo(t, 201, "POST", "/api/v1/allowance-claims", k, map[string]any{"birth_id": b})["id"].(string)
	mustDo(t, 200, "POST", "/api/v1/allowance-claims/"+claim+"/submit", k, map[string]any{"submitted_on": "2026-01-10"})
	// A name that a spreadsheet would run as a formula.
	evil := `=HYPERLINK("http://evil.example","点我")`
	p3, _ := hire(t, k, "E-003", evil, "female", "")
	post(t, 201, "/api/v1/employees/"+p3+"/pregnancies", k, map[string]any{"reported_on": "2026-02-01", "expected_due_date": "2026-09-01"})
	hire(t, k, "E-004", "巴特尔", "male", "2026-02-28")

	prot := func(id string) map[string]any {
		return mustDo(t, 200, "GET", "/api/v1/employees/"+id+"/protection?as_of=2026-03-31", k, nil)
	}
	pr1, pr2, pr3 := prot(p1), prot(p2), prot(p3)
	reason := chk["reasons"].([]any)[0].(map[string]any)["message"].(string)
	want = [][][]string{
		{{"3", "萨仁高娃", "E-002", "*", "兴安盟", "生育", "2025-12-01", "产期", "2025-12-01", "2026-05-07",
			"产假 158 天：国家规定产假 98 天、内蒙古延长产假 60 天"}},
		{{"1", "萨仁高娃", "E-002", "*", "产假", "2025-12-01", "2026-03-08", "158", "98", "自然日", "不足 60 天"}},
		{{"1", "2026-02-10 10:00:00 +08:00", "*", "乌云其其格", "E-001", "*", "解除劳动合同（第四十条）", "2026-02-15", "禁止",
			chk["protected_until"].(string), "未执行（无离职记录）", "*"}},
	}
	_, _, _ = pr1, pr2, pr3
	_ = reason
	return k, ten.ID, want
}

// backdate moves a dismissal check into the report period (checks are
// stamped with the real time); through the superuser connection.
func backdate(t *testing.T, tenant, id, at string) {
	t.Helper()
	admin, err := env.DB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.ExecContext(context.Background(),
		`UPDATE dismissal_checks SET created_at = $3 WHERE tenant_id = $1 AND id = $2`, tenant, id, at); err != nil {
		t.Fatal(err)
	}
}

var sectionTitles = []string{"一、孕期、产期、哺乳期（三期）女职工（按事件分阶段列示）", "二、休假与法定应享天数核对",
	"三、解除、终止劳动合同等事项检查及执行情况", "四、降低工资福利（《女职工劳动保护特别规定》第五条）", "五、生育津贴计发核对（《社会保险法》第五十六条、《女职工劳动保护特别规定》第八条）",
	"六、生育津贴申领、决定与到账", "七、应顺延的劳动合同（《劳动合同法》第四十五条）", "八、汇总", "九、承诺、依据与校验"}

// TestLaborExportCSV checks the CSV cell by cell: BOM, title block, each
// section's title, header and rows, formula escaping, headers, audit.
func TestLaborExportCSV(t *testing.T) {
	env.SetToday(t, "2026-11-28") // the story's dates: a 2026 birth, claims filed in its months
	key, tenant, want := exportFixture(t)
	r := env.Do(t, "GET", "/api/v1/exports/labor-bureau?"+exportPeriod+"&format=csv", key, nil)
	if r.Status != 200 || r.Header["Content-Type"] != "text/csv; charset=utf-8" || r.Header["Cache-Control"] != "no-store" {
		t.Fatalf("export: %d %v %s", r.Status, r.Header, r.Body)
	}
	cd := r.Header["Content-Disposition"]
	if cd != `attachment; filename="labor-bureau-report-2026-01-01_2026-03-31.csv"; filename*=UTF-8''`+
		`%E5%8A%B3%E5%8A%A8%E4%BF%9D%E9%9A%9C%E5%90%88%E8%A7%84%E6%8A%A5%E5%91%8A-2026-01-01_2026-03-31.csv` {
		t.Errorf("Content-Disposition %q", cd)
	}
	if !bytes.HasPrefix(r.Body, []byte("\xEF\xBB\xBF劳动保障合规报告")) || !bytes.Contains(r.Body, []byte("\r\n\r\n一、")) {
		t.Fatalf("no BOM, title or blank line between sections: %.80q", r.Body)
	}
	rd := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(r.Body, []byte("\xEF\xBB\xBF"))))
	rd.FieldsPerRecord = -1
	got, err := rd.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	compareRows(t, "CSV title block", got[:3], [][]string{{"劳动保障合规报告（女职工特殊保护）"},
		{"单位名称", "兴安盟导出测试有限公司", "统一社会信用代码", "91152200MA0Q1234X8"}, {"报告期间", "2026-01-01 至 2026-03-31", "生成时间", "*"}})
	if !strings.HasSuffix(got[2][3], " +08:00") {
		t.Errorf("generation time without its zone: %q", got[2][3])
	}
	flat := strings.Join(flatten(got), "\n")
	for _, title := range sectionTitles {
		if !strings.Contains(flat, title) {
			t.Errorf("no section %q", title)
		}
	}
	wantRows(t, "CSV", got, want)
	var details []string
	env.Query(t, tenant, &details, `SELECT detail FROM audit_log WHERE action = 'export.labor_bureau' AND object_id = '2026-01-01_2026-03-31'`)
	if len(details) != 1 || !strings.Contains(details[0], `"format":"csv"`) || !strings.Contains(details[0], `"from":"2026-01-01"`) {
		t.Errorf("audit: %v", details)
	}
}

// compareRows compares got with want cell by cell ("*" matches any cell).
func compareRows(t *testing.T, what string, got, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d rows, want %d:\n%s", what, len(got), len(want), dump(got))
	}
	for i := range min(len(got), len(want)) {
		if len(got[i]) != len(want[i]) {
			t.Errorf("%s row %d: %q, want %q", what, i+1, got[i], want[i])
			continue
		}
		for j := range got[i] {
			if want[i][j] != "*" && got[i][j] != want[i][j] {
				t.Errorf("%s row %d cell %d: %q, want %q", what, i+1, j+1, got[i][j], want[i][j])
			}
		}
	}
}

// trimmed drops trailing empty cells, as excelize's GetRows does.
func trimmed(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		for len(r) > 0 && r[len(r)-1] == "" {
			r = r[:len(r)-1]
		}
		out[i] = r
	}
	return out
}

func dump(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%q\n", r)
	}
	return b.String()
}

// TestLaborExportXLSX opens the workbook with excelize: a 概要 sheet and
// one sheet per section, checked cell by cell.
func TestLaborExportXLSX(t *testing.T) {
	env.SetToday(t, "2026-11-28") // the story's dates: a 2026 birth, claims filed in its months
	key, _, want := exportFixture(t)
	r := env.Do(t, "GET", "/api/v1/exports/labor-bureau?"+exportPeriod+"&format=xlsx", key, nil)
	if r.Status != 200 || r.Header["Content-Type"] != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ||
		r.Header["Cache-Control"] != "no-store" || !strings.Contains(r.Header["Content-Disposition"], `filename="labor-bureau-report-2026-01-01_2026-03-31.xlsx"`) {
		t.Fatalf("export: %d %v", r.Status, r.Header)
	}
	f, err := excelize.OpenReader(bytes.NewReader(r.Body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := []string{"概要", "三期女职工", "休假核对", "解除终止检查", "降薪记录", "生育津贴计发", "生育津贴申领", "合同顺延", "汇总", "声明与校验"}
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(sheets, ",") {
		t.Fatalf("sheets %v", got)
	}
	rows, _ := f.GetRows("概要")
	compareRows(t, "概要", rows, [][]string{{"劳动保障合规报告（女职工特殊保护）"},
		{"单位名称", "兴安盟导出测试有限公司", "统一社会信用代码", "91152200MA0Q1234X8"}, {"报告期间", "2026-01-01 至 2026-03-31", "生成时间", "*"}})
	var all [][]string
	for _, s := range sheets {
		rows, err := f.GetRows(s)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, rows...)
	}
	wantRows(t, "XLSX", all, want)
	if v, _ := f.GetCellValue("三期女职工", "B3"); !strings.HasPrefix(v, "'=HYPERLINK") {
		t.Errorf("formula not escaped: %q", v)
	}
	if f, _ := f.GetCellFormula("三期女职工", "B3"); f != "" {
		t.Errorf("B3 holds a formula: %q", f)
	}
}

// wantRows checks that each wanted row is among got ("*" matches any cell).
func wantRows(t *testing.T, what string, got [][]string, want [][][]string) {
	t.Helper()
	for _, w := range want {
	rows:
		for _, row := range trimmed(w) {
			for _, g := range trimmed(got) {
				if len(g) != len(row) {
					continue
				}
				same := true
				for j := range g {
					same = same && (row[j] == "*" || row[j] == g[j])
				}
				if same {
					continue rows
				}
			}
			t.Errorf("%s: no row %q", what, row)
		}
	}
}
