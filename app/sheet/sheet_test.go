package sheet

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

var header = []string{"员工编号", "姓名", "月工资（元）"}

func readAll(t *testing.T, name string, data []byte) ([][]string, []int) {
	t.Helper()
	r, err := Open(name, data)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer r.Close()
	var rows [][]string
	var nums []int
	for {
		cells, n, err := r.Next()
		if err == io.EOF {
			return rows, nums
		}
		if err != nil {
			t.Fatalf("next: %v", err)
		}
		rows, nums = append(rows, cells), append(nums, n)
	}
}

func TestCSVEncodings(t *testing.T) {
	text := "员工编号,姓名,月工资（元）\nE1, 乌兰 ,8500.5\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"utf8": []byte(text), "bom": append([]byte("\xEF\xBB\xBF"), text...), "gb18030": []byte(gb),
	} {
		t.Run(name, func(t *testing.T) {
			rows, nums := readAll(t, "a.csv", data)
			if len(rows) != 2 || rows[0][0] != "员工编号" || rows[1][1] != "乌兰" || nums[1] != 2 {
				t.Fatalf("rows %q nums %v", rows, nums)
			}
		})
	}
}

func TestXLSXRowNumbersKeepGaps(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"员工编号", "姓名", "月工资（元）"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"E1", "乌兰", 8500.5})
	f.SetSheetRow("Sheet1", "A5", &[]any{"E2", "其其格", 9000})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	rows, nums := readAll(t, "a.xlsx", buf.Bytes())
	last := len(rows) - 1
	if rows[last][0] != "E2" || nums[last] != 5 || rows[1][2] != "8500.5" {
		t.Fatalf("rows %q nums %v", rows, nums)
	}
}

func TestRefusals(t *testing.T) {
	withFormula := excelize.NewFile()
	withFormula.SetSheetRow("Sheet1", "A1", &[]any{"员工编号", "姓名", "月工资（元）"})
	withFormula.SetCellFormula("Sheet1", "B2", `HYPERLINK("http://evil.example","点我")`)
	var xf bytes.Buffer
	withFormula.Write(&xf)
	cases := []struct {
		name, file string
		data       []byte
		code       string
	}{
		{"empty", "a.csv", nil, "file_empty"},
		{"bomOnly", "a.csv", []byte("\xEF\xBB\xBF \n"), "file_empty"},
		{"headerOnly", "a.csv", []byte("员工编号,姓名,月工资（元）\n"), "file_empty"},
		{"tooLarge", "a.csv", bytes.Repeat([]byte("a"), MaxBytes+1), "file_too_large"},
		{"xls", "a.xls", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), "file_format"},
		{"binary", "a.png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "file_format"},
		{"brokenZip", "a.xlsx", []byte("PK\x03\x04broken"), "file_format"},
		{"xlsxFormula", "a.xlsx", xf.Bytes(), "formula_in_cell"},
		{"csvFormula", "a.csv", []byte("员工编号,姓名,月工资（元）\nE1,\"=HYPERLINK(\"\"http://x\"\")\",1\n"), "formula_in_cell"},
		{"csvAt", "a.csv", []byte("员工编号,姓名,月工资（元）\nE1,@SUM(A1),1\n"), "formula_in_cell"},
		{"csvPlus", "a.csv", []byte("员工编号,姓名,月工资（元）\nE1,+cmd|' /C calc'!A0,1\n"), "formula_in_cell"},
		{"order", "a.csv", []byte("姓名,员工编号,月工资（元）\nE1,乌兰,1\n"), "header_mismatch"},
		{"extra", "a.csv", []byte("员工编号,姓名,月工资（元）,备注\nE1,乌兰,1,x\n"), "header_mismatch"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Open(tc.file, tc.data)
			if err == nil {
				_, err = Check(r, header)
				r.Close()
			}
			var se *Error
			if !errors.As(err, &se) || se.Code != tc.code || !strings.ContainsAny(se.Message, "请文件") {
				t.Fatalf("err %v, want %s", err, tc.code)
			}
		})
	}
}

func TestCheckAccepts(t *testing.T) {
	r, _ := Open("a.csv", []byte("员工编号,姓名,月工资(元)\nE1,乌兰,-100\n,,\nE2,其其格,8500\n"))
	n, err := Check(r, header)
	if err != nil || n != 2 {
		t.Fatalf("n %d err %v", n, err)
	}
}

func TestFormula(t *testing.T) {
	for v, want := range map[string]bool{"": false, "-100": false, "-1.5": false, "+86": false, "-": true,
		"=1+1": true, "@A1": true, "-2+3": true, "乌兰": false, "a=b": false} {
		if Formula(v) != want {
			t.Errorf("Formula(%q) = %v", v, !want)
		}
	}
}
