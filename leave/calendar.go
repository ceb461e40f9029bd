package leave

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// NoteUnloadedYear is the note a counting result carries when it touches a
// year with no official schedule loaded.
const NoteUnloadedYear = "该年度未载入官方节假日安排，按周一至周五计算"

// MaxLeaveDays bounds any day count the package accepts (ten years of days).
const MaxLeaveDays = 3660

// The calendar counts within years MinYear..MaxYear; outside them a date is
// rejected (year 1 would collide with the zero Date).
const (
	MinYear = 1900
	MaxYear = 9000
)

func inRange(d Date) bool { return !d.IsZero() && d.Year() >= MinYear && d.Year() <= MaxYear }

type dayKind uint8

const (
	dayDefault dayKind = iota // Monday–Friday work, weekend off
	dayOff                    // official holiday (放假)
	dayWork                   // make-up working day (调休上班)
)

// yearSchedule is one loaded year; never modified once in a Calendar.
type yearSchedule struct {
	kinds [367]dayKind   // by YearDay
	names map[int]string // by YearDay: 元旦, 春节...
}

// Calendar is the official China working-day calendar: weekends, holidays
// and make-up working days per loaded year. It is an immutable value: the
// With* methods return a new Calendar, so one can be shared by goroutines.
// The zero Calendar has no years loaded and counts Monday–Friday.
type Calendar struct {
	years map[int]*yearSchedule
}

// CalendarDay is one exception to the Monday–Friday week, in the format of
// the public holiday-cn data: {"name":"元旦","date":"2027-01-01","isOffDay":true}.
type CalendarDay struct {
	Name     string `json:"name,omitempty"`
	Date     Date   `json:"date"`
	IsOffDay bool   `json:"isOffDay"`
}

// Span is the result of counting working days: from Start (the first working
// day counted) to End inclusive. Note is set when a year had no schedule.
type Span struct {
	Start         Date   `json:"start"`
	End           Date   `json:"end"`
	WorkingDays   int    `json:"working_days"`
	UnloadedYears []int  `json:"unloaded_years,omitempty"`
	Note          string `json:"note,omitempty"`
}

// HasYear reports whether year y has an official schedule loaded.
func (c Calendar) HasYear(y int) bool { return c.years[y] != nil }

// IsWorkingDay reports whether d is an official working day.
func (c Calendar) IsWorkingDay(d Date) bool {
	k := c.at(d)
	return k.working()
}

// WorkingDaysBetween counts the working days from from to to, both
// included; 0 if to is before from or a date is outside MinYear..MaxYear.
func (c Calendar) WorkingDaysBetween(from, to Date) Span {
	s := Span{Start: from, End: to}
	if !inRange(from) || !inRange(to) || to.Before(from) {
		return s
	}
	k := c.at(from)
	for n := from.DaysUntil(to); ; n-- {
		if k.working() {
			s.WorkingDays++
		}
		if n == 0 {
			break
		}
		k.next()
	}
	return k.finish(s)
}

// AddWorkingDays returns the span of n working days beginning at start:
// start is day 1 if it is a working day, otherwise the first working day
// after it is. n must be 1..MaxLeaveDays.
func (c Calendar) AddWorkingDays(start Date, n int) (Span, error) {
	if !inRange(start) {
		return Span{}, fail(ErrInvalid, "start", "缺少开始日期或日期超出%d至%d年", MinYear, MaxYear)
	}
	if n < 1 || n > MaxLeaveDays {
		return Span{}, fail(ErrInvalid, "days", "天数应在1至%d之间", MaxLeaveDays)
	}
	k := c.at(start)
	for !k.working() {
		k.next()
	}
	s := Span{Start: k.date(), WorkingDays: 1}
	for s.WorkingDays < n {
		k.next()
		if k.working() {
			s.WorkingDays++
		}
	}
	s.End = k.date()
	if !inRange(s.End) {
		return Span{}, fail(ErrInvalid, "days", "结束日期超出%d年", MaxYear)
	}
	return k.finish(s), nil
}

// cursor walks day by day without converting dates back and forth.
type cursor struct {
	c        Calendar
	y, yd, n int // year, day of year, days in year
	wd       time.Weekday
	s        *yearSchedule
	unloaded []int
}

func (c Calendar) at(d Date) cursor {
	k := cursor{c: c, y: d.Year(), yd: d.YearDay(), wd: d.Weekday()}
	k.enterYear()
	return k
}

func (k *cursor) enterYear() {
	k.n = 365
	if NewDate(k.y, time.December, 31).YearDay() == 366 {
		k.n = 366
	}
	k.s = k.c.years[k.y]
	if k.s == nil {
		k.unloaded = append(k.unloaded, k.y)
	}
}

func (k *cursor) working() bool {
	if k.s != nil {
		switch k.s.kinds[k.yd] {
		case dayOff:
			return false
		case dayWork:
			return true
		}
	}
	return k.wd != time.Saturday && k.wd != time.Sunday
}

func (k *cursor) next() {
	k.yd++
	k.wd = (k.wd + 1) % 7
	if k.yd > k.n {
		k.y, k.yd = k.y+1, 1
		k.enterYear()
	}
}

func (k *cursor) date() Date { return NewDate(k.y, time.January, k.yd) }

func (k *cursor) finish(s Span) Span {
	if len(k.unloaded) == 0 {
		return s
	}
	s.UnloadedYears = k.unloaded
	ys := make([]string, len(k.unloaded))
	for i, y := range k.unloaded {
		ys[i] = strconv.Itoa(y)
	}
	s.Note = fmt.Sprintf("%s年：%s", strings.Join(ys, "、"), NoteUnloadedYear)
	return s
}
