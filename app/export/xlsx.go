package export

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// XLSX writes the report as an Excel workbook: a 概要 sheet with the title
// block, then one sheet per section (header row, then its rows). Counts and
// amounts are number cells, dates date cells. Rows are streamed to
// excelize's StreamWriter, which spills to a temporary file; Close writes
// the workbook.
type XLSX struct {
	out    io.Writer
	f      *excelize.File
	sw     *excelize.StreamWriter
	styles styles
	row    int
}

// styles are the cell styles: bold headers, dates, yuan.
type styles struct{ bold, day, money int }

// NewXLSX returns an XLSX writer that writes the workbook to out on Close.
func NewXLSX(out io.Writer) *XLSX {
	return &XLSX{out: out, f: excelize.NewFile()}
}

// Begin sets the document properties and writes the 概要 sheet.
func (x *XLSX) Begin(h Header) error {
	const first = "概要"
	if err := x.f.SetSheetName("Sheet1", first); err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	at := h.GeneratedAt.In(chinaTime).Format("2006-01-02T15:04:05-07:00")
	props := &excelize.DocProperties{Title: h.Title, Subject: h.TenantName + " " + date(h.From) + " 至 " + date(h.To),
		Creator: "LeaveGuard", LastModifiedBy: "LeaveGuard", Created: at, Modified: at, Language: "zh-CN"}
	if err := x.f.SetDocProps(props); err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	if err := x.newStyles(); err != nil {
		return err
	}
	if err := x.open(first, []float64{18, 40, 18, 30}); err != nil {
		return err
	}
	for _, rec := range h.Rows() {
		if err := x.Row(rec); err != nil {
			return err
		}
	}
	return nil
}

func (x *XLSX) newStyles() error {
	var err error
	add := func(s *excelize.Style) int {
		id, e := x.f.NewStyle(s)
		if e != nil && err == nil {
			err = e
		}
		return id
	}
	day, money := "yyyy-mm-dd", "0.00"
	x.styles = styles{bold: add(&excelize.Style{Font: &excelize.Font{Bold: true}}),
		day: add(&excelize.Style{CustomNumFmt: &day}), money: add(&excelize.Style{CustomNumFmt: &money})}
	if err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	return nil
}

// Section ends the current sheet and starts the section's sheet with its
// title row and header row.
func (x *XLSX) Section(s Section) error {
	if err := x.flush(); err != nil {
		return err
	}
	if _, err := x.f.NewSheet(s.Sheet); err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	widths := make([]float64, len(s.Columns))
	for i, c := range s.Columns {
		widths[i] = c.Width
	}
	if err := x.open(s.Sheet, widths); err != nil {
		return err
	}
	panes := &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}
	if err := x.sw.SetPanes(panes); err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	if err := x.put([]Cell{T(s.Title)}, x.styles.bold); err != nil {
		return err
	}
	return x.put(heads(s), x.styles.bold)
}

// Row writes one row of the current sheet.
func (x *XLSX) Row(cells []Cell) error { return x.put(cells, 0) }

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
