package portal_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"leaveguard/app/pii"
)

var importHeader = []string{"员工编号", "姓名", "性别", "身份证号", "入职日期", "劳动合同到期日", "月工资（元）", "参加生育保险", "部门", "工作地区"}

func importRow(ext string) []string {
	n := int(seq.Add(1))
	id := pii.MakeNationalID("150525", fmt.Sprintf("1988%02d%02d", n%12+1, n%28+1), (n%500)*2)
	return []string{ext, "萨仁", "女", id, "2021/4/1", "", "7200", "是", "财务部", "兴安盟"}
}

// upload posts a multipart form (the CSRF token of the page at from, the
// fields, and data as the field file) to path.
func (b *browser) upload(from, path, name string, data []byte, fields map[string]string) page {
	b.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("_csrf", b.csrf(from))
	for k, v := range fields {
		_ = mw.WriteField(k, v)
	}
	part, _ := mw.CreateFormFile("file", name)
	_, _ = part.Write(data)
	_ = mw.Close()
	req := httptest.NewRequest("POST", path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	for k, v := range b.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	resp, err := b.app.Test(req, 30000)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return page{Status: resp.StatusCode, Header: resp.Header, Body: string(raw)}
}

// TestImportPage: 导入 on the employee list; a dry run shows the row report
// with ID numbers masked and stores nothing; a real import of a GB18030 CSV
// runs with a progress page and is kept in the history with who did it;
// a formula is refused; another tenant cannot see the import.
func TestImportPage(t *testing.T) {
	env.SetToday(t, "2026-12-07")
	b := admin(t, 0)
	mustHave(t, "employee list", b.get("/employees"), 200, `href="/imports"`, "导入")
	mustHave(t, "import page", b.get("/imports"), 200, "下载导入模板", "检查（不保存）", `enctype="multipart/form-data"`)
	tpl := b.get("/imports/employees/template.xlsx")
	if tpl.Status != 200 || !strings.HasPrefix(tpl.Body, "PK") {
		t.Fatalf("template: %d", tpl.Status)
	}

	good, bad := importRow("PI-1"), importRow("PI-2")
	bad[3] = bad[3][:17] + map[bool]string{true: "1", false: "2"}[bad[3][17] != '1'] // wrong check digit
	f := excelize.NewFile()
	for i, r := range [][]string{importHeader, good, bad} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		row := make([]any, len(r))
		for k, v := range r {
			row[k] = v
		}
		_ = f.SetSheetRow("Sheet1", cell, &row)
	}
	var xlsx bytes.Buffer
	_ = f.Write(&xlsx)
	dry := b.upload("/imports", "/imports/employees", "核对.xlsx", xlsx.Bytes(), map[string]string{"mode": "dry"})
	mustHave(t, "dry run", dry, 200, "试运行（未保存）：共 2 行：新建 1", "第 3 行", "身份证号校验位错误", bad[3][:6]+"********"+bad[3][14:])
	if strings.Contains(dry.Body, bad[3]) {
		t.Fatal("the report shows a full ID number")
	}
	if p := b.get("/employees?q=PI-1"); strings.Contains(p.Body, ">PI-1<") {
		t.Fatal("a dry run stored an employee")
	}

	var text bytes.Buffer
	w := csv.NewWriter(&text)
	_ = w.WriteAll([][]string{importHeader, good, importRow("PI-3")})
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes(text.Bytes())
	run := b.upload("/imports", "/imports/employees", "门户导入.csv", gb, map[string]string{"mode": "import"})
	if run.Status != 303 || !strings.HasPrefix(run.Header.Get("Location"), "/imports/") {
		t.Fatalf("import: %d %s", run.Status, excerpt(run.Body))
	}
	at := run.Header.Get("Location")
	var done page
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if done = b.get(at); !strings.Contains(done.Body, "data-reload-after") {
			break
		}
	}
	mustHave(t, "import done", done, 200, "导入完成：共 2 行，新建 2", "门户导入.csv")
	mustHave(t, "imported", b.get("/employees?q=PI-3"), 200, ">萨仁<")
	hist := b.get("/imports")
	row := regexp.MustCompile(`(?s)<tr data-testid="import-entry">.*?门户导入.csv.*?</tr>`).FindString(hist.Body)
	if !strings.Contains(row, "完成") || !strings.Contains(row, "<td class=\"num\">2</td>") {
		t.Fatalf("history row: %s", row)
	}
	if other := admin(t, 1).get(at); other.Status != 404 {
		t.Fatalf("another tenant sees the import: %d", other.Status)
	}

	family := "员工编号,事件,日期,预产期,胎次,胎数,难产,死产数,假期类型,天数\nPI-3,怀孕,2026-11-02,2027-06-01,,,,,,\nPI-404,结婚,2026-05-01,,,,,,,\n"
	fam := b.upload("/imports", "/imports/family", "家庭.csv", []byte(family), map[string]string{"mode": "import"})
	mustHave(t, "family import", fam, 200, "导入结果", "已导入共 2 行：新建 1", "第 3 行", "未找到该员工编号")

	formula := strings.Replace(text.String(), "萨仁", `=HYPERLINK("http://evil.example","萨仁")`, 1)
	refused := b.upload("/imports", "/imports/employees", "公式.csv", []byte(formula), map[string]string{"mode": "import"})
	mustHave(t, "formula", refused, 400, "可能是公式", `data-testid="import-refused"`)
	if strings.Contains(b.get("/imports").Body, "公式.csv") {
		t.Fatal("a refused file is in the history")
	}
}
