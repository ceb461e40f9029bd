package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlsxReader streams the rows of a workbook's first sheet (excelize's Rows
// iterator), raw: numbers and dates as stored, not as displayed.
type xlsxReader struct {
	f    *excelize.File
	rows *excelize.Rows
	row  int
}

// maxUnzipped bounds what a workbook may unpack to (a zip bomb stops here).
const maxUnzipped = 256 << 20

// openXLSX opens data as a workbook, refusing one with a formula anywhere.
func openXLSX(data []byte) (Reader, error) {
	if err := scanFormulas(data); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped})
	if err != nil {
		return nil, fail("file_format", "无法读取该 Excel 文件（文件损坏或不是 .xlsx）：请用 Excel 重新另存为 .xlsx 后再导入")
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, fail("file_empty", "工作簿中没有工作表")
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		f.Close()
		return nil, fail("file_format", "无法读取工作表「%s」：请用 Excel 重新另存为 .xlsx 后再导入", sheets[0])
	}
	return &xlsxReader{f: f, rows: rows}, nil
}

func (x *xlsxReader) Next() ([]string, int, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return nil, 0, fail("file_format", "读取 Excel 第 %d 行时出错：请用 Excel 重新另存为 .xlsx 后再导入", x.row+1)
		}
		return nil, 0, io.EOF
	}
	x.row++
	cells, err := x.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, 0, fail("file_format", "读取 Excel 第 %d 行时出错：请用 Excel 重新另存为 .xlsx 后再导入", x.row)
	}
	for i, v := range cells {
		cells[i] = strings.TrimSpace(v)
	}
	return cells, x.row, nil
}

func (x *xlsxReader) Close() error {
	x.rows.Close()
	return x.f.Close()
}

// scanFormulas reads every worksheet of the workbook and refuses the
// first cell holding a formula (<f>): its cached value would be imported
// while the formula (=HYPERLINK(...), say) travels on in the file. It
// scans bytes, not XML tokens: ten times faster, and an <f> outside a cell
// (a data validation's range) is refused too, which costs a user nothing.
func scanFormulas(data []byte) error {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fail("file_format", "无法读取该 Excel 文件（文件损坏或不是 .xlsx）：请用 Excel 重新另存为 .xlsx 后再导入")
	}
	for _, part := range z.File {
		if !strings.HasPrefix(part.Name, "xl/worksheets/") || !strings.HasSuffix(part.Name, ".xml") {
			continue
		}
		rc, err := part.Open()
		if err != nil {
			return fail("file_format", "无法读取该 Excel 文件（文件损坏）：请用 Excel 重新另存为 .xlsx 后再导入")
		}
		xml, err := io.ReadAll(io.LimitReader(rc, maxUnzipped+1))
		rc.Close()
		switch {
		case err != nil:
			return fail("file_format", "无法读取该 Excel 文件（文件损坏）：请用 Excel 重新另存为 .xlsx 后再导入")
		case len(xml) > maxUnzipped:
			return fail("file_too_large", "工作表解压后超过 %d MB 上限，请拆分为多个文件分别导入", maxUnzipped>>20)
		}
		if cell, ok := firstFormula(xml); ok {
			return fail("formula_in_cell", "单元格 %s 含有公式：为安全起见，导入不接受公式，请将其复制后“选择性粘贴为数值”再导入", cell)
		}
	}
	return nil
}

// formulaTag matches the start of an <f> element, with or without a
// namespace prefix.
var formulaTag = regexp.MustCompile(`<([A-Za-z0-9_]+:)?f[\s/>]`)

// cellRef matches the reference attribute of a cell element.
var cellRef = regexp.MustCompile(`<(?:[A-Za-z0-9_]+:)?c\s[^>]*\br="([A-Z]+[0-9]+)"`)

// firstFormula finds the first formula in a worksheet's XML and the cell
// it is in ("?" when that cannot be told).
func firstFormula(xml []byte) (string, bool) {
	loc := formulaTag.FindIndex(xml)
	if loc == nil {
		return "", false
	}
	start := max(0, loc[0]-4096)
	refs := cellRef.FindAllSubmatch(xml[start:loc[0]], -1)
	if len(refs) == 0 {
		return "?", true
	}
	return string(refs[len(refs)-1][1]), true
}
