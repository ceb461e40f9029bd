package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
)

// bom makes Excel read the file as UTF-8 (it assumes the ANSI code page,
// GBK on Chinese Windows, otherwise).
const bom = "\uFEFF"

// CSV writes the report as one UTF-8 CSV file with a BOM and CRLF line
// ends: the title block, then each section as a title row, a header row and
// its rows, with a blank line between sections. Rows go out as they come.
type CSV struct {
	bw *bufio.Writer
	w  *csv.Writer
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
	for _, rec := range h.Rows() {
		if err := c.Row(rec); err != nil {
			return err
		}
	}
	return nil
}

// Section starts a section: a blank line, its title and its header row.
func (c *CSV) Section(s Section) error {
	c.w.Flush()
	if _, err := c.bw.WriteString("\r\n"); err != nil {
		return fmt.Errorf("export: csv: %w", err)
	}
	if err := c.Row([]Cell{T(s.Title)}); err != nil {
		return err
	}
	return c.Row(heads(s))
}

// Row writes one row, escaping every text cell.
func (c *CSV) Row(cells []Cell) error {
	rec := make([]string, len(cells))
	for i, v := range cells {
		rec[i] = v.Text
		if v.Kind == Text {
			rec[i] = Escape(v.Text)
		}
	}
	if err := c.w.Write(rec); err != nil {
		return fmt.Errorf("export: csv: %w", err)
	}
	return nil
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

// heads is a section's header row.
func heads(s Section) []Cell {
	h := make([]Cell, len(s.Columns))
	for i, c := range s.Columns {
		h[i] = T(c.Name)
	}
	return h
}
