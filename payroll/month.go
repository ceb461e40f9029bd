package payroll

import (
	"errors"
	"fmt"
	"time"

	"leaveguard/leave"
)

// Month is a calendar month (YYYY-MM) with no time zone. The zero value is
// "no month". Months are comparable and usable as map keys.
type Month struct {
	y int
	m time.Month
}

// ErrBadMonth is returned when a string is not a valid YYYY-MM month.
var ErrBadMonth = errors.New("payroll: bad month")

// NewMonth returns the month y-m; out-of-range m is normalised (month 13 of
// 2024 is 2025-01).
func NewMonth(y int, m time.Month) Month {
	i := y*12 + int(m) - 1
	return monthIndex(i)
}

// MonthOf returns the month containing d.
func MonthOf(d leave.Date) Month { return Month{d.Year(), d.Month()} }

// ParseMonth parses "YYYY-MM" strictly.
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return Month{}, fmt.Errorf("%w: %q", ErrBadMonth, s)
	}
	return Month{t.Year(), t.Month()}, nil
}

// MustMonth parses s and panics on error; for tests and constant tables.
func MustMonth(s string) Month {
	m, err := ParseMonth(s)
	if err != nil {
		panic(err)
	}
	return m
}

func monthIndex(i int) Month {
	y, r := i/12, i%12
	if r < 0 {
		y, r = y-1, r+12
	}
	return Month{y, time.Month(r + 1)}
}

func (mo Month) index() int { return mo.y*12 + int(mo.m) - 1 }

// IsZero reports whether mo is the zero Month.
func (mo Month) IsZero() bool { return mo.m == 0 }

// Year returns the year of mo.
func (mo Month) Year() int { return mo.y }

// Month returns the month of the year of mo.
func (mo Month) Month() time.Month { return mo.m }

// AddMonths returns mo + n months.
func (mo Month) AddMonths(n int) Month { return monthIndex(mo.index() + n) }

// First returns the first day of mo.
func (mo Month) First() leave.Date { return leave.NewDate(mo.y, mo.m, 1) }

// Last returns the last day of mo.
func (mo Month) Last() leave.Date { return leave.NewDate(mo.y, mo.m+1, 0) }

// Days returns the number of days in mo (28 to 31).
func (mo Month) Days() int { return mo.Last().Day() }

// Compare returns -1, 0 or +1 as mo is before, equal to or after o.
func (mo Month) Compare(o Month) int {
	a, b := mo.index(), o.index()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether mo is before o.
func (mo Month) Before(o Month) bool { return mo.Compare(o) < 0 }

// String formats mo as YYYY-MM, or "" for the zero Month.
func (mo Month) String() string {
	if mo.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", mo.y, int(mo.m))
}

// MarshalText implements encoding.TextMarshaler (JSON "YYYY-MM").
func (mo Month) MarshalText() ([]byte, error) { return []byte(mo.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (mo *Month) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*mo = Month{}
		return nil
	}
	p, err := ParseMonth(string(b))
	if err != nil {
		return err
	}
	*mo = p
	return nil
}

// MonthDays is a number of days falling in one month.
type MonthDays struct {
	Month Month `json:"month"`
	Days  int   `json:"days"`
}

// ErrBadInterval is returned when an interval ends before it starts or has
// a zero date.
var ErrBadInterval = errors.New("payroll: bad date interval")

// SplitByMonth splits the calendar-day interval start..end (both inclusive)
// into per-month day counts, in month order. 2024-01-20..2024-03-10 gives
// 2024-01: 12, 2024-02: 29, 2024-03: 10.
func SplitByMonth(start, end leave.Date) ([]MonthDays, error) {
	if start.IsZero() || end.IsZero() || end.Before(start) {
		return nil, fmt.Errorf("split %s..%s: %w", start, end, ErrBadInterval)
	}
	var out []MonthDays
	for mo := MonthOf(start); !MonthOf(end).Before(mo); mo = mo.AddMonths(1) {
		out = append(out, MonthDays{mo, overlapDays(start, end, mo)})
	}
	return out, nil
}

// overlapDays returns how many days of start..end (inclusive) fall in mo.
func overlapDays(start, end leave.Date, mo Month) int {
	a, b := mo.First(), mo.Last()
	if start.After(a) {
		a = start
	}
	if end.Before(b) {
		b = end
	}
	if b.Before(a) {
		return 0
	}
	return a.DaysUntil(b) + 1
}
