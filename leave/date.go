// Package leave is LeaveGuard's pure domain of family leave: rule packs by
// jurisdiction, the official holiday calendar, leave entitlements, protected
// periods and dismissal verdicts. It takes facts and returns decisions with
// their reasons and legal basis; it does no I/O.
package leave

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"time"
)

// Date is a civil date (year, month, day) with no time zone. The zero value
// is "no date". All day arithmetic in LeaveGuard goes through Date.
type Date struct {
	t time.Time // always midnight UTC
}

// ErrBadDate is returned when a string is not a valid YYYY-MM-DD date.
var ErrBadDate = errors.New("leave: bad date")

// NewDate returns the date y-m-d; out-of-range values are normalised the way
// time.Date normalises them.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// ParseDate parses "YYYY-MM-DD" strictly (no normalisation of 02-30).
// "0001-01-01" is rejected: it is indistinguishable from the zero Date.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err == nil && t.IsZero() {
		err = ErrBadDate
	}
	if err != nil {
		return Date{}, fmt.Errorf("%w: %q", ErrBadDate, s)
	}
	return Date{t}, nil
}

// MustDate parses s and panics on error; for tests and constant tables.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the civil date of t in t's own location.
func DateOf(t time.Time) Date { return NewDate(t.Date()) }

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Year returns the year of d.
func (d Date) Year() int { return d.t.Year() }

// Month returns the month of d.
func (d Date) Month() time.Month { return d.t.Month() }

// Day returns the day of the month of d.
func (d Date) Day() int { return d.t.Day() }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.t.Weekday() }

// Time returns d as midnight UTC.
func (d Date) Time() time.Time { return d.t }

// AddDays returns d + n days.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// AddYears returns the same day n years later; 02-29 becomes 03-01 in a
// non-leap year.
func (d Date) AddYears(n int) Date { return Date{d.t.AddDate(n, 0, 0)} }

// AddYearsClamped returns the same day n years later; 02-29 becomes 02-28 in
// a non-leap year (民法典 第二百零二条: a period with no corresponding day ends
// on the last day of the month). Use it for birthdays and anniversaries.
func (d Date) AddYearsClamped(n int) Date { return d.addMonthsClamped(12 * n) }

// AddMonths returns the same day n months later, clamped to the last day of
// the target month (01-31 + 1 month = 02-28 or 02-29).
func (d Date) AddMonths(n int) Date { return d.addMonthsClamped(n) }

func (d Date) addMonthsClamped(n int) Date {
	first := NewDate(d.Year(), d.Month()+time.Month(n), 1)
	return NewDate(first.Year(), first.Month(), min(d.Day(), first.DaysInMonth()))
}

// FirstOfMonth returns the first day of d's month.
func (d Date) FirstOfMonth() Date { return NewDate(d.Year(), d.Month(), 1) }

// DaysInMonth returns the number of days in d's month.
func (d Date) DaysInMonth() int { return NewDate(d.Year(), d.Month()+1, 0).Day() }

// YearDay returns the day of the year of d, 1..366.
func (d Date) YearDay() int { return d.t.YearDay() }

// DaysUntil returns the number of days from d to e (e - d); negative if e is earlier.
func (d Date) DaysUntil(e Date) int { return int(e.t.Sub(d.t).Hours() / 24) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// Equal reports whether d and e are the same day.
func (d Date) Equal(e Date) bool { return d.t.Equal(e.t) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int { return d.t.Compare(e.t) }

// String formats d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// MarshalText implements encoding.TextMarshaler (JSON "YYYY-MM-DD").
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// Value implements driver.Valuer: a zero Date is SQL NULL.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.t, nil
}

// Scan implements sql.Scanner for DATE columns.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
	case time.Time:
		*d = NewDate(v.Date())
	case string:
		return d.UnmarshalText([]byte(v))
	case []byte:
		return d.UnmarshalText(v)
	default:
		return fmt.Errorf("leave: cannot scan %T into Date", src)
	}
	return nil
}
