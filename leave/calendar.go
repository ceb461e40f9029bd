package leave

import (
	"strconv"
	"strings"
	"time"
)

// NoteUnloadedYear is the note a counting result carries when it touches a
// year with no official schedule loaded and no statutory holidays known.
const NoteUnloadedYear = "该年度未载入官方节假日安排，按周一至周五计算"

// NoteStatutoryYear is the note a counting result carries when it touches a
// year with no official schedule loaded, counted with its statutory holidays.
const NoteStatutoryYear = "该年度未载入官方放假安排，仅按法定节假日计算，调休上班日未知"

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

// yearSchedule is one year's exceptions to the Monday–Friday week; never
// modified once in a Calendar.
type yearSchedule struct {
	kinds [367]dayKind   // by YearDay
	names map[int]string // by YearDay: 元旦, 春节...
	note  string         // statutory holidays only: the note naming the rule; "" for an official schedule
}

// Calendar is the official China working-day calendar: weekends, holidays
// and make-up working days per loaded year; with WithStatutory, a year
// without a schedule has its statutory holidays. It is an immutable value:
// the With* methods return a new Calendar, so one can be shared by
// goroutines. The zero Calendar has no years loaded and counts Monday–Friday.
type Calendar struct {
	years     map[int]*yearSchedule
	statutory *statutory // nil: years without a schedule count Monday–Friday
}

// CalendarDay is one exception to the Monday–Friday week, in the format of
// the public holiday-cn data: {"name":"元旦","date":"2027-01-01","isOffDay":true}.
type CalendarDay struct {
	Name     string `json:"name,omitempty"`
	Date     Date   `json:"date"`
	IsOffDay bool   `json:"isOffDay"`
}

// Span is the result of counting working days: from Start (the first working
// day counted) to End inclusive. UnloadedYears are the years counted without
// an official schedule; StatutoryYears, those of them counted with their
// statutory holidays (调休 unknown). Note says so in Chinese.
type Span struct {
	Start          Date   `json:"start"`
	End            Date   `json:"end"`
	WorkingDays    int    `json:"working_days"`
	UnloadedYears  []int  `json:"unloaded_years,omitempty"`
	StatutoryYears []int  `json:"statutory_years,omitempty"`
	Note           string `json:"note,omitempty"`
}

// YearSource is what a year is counted with.
type YearSource string

// The sources of a year.
const (
	YearOfficial  YearSource = "official"  // an official schedule, built in or imported
	YearStatutory YearSource = "statutory" // statutory holidays only; 调休 unknown
	YearWeekdays  YearSource = "weekdays"  // Monday–Friday only
)

// HasYear reports whether year y has an official schedule loaded.
func (c Calendar) HasYear(y int) bool { return c.years[y] != nil }

// Source reports what year y is counted with.
func (c Calendar) Source(y int) YearSource {
	switch {
	case c.years[y] != nil:
		return YearOfficial
	case c.statutory.year(y) != nil:
		return YearStatutory
	}
	return YearWeekdays
}

// IsWorkingDay reports whether d is a working day: by its year's official
// schedule, else by its statutory holidays, else Monday–Friday.
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
	notes    []yearNote
}

// yearNote is a year counted without an official schedule: s holds its
// statutory holidays, nil when it counts Monday–Friday.
type yearNote struct {
	year int
	s    *yearSchedule
}

// text is the note's message.
func (n yearNote) text() string {
	if n.s == nil {
		return NoteUnloadedYear
	}
	return n.s.note
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
	if k.s != nil {
		return
	}
	k.unloaded = append(k.unloaded, k.y)
	k.s = k.c.statutory.year(k.y)
	k.notes = append(k.notes, yearNote{k.y, k.s})
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

// finish adds the years counted without an official schedule and a note
// grouping the years by message: "2027、2028年：…".
func (k *cursor) finish(s Span) Span {
	if len(k.notes) == 0 {
		return s
	}
	s.UnloadedYears = k.unloaded
	var b strings.Builder
	for i, n := range k.notes {
		if n.s != nil {
			s.StatutoryYears = append(s.StatutoryYears, n.year)
		}
		if i > 0 && k.notes[i-1].text() == n.text() {
			continue // shown with the previous year's group
		}
		if i > 0 {
			b.WriteString("；")
		}
		for j := i; j < len(k.notes) && k.notes[j].text() == n.text(); j++ {
			if j > i {
				b.WriteString("、")
			}
			b.WriteString(strconv.Itoa(k.notes[j].year))
		}
		b.WriteString("年：")
		b.WriteString(n.text())
	}
	s.Note = b.String()
	return s
}
