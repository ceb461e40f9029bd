package app_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"mime/multipart"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"leaveguard/app/apptest"
	"leaveguard/app/pii"
)

var importHeader = []string{"员工编号", "姓名", "性别", "身份证号", "入职日期", "劳动合同到期日", "月工资（元）", "参加生育保险", "部门", "工作地区"}

// importID returns a fresh valid ID number of a woman (even sequence).
func importID() string {
	n := int(seq.Add(1))
	return pii.MakeNationalID("150502", fmt.Sprintf("19%02d%02d%02d", 80+n%20, n%12+1, n%28+1), (n%500)*2)
}

// importRow is a valid row of the employee template.
func importRow(ext string) []string {
	return []string{ext, "乌兰", "女", importID(), "2020-03-01", "2027-02-28", "8500.50", "是", "生产部", "CN-NM-XAM"}
}

// xlsxFile builds a workbook of rows under the template's header, made by
// excelize as an employer's Excel would save it.
func xlsxFile(t testing.TB, rows [][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range append([][]string{importHeader}, rows...) {
		cells := make([]any, len(r))
		for k, v := range r {
			cells[k] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, cells); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// csvFile writes rows under the template's header as CSV, in GB18030 when
// gb is set (Excel's "CSV" on a Chinese Windows).
func csvFile(t testing.TB, rows [][]string, gb bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.WriteAll(append([][]string{importHeader}, rows...))
	if !gb {
		return buf.Bytes()
	}
	out, err := simplifiedchinese.GB18030.NewEncoder().Bytes(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// upload posts data as the multipart field file to path.
func upload(t testing.TB, path, key, name string, data []byte) apptest.Response {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	part, _ := mw.CreateFormFile("file", name)
	_, _ = part.Write(data)
	_ = mw.Close()
	return env.Do(t, "POST", path, key, body.Bytes(), "Content-Type", mw.FormDataContentType())
}

// importReport posts a file to the employee import and decodes its 200.
func importReport(t testing.TB, key, name string, data []byte, dry bool) map[string]any {
	t.Helper()
	r := upload(t, fmt.Sprintf("/api/v1/imports/employees?dry_run=%t", dry), key, name, data)
	if r.Status != 200 {
		t.Fatalf("import: %d %s", r.Status, r.Body)
	}
	return r.JSON(t)
}

// counts returns rows/created/updated/unchanged/failed of a report.
func counts(rep map[string]any) string {
	return fmt.Sprintf("rows=%v created=%v updated=%v unchanged=%v failed=%v",
		rep["rows"], rep["created"], rep["updated"], rep["unchanged"], rep["failed"])
}

// employeeCount counts the employees of tenant.
func employeeCount(t testing.TB, tenant string) int {
	t.Helper()
	var n []int
	env.Query(t, tenant, &n, `SELECT count(*) FROM employees WHERE tenant_id = $1`, tenant)
	return n[0]
}
