package export

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

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

// put appends a row to the open sheet: counts and amounts as numbers,
// dates as date cells, text escaped.
func (x *XLSX) put(cells []Cell, style int) error {
	x.row++
	vals := make([]any, len(cells))
	for i, c := range cells {
		v := excelize.Cell{StyleID: style, Value: Escape(c.Text)}
		switch c.Kind {
		case Int:
			v.Value = c.N
		case Money:
			v.StyleID, v.Value = x.styles.money, float64(c.N)/100
		case Day:
			v.StyleID, v.Value = x.styles.day, time.Date(c.D.Year(), c.D.Month(), c.D.Day(), 0, 0, 0, 0, time.UTC)
		}
		vals[i] = v
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
