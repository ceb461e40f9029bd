package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// bom makes Excel read the file as UTF-8 (it assumes the ANSI code page,
// GBK on Chinese Windows, otherwise).
const bom = "\uFEFF"

// CSV writes the report as one UTF-8 CSV file with a BOM and CRLF line
// ends: a title block, then each section as a title row, a header row and
// its rows, with a blank line between sections. Rows go out as they come.
type CSV struct {
	bw  *bufio.Writer
	w   *csv.Writer
	seq int
}

// NewCSV returns a CSV writer on w.
func NewCSV(w io.Writer) *CSV {
	bw := bufio.NewWriterSize(w, 32<<10)
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	return &CSV{bw: bw, w: cw}
}

// Begin writes the BOM and the report's title block.
func (c *CSV) Begin(h Header) error {
	if _, err := c.bw.WriteString(bom); err != nil {
		return fmt.Errorf("export: csv: %w", err)
	}
	for _, rec := range headerRows(h) {
		if err := c.record(rec); err != nil {
			return err
		}
	}
	return nil
}

// Section starts a section: a blank line, its title and its header row.
func (c *CSV) Section(s Section) error {
	c.seq = 0
	c.w.Flush()
	if _, err := c.bw.WriteString("\r\n"); err != nil {
		return fmt.Errorf("export: csv: %w", err)
	}
	if err := c.record([]any{s.Title}); err != nil {
		return err
	}
	h := make([]any, len(s.Header))
	for i, v := range s.Header {
		h[i] = v
	}
	return c.record(h)
}

// Row writes one row of the current section.
func (c *CSV) Row(r Row) error {
	c.seq++
	return c.record(r.Cells(c.seq))
}

// Close flushes everything written.
func (c *CSV) Close() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return fmt.Errorf("export: csv: %w", err)
	}
	if err := c.bw.Flush(); err != nil {
		return fmt.Errorf("export: csv: %w", err)
	}
	return nil
}

// record writes cells, escaping every text cell.
func (c *CSV) record(cells []any) error {
	rec := make([]string, len(cells))
	for i, v := range cells {
		rec[i] = text(v)
	}
	if err := c.w.Write(rec); err != nil {
		return fmt.Errorf("export: csv: %w", err)
	}
	return nil
}

// text is a cell as text: ints in decimal, strings escaped.
func text(v any) string {
	switch x := v.(type) {
	case int:
		return strconv.Itoa(x)
	case string:
		return Escape(x)
	}
	return Escape(fmt.Sprint(v))
}

// headerRows is the report's title block, shared by CSV and XLSX.
func headerRows(h Header) [][]any {
	return [][]any{
		{"劳动保障合规报告（女职工特殊保护）"},
		{"单位名称", h.TenantName, "统一社会信用代码", h.CreditCode},
		{"报告期间", date(h.From) + " 至 " + date(h.To), "生成时间", h.GeneratedAt.Format("2006-01-02 15:04:05")},
	}
}
