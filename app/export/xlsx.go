package export

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// XLSX writes the report as an Excel workbook: a 概要 sheet with the title
// block, then one sheet per section (header row, then its rows). Rows are
// streamed to excelize's StreamWriter, which keeps at most a small buffer
// in memory and spills to a temporary file; Close writes the workbook.
type XLSX struct {
	out  io.Writer
	f    *excelize.File
	sw   *excelize.StreamWriter
	bold int
	row  int
	seq  int
}

// NewXLSX returns an XLSX writer that writes the workbook to out on Close.
func NewXLSX(out io.Writer) *XLSX {
	return &XLSX{out: out, f: excelize.NewFile()}
}

// Begin writes the 概要 sheet.
func (x *XLSX) Begin(h Header) error {
	const first = "概要"
	if err := x.f.SetSheetName("Sheet1", first); err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	bold, err := x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	x.bold = bold
	if err := x.open(first, []float64{18, 40, 18, 24}); err != nil {
		return err
	}
	for _, rec := range headerRows(h) {
		if err := x.put(rec, 0); err != nil {
			return err
		}
	}
	return nil
}

// Section ends the current sheet and starts the section's sheet with its
// header row.
func (x *XLSX) Section(s Section) error {
	if err := x.flush(); err != nil {
		return err
	}
	if _, err := x.f.NewSheet(s.Sheet); err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	if err := x.open(s.Sheet, s.Widths); err != nil {
		return err
	}
	panes := &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}
	if err := x.sw.SetPanes(panes); err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	x.seq = 0
	h := make([]any, len(s.Header))
	for i, v := range s.Header {
		h[i] = v
	}
	return x.put(h, x.bold)
}

// Row writes one row of the current section.
func (x *XLSX) Row(r Row) error {
	x.seq++
	return x.put(r.Cells(x.seq), 0)
}

// Close finishes the last sheet and writes the workbook.
func (x *XLSX) Close() error {
	defer x.f.Close()
	if err := x.flush(); err != nil {
		return err
	}
	if err := x.f.Write(x.out); err != nil {
		return fmt.Errorf("export: xlsx: write: %w", err)
	}
	return nil
}

// open starts a stream on sheet with column widths.
func (x *XLSX) open(sheet string, widths []float64) error {
	sw, err := x.f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return fmt.Errorf("export: xlsx: %w", err)
		}
	}
	x.sw, x.row = sw, 0
	return nil
}

// put appends a row to the open sheet: ints as numbers, strings escaped.
func (x *XLSX) put(cells []any, style int) error {
	x.row++
	vals := make([]any, len(cells))
	for i, v := range cells {
		if s, ok := v.(string); ok {
			v = Escape(s)
		}
		vals[i] = excelize.Cell{StyleID: style, Value: v}
	}
	cell, err := excelize.CoordinatesToCellName(1, x.row)
	if err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	if err := x.sw.SetRow(cell, vals); err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	return nil
}

// flush ends the open sheet's stream.
func (x *XLSX) flush() error {
	if x.sw == nil {
		return nil
	}
	if err := x.sw.Flush(); err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	x.sw = nil
	return nil
}
