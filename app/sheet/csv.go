package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

var bom = []byte("\xEF\xBB\xBF")

// csvReader reads CSV records; a record is a spreadsheet row.
type csvReader struct {
	r   *csv.Reader
	row int
}

// openCSV reads data as UTF-8 (a leading BOM dropped) when it is valid
// UTF-8, else as GB18030 (Excel's "CSV" in a Chinese Windows).
func openCSV(data []byte) Reader {
	var src io.Reader = bytes.NewReader(bytes.TrimPrefix(data, bom))
	if !bytes.HasPrefix(data, bom) && !utf8.Valid(data) {
		src = transform.NewReader(src, simplifiedchinese.GB18030.NewDecoder())
	}
	r := csv.NewReader(src)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	return &csvReader{r: r}
}

func (c *csvReader) Next() ([]string, int, error) {
	rec, err := c.r.Read()
	if err == io.EOF {
		return nil, 0, io.EOF
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return nil, 0, fail("file_format", "CSV 第 %d 行格式有误（引号或分隔符不匹配）：请用 Excel 另存为 CSV 或 .xlsx 后再导入", pe.Line)
	}
	if err != nil {
		return nil, 0, err
	}
	c.row++
	for i, v := range rec {
		if strings.ContainsRune(v, 0) {
			return nil, 0, fail("file_format", "CSV 第 %d 行含有无法保存的空字符（NUL）：请用 Excel 另存为 CSV 或 .xlsx 后再导入", c.row)
		}
		rec[i] = strings.TrimSpace(v)
	}
	return rec, c.row, nil
}

func (c *csvReader) Close() error { return nil }
