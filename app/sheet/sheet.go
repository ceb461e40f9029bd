// Package sheet reads the spreadsheets employers upload: CSV (UTF-8 with or
// without a BOM, or GB18030 as Excel in China saves it) and XLSX, row by
// row, streamed. It refuses what must not be imported at all (an unknown
// format, an oversized or empty file, a formula in a cell, headers other
// than the template's) with a stable code and a Chinese message.
package sheet

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// MaxBytes is the largest file accepted (a 10,000-row XLSX is about 0.5 MB,
// its CSV about 1 MB).
const MaxBytes = 8 << 20

// MaxRows is the most data rows one file may hold.
const MaxRows = 50_000

// Error is a refusal of the whole file.
type Error struct {
	Code    string
	Message string
}

// Error implements error.
func (e *Error) Error() string { return e.Code }

func fail(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Reader yields a sheet's rows, the header first.
type Reader interface {
	// Next returns the next row's cells (trimmed) and its spreadsheet row
	// number (the header is row 1); io.EOF after the last row.
	Next() ([]string, int, error)
	Close() error
}

// Open returns a reader over data, an uploaded file named name, telling
// CSV from XLSX by its content.
func Open(name string, data []byte) (Reader, error) {
	switch {
	case len(data) > MaxBytes:
		return nil, fail("file_too_large", "文件超过 %d MB 上限，请拆分为多个文件分别导入", MaxBytes>>20)
	case len(bytes.TrimSpace(bytes.TrimPrefix(data, bom))) == 0:
		return nil, fail("file_empty", "文件是空的：请在模板的表头下填写员工信息后再导入")
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return openXLSX(data)
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0")):
		return nil, fail("file_format", "不支持 Excel 97-2003（.xls）格式或加密的工作簿，请在 Excel 中另存为 .xlsx 或 CSV 后再导入")
	case bytes.IndexByte(data[:min(len(data), 8192)], 0) >= 0 || strings.HasSuffix(strings.ToLower(name), ".pdf"):
		return nil, fail("file_format", "无法识别的文件格式：请上传 .xlsx 或 .csv 文件（可下载导入模板）")
	}
	return openCSV(data), nil
}

// Check reads r through: the header must be want (in order) and no cell
// may hold a formula. It returns the number of data rows that are not
// blank.
func Check(r Reader, want []string) (int, error) {
	header, _, err := r.Next()
	if err == io.EOF {
		return 0, fail("file_empty", "文件是空的：请在模板的表头下填写员工信息后再导入")
	}
	if err != nil {
		return 0, err
	}
	if err := CheckHeader(header, want); err != nil {
		return 0, err
	}
	n := 0
	for {
		cells, row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, err
		}
		if Blank(cells) {
			continue
		}
		if n++; n > MaxRows {
			return 0, fail("too_many_rows", "文件超过 %d 行数据，请拆分为多个文件分别导入", MaxRows)
		}
		for i, v := range cells {
			if Formula(v) {
				return 0, fail("formula_in_cell", "第 %d 行第 %d 列（%s）的内容以 = + - @ 开头，可能是公式：为安全起见，导入不接受公式，请粘贴为数值或文字后再导入", row, i+1, column(want, i))
			}
		}
	}
	if n == 0 {
		return 0, fail("file_empty", "文件只有表头，没有员工数据：请在表头下逐行填写后再导入")
	}
	return n, nil
}

// CheckHeader compares the header row with the template's, in order.
func CheckHeader(got, want []string) error {
	for i, w := range want {
		g := ""
		if i < len(got) {
			g = normal(got[i])
		}
		if g != normal(w) {
			return fail("header_mismatch", "表头第 %d 列应为「%s」，文件中是「%s」：请使用导入模板的表头和列顺序（可下载模板）", i+1, w, g)
		}
	}
	for i := len(want); i < len(got); i++ {
		if normal(got[i]) != "" {
			return fail("header_mismatch", "表头第 %d 列「%s」不在模板中：请使用导入模板的表头和列顺序（可下载模板）", i+1, got[i])
		}
	}
	return nil
}

// normal folds half-width parentheses and spaces, which Excel users mix.
func normal(s string) string {
	s = strings.NewReplacer("(", "（", ")", "）", " ", "", "\u3000", "").Replace(s)
	return strings.TrimSuffix(s, "*")
}

// Formula reports a cell that a spreadsheet would run as a formula (OWASP
// CSV injection): it starts with = + - or @ and is not a plain number.
func Formula(v string) bool {
	if v == "" || !strings.ContainsRune("=+-@", rune(v[0])) {
		return false
	}
	for i, r := range v[1:] {
		if (r < '0' || r > '9') && !(r == '.' && i > 0) {
			return true
		}
	}
	return len(v) == 1
}

// Blank reports a row with no cell filled in.
func Blank(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

func column(names []string, i int) string {
	if i < len(names) {
		return names[i]
	}
	return "模板外的列"
}
