package export

import (
	"strconv"
	"time"

	"leaveguard/leave"
)

// Header is what the report is about: its title, the employer, the period
// and when it was generated (in Beijing time, shown with its offset).
type Header struct {
	Title       string
	TenantName  string
	CreditCode  string
	From, To    leave.Date
	GeneratedAt time.Time
}

// Rows is the report's title block, the same in every format.
func (h Header) Rows() [][]Cell {
	return [][]Cell{
		{T(h.Title)},
		{T("单位名称"), T(h.TenantName), T("统一社会信用代码"), T(h.CreditCode)},
		{T("报告期间"), T(date(h.From) + " 至 " + date(h.To)), T("生成时间"), T(Stamp(h.GeneratedAt))},
	}
}

// Stamp is a time in Beijing time with its offset: "2026-04-01 09:30:00 +08:00".
func Stamp(t time.Time) string {
	return t.In(chinaTime).Format("2006-01-02 15:04:05 -07:00")
}

var chinaTime = time.FixedZone("CST", 8*3600)

// Column is one column of a section: its header and width (characters).
type Column struct {
	Name  string
	Width float64
}

// Section is one part of the report: an XLSX sheet, a block of the CSV,
// a table of the PDF.
type Section struct {
	Sheet   string // sheet name (at most 31 characters)
	Title   string // heading
	Columns []Column
}

// Kind is how a cell is typed in a spreadsheet.
type Kind int

// Kinds of cell.
const (
	Text  Kind = iota
	Int        // a count
	Day        // a date
	Money      // fen, shown as yuan
)

// Cell is one typed value of a row; Text is how every format shows it.
type Cell struct {
	Kind Kind
	Text string
	N    int64      // Int: the count; Money: fen
	D    leave.Date // Day
	Flag bool       // a finding: shown in red in the PDF
}

// T is a text cell.
func T(s string) Cell { return Cell{Kind: Text, Text: s} }

// F is a flagged text cell (a finding), empty when s is.
func F(s string) Cell { return Cell{Kind: Text, Text: s, Flag: s != ""} }

// N is a count.
func N(n int) Cell { return Cell{Kind: Int, Text: strconv.Itoa(n), N: int64(n)} }

// D is a date; the zero Date is an empty cell.
func D(d leave.Date) Cell {
	if d.IsZero() {
		return T("")
	}
	return Cell{Kind: Day, Text: d.String(), D: d}
}

// Y is an amount of fen shown as yuan.
func Y(fen int64) Cell { return Cell{Kind: Money, Text: Yuan(fen), N: fen} }

// Writer receives the report: the header, then each section followed by its
// rows, then Close.
type Writer interface {
	Begin(h Header) error
	Section(s Section) error
	Row(cells []Cell) error
	Close() error
}

// date is YYYY-MM-DD, or "" for the zero Date.
func date(d leave.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// Yuan formats fen as yuan with two decimals and no separators, so a
// spreadsheet reads it as a number: 3792000 → "37920.00". Integer
// arithmetic only.
func Yuan(fen int64) string {
	u, sign := uint64(fen), ""
	if fen < 0 {
		u, sign = -u, "-"
	}
	c := u % 100
	return sign + strconv.FormatUint(u/100, 10) + "." + string([]byte{byte('0' + c/10), byte('0' + c%10)})
}
