package app_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
)

var familyHeader = []string{"员工编号", "事件", "日期", "预产期", "胎次", "胎数", "难产", "死产数", "假期类型", "天数"}

// TestImportFamily imports open cases after the staff: a birth and the
// maternity leave already taken, a pregnancy, a marriage, through the use
// cases of the API, so protection and balances follow; bad rows are
// reported; a second import records nothing again.
func TestImportFamily(t *testing.T) {
	env.SetToday(t, "2026-12-07")
	tn := freshTenant(t)
	staff := [][]string{importRow("FAM-1"), importRow("FAM-2"), importRow("FAM-3")}
	staff[2][2] = "男"
	importReport(t, tn.Key, "staff.csv", csvFile(t, staff, false), false)
	rows := [][]string{
		familyHeader,
		{"FAM-1", "生育", "2026-10-08", "", "1", "1", "否", "0", "", ""},
		{"FAM-1", "已休假", "2026-10-08", "", "", "", "", "", "产假", "30"},
		{"FAM-2", "怀孕", "2026-11-01", "2027-05-20", "", "", "", "", "", ""},
		{"FAM-3", "结婚", "2026/9/1", "", "", "", "", "", "", ""},
		{"NOBODY", "结婚", "2026-09-01", "", "", "", "", "", "", ""},
		{"FAM-2", "生育", "2026-11-20", "", "", "", "", "", "", ""},
		{"FAM-1", "已休假", "2026-11-10", "", "", "", "", "", "年假", "5"},
		{"FAM-3", "旅游", "2026-09-01", "", "", "", "", "", "", ""},
	}
	file := csvRows(rows)
	dry := familyReport(t, tn.Key, file, true)
	if got := counts(dry); got != "rows=8 created=4 updated=0 unchanged=0 failed=4" {
		t.Fatalf("dry run: %s %v", got, dry["errors"])
	}
	rep := familyReport(t, tn.Key, file, false)
	if got := counts(rep); got != "rows=8 created=4 updated=0 unchanged=0 failed=4" {
		t.Fatalf("import: %s %v", got, rep["errors"])
	}
	var got []string
	for _, e := range rep["errors"].([]any) {
		m := e.(map[string]any)
		got = append(got, fmt.Sprintf("%v %v: %v", m["row"], m["field"], m["message"]))
	}
	want := "6 员工编号: 未找到该员工编号：请先导入员工信息\n7 胎次: 生育须填胎次（第几个孩子）\n" +
		"8 假期类型: 须为 产假、流产假、护理假、育儿假、婚假 或 独生子女护理假\n9 事件: 须为 怀孕、生育、结婚 或 已休假"
	if strings.Join(got, "\n") != want {
		t.Fatalf("row report:\n%s", strings.Join(got, "\n"))
	}
	ids := map[string]string{}
	for _, ext := range []string{"FAM-1", "FAM-2", "FAM-3"} {
		ids[ext] = mustDo(t, 200, "GET", "/api/v1/employees?external_id="+ext, tn.Key, nil)["items"].([]any)[0].(map[string]any)["id"].(string)
	}
	for ext, phase := range map[string]string{"FAM-1": "maternity_leave", "FAM-2": "pregnancy"} {
		p := mustDo(t, 200, "GET", "/api/v1/employees/"+ids[ext]+"/protection?as_of=2026-12-07", tn.Key, nil)
		if p["protected"] != true || p["phase"] != phase {
			t.Fatalf("%s protection: %v", ext, p)
		}
	}
	leaves := mustDo(t, 200, "GET", "/api/v1/leave-requests?employee_id="+ids["FAM-1"], tn.Key, nil)["items"].([]any)
	if len(leaves) != 1 || leaves[0].(map[string]any)["status"] != "approved" {
		t.Fatalf("maternity leave taken: %v", leaves)
	}
	ev := mustDo(t, 200, "GET", "/api/v1/employees/"+ids["FAM-3"]+"/events", tn.Key, nil)
	if len(ev["marriages"].([]any)) != 1 {
		t.Fatalf("marriage: %v", ev)
	}
	again := familyReport(t, tn.Key, file, false)
	if got := counts(again); got != "rows=8 created=0 updated=0 unchanged=4 failed=4" {
		t.Fatalf("second import: %s", got)
	}
	list := mustDo(t, 200, "GET", "/api/v1/imports", tn.Key, nil)["items"].([]any)
	if list[0].(map[string]any)["kind"] != "family" {
		t.Fatalf("history: %v", list[0])
	}
	if r := env.Do(t, "GET", "/api/v1/imports/family/template.xlsx", tn.Key, nil); r.Status != 200 || !strings.HasPrefix(string(r.Body), "PK") {
		t.Fatalf("family template: %d", r.Status)
	}
}

func familyReport(t *testing.T, key string, data []byte, dry bool) map[string]any {
	t.Helper()
	r := upload(t, fmt.Sprintf("/api/v1/imports/family?dry_run=%t", dry), key, "family.csv", data)
	if r.Status != 200 {
		t.Fatalf("family import: %d %s", r.Status, r.Body)
	}
	return r.JSON(t)
}

// csvRows writes rows (the header first) as UTF-8 CSV.
func csvRows(rows [][]string) []byte {
	var buf bytes.Buffer
	_ = csv.NewWriter(&buf).WriteAll(rows)
	return buf.Bytes()
}
