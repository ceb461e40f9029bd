package app_test

import (
	"strings"
	"testing"
)

func TestImportEmployeesXLSX(t *testing.T) {
	tn := freshTenant(t)
	rows := [][]string{importRow("IMP-1"), importRow("IMP-2"), importRow("IMP-3")}
	rows[1][2], rows[1][7], rows[1][9] = "男", "否", "兴安盟"
	rows[2][5], rows[2][6], rows[2][8], rows[2][9] = "", "1,234.5", "", ""
	file := xlsxFile(t, rows)

	dry := importReport(t, tn.Key, "员工.xlsx", file, true)
	if got := counts(dry); got != "rows=3 created=3 updated=0 unchanged=0 failed=0" || dry["dry_run"] != true {
		t.Fatalf("dry run: %s %v", got, dry)
	}
	if n := employeeCount(t, tn.ID); n != 0 {
		t.Fatalf("a dry run stored %d employees", n)
	}
	var imports []int
	env.Query(t, tn.ID, &imports, `SELECT count(*) FROM imports`)
	if imports[0] != 0 {
		t.Fatal("a dry run is kept in the history")
	}

	rep := importReport(t, tn.Key, "员工.xlsx", file, false)
	if got := counts(rep); got != "rows=3 created=3 updated=0 unchanged=0 failed=0" {
		t.Fatalf("import: %s", got)
	}
	e := mustDo(t, 200, "GET", "/api/v1/employees?external_id=IMP-3", tn.Key, nil)["items"].([]any)[0].(map[string]any)
	if e["monthly_wage_fen"] != float64(123450) || e["contract_end"] != nil || e["department"] != "" || e["region"] != nil {
		t.Fatalf("IMP-3 stored as %v", e)
	}
	e = mustDo(t, 200, "GET", "/api/v1/employees?external_id=IMP-2", tn.Key, nil)["items"].([]any)[0].(map[string]any)
	if e["gender"] != "male" || e["maternity_insured"] != false || e["region"] != "CN-NM-XAM" || e["department"] != "生产部" {
		t.Fatalf("IMP-2 stored as %v", e)
	}
	var enc []int
	env.Query(t, tn.ID, &enc, `SELECT count(*) FROM employees WHERE national_id_enc IS NOT NULL AND national_id_masked LIKE '150502********%'`)
	if enc[0] != 3 {
		t.Fatalf("ID numbers not stored encrypted and masked: %d", enc[0])
	}

	again := importReport(t, tn.Key, "员工.xlsx", file, false)
	if got := counts(again); got != "rows=3 created=0 updated=0 unchanged=3 failed=0" ||
		!strings.Contains(again["message"].(string), "没有任何变更") {
		t.Fatalf("second import: %s %v", got, again["message"])
	}

	var actions []string
	env.Query(t, tn.ID, &actions, `SELECT action FROM audit_log WHERE action IN ('import.employees', 'employee.create', 'employee.update') ORDER BY seq`)
	if strings.Join(actions, ",") != "employee.create,employee.create,employee.create,import.employees,import.employees" {
		t.Fatalf("audit: %v", actions)
	}
	var detail []string
	env.Query(t, tn.ID, &detail, `SELECT detail FROM audit_log WHERE action = 'import.employees' ORDER BY seq LIMIT 1`)
	if !strings.Contains(detail[0], `"created":3`) {
		t.Fatalf("import audit detail: %s", detail[0])
	}

	list := mustDo(t, 200, "GET", "/api/v1/imports", tn.Key, nil)["items"].([]any)
	if len(list) != 2 {
		t.Fatalf("history: %v", list)
	}
	first := list[1].(map[string]any)
	if first["file_name"] != "员工.xlsx" || first["status"] != "done" || first["created"] != float64(3) || first["processed"] != float64(3) {
		t.Fatalf("history entry: %v", first)
	}
	id := rep["id"].(string)
	mustDo(t, 200, "GET", "/api/v1/imports/"+id, tn.Key, nil)
	mustDo(t, 404, "GET", "/api/v1/imports/"+id, env.B.Key, nil)
	mustDo(t, 404, "GET", "/api/v1/imports/not-a-uuid", tn.Key, nil)
}

func TestImportEmployeesGB18030CSV(t *testing.T) {
	tn := freshTenant(t)
	a, b := importRow("GB-1"), importRow("GB-2")
	importReport(t, tn.Key, "员工.csv", csvFile(t, [][]string{a, b}, false), false)
	a[6], a[8], b[1] = "9000", "质检部", "其其格"
	rep := importReport(t, tn.Key, "员工.csv", csvFile(t, [][]string{a, b}, true), false)
	if got := counts(rep); got != "rows=2 created=0 updated=2 unchanged=0 failed=0" {
		t.Fatalf("GB18030 update: %s %v", got, rep["errors"])
	}
	e := mustDo(t, 200, "GET", "/api/v1/employees?external_id=GB-2", tn.Key, nil)["items"].([]any)[0].(map[string]any)
	if e["name"] != "其其格" {
		t.Fatalf("name read from GB18030 as %q", e["name"])
	}
	var detail []string
	env.Query(t, tn.ID, &detail, `SELECT detail FROM audit_log WHERE action = 'employee.update' ORDER BY seq`)
	if len(detail) != 2 || !strings.Contains(detail[0], `"fields":["monthly_wage_fen","department"]`) || !strings.Contains(detail[0], "import_id") {
		t.Fatalf("update audit: %v", detail)
	}
	bom := append([]byte("\xEF\xBB\xBF"), csvFile(t, [][]string{a, b}, false)...)
	if got := counts(importReport(t, tn.Key, "员工.csv", bom, true)); got != "rows=2 created=0 updated=0 unchanged=2 failed=0" {
		t.Fatalf("UTF-8 with BOM: %s", got)
	}
}
