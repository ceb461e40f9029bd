package leave

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"sort"
	"strings"
	"time"
)

// NewCalendar returns a Calendar with the official 2024, 2025 and 2026
// schedules (国务院办公厅 notices, rules.md §6) built in.
func NewCalendar() Calendar {
	var days []CalendarDay
	for _, spec := range builtinSchedules() {
		ds, err := parseSchedule(spec)
		if err != nil {
			panic(err) // built-in data; a test keeps it valid
		}
		days = append(days, ds...)
	}
	return Calendar{}.WithDays(days)
}

// WithDays returns a copy of c with days merged in: every year that gets at
// least one day counts as loaded, and a later entry for a date wins.
func (c Calendar) WithDays(days []CalendarDay) Calendar {
	out := Calendar{years: maps.Clone(c.years), statutory: c.statutory}
	if out.years == nil {
		out.years = map[int]*yearSchedule{}
	}
	copied := map[int]bool{}
	for _, d := range days {
		if d.Date.IsZero() {
			continue
		}
		y := d.Date.Year()
		if !copied[y] {
			s := &yearSchedule{names: map[int]string{}}
			if old := out.years[y]; old != nil {
				s.kinds, s.names = old.kinds, maps.Clone(old.names)
			}
			out.years[y], copied[y] = s, true
		}
		s := out.years[y]
		s.kinds[d.Date.YearDay()] = dayWork
		if d.IsOffDay {
			s.kinds[d.Date.YearDay()] = dayOff
		}
		if d.Name != "" {
			s.names[d.Date.YearDay()] = d.Name
		}
	}
	return out
}

// WithJSON parses holiday data (see ParseHolidayJSON) and merges it into a
// copy of c.
func (c Calendar) WithJSON(data []byte) (Calendar, error) {
	days, err := ParseHolidayJSON(data)
	if err != nil {
		return c, err
	}
	return c.WithDays(days), nil
}

// ParseHolidayJSON parses a year's schedule in the holiday-cn format: either
// a list [{"name":"元旦","date":"2027-01-01","isOffDay":true}, ...] or a whole
// holiday-cn file {"year":2027,"days":[...]}.
func ParseHolidayJSON(data []byte) ([]CalendarDay, error) {
	var days []CalendarDay
	trimmed := bytes.TrimSpace(data)
	var err error
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var file struct {
			Days []CalendarDay `json:"days"`
		}
		err = json.Unmarshal(trimmed, &file)
		days = file.Days
	} else {
		err = json.Unmarshal(trimmed, &days)
	}
	if err != nil {
		return nil, fail(ErrInvalid, "calendar", "节假日数据格式错误：%v", err)
	}
	if len(days) == 0 {
		return nil, fail(ErrInvalid, "calendar", "节假日数据没有任何日期")
	}
	for i, d := range days {
		if d.Date.IsZero() {
			return nil, fail(ErrInvalid, "calendar", "第%d项缺少日期", i+1)
		}
	}
	return days, nil
}

// Days returns year y's loaded exceptions (holidays and make-up working
// days) in date order, and whether the year is loaded.
func (c Calendar) Days(y int) ([]CalendarDay, bool) {
	s := c.years[y]
	if s == nil {
		return nil, false
	}
	return s.days(y), true
}

// StatutoryDays returns year y's statutory holidays in date order, as
// counted when y has no official schedule; nil without WithStatutory or
// outside the years a statutory rule covers.
func (c Calendar) StatutoryDays(y int) []CalendarDay {
	if y < MinYear || y > MaxYear {
		return nil
	}
	return c.statutory.year(y).days(y)
}

func (s *yearSchedule) days(y int) []CalendarDay {
	if s == nil {
		return nil
	}
	var out []CalendarDay
	for yd := 1; yd <= 366; yd++ {
		if k := s.kinds[yd]; k != dayDefault {
			out = append(out, CalendarDay{Name: s.names[yd], Date: NewDate(y, time.January, yd), IsOffDay: k == dayOff})
		}
	}
	return out
}

// Years returns the loaded years in order.
func (c Calendar) Years() []int {
	out := make([]int, 0, len(c.years))
	for y := range c.years {
		out = append(out, y)
	}
	sort.Ints(out)
	return out
}

// builtinSchedules is rules.md §6, one line per year: "YYYY", then "off" or
// "work" switching the mode, a holiday name applying to the dates after it,
// and MM-DD dates or MM-DD..MM-DD ranges.
func builtinSchedules() []string {
	return []string{
		"2024 off 元旦 01-01 春节 02-10..02-17 清明节 04-04..04-06 劳动节 05-01..05-05 端午节 06-10 " +
			"中秋节 09-15..09-17 国庆节 10-01..10-07 " +
			"work 春节 02-04 02-18 清明节 04-07 劳动节 04-28 05-11 中秋节 09-14 国庆节 09-29 10-12",
		"2025 off 元旦 01-01 春节 01-28..02-04 清明节 04-04..04-06 劳动节 05-01..05-05 端午节 05-31..06-02 " +
			"国庆节、中秋节 10-01..10-08 " +
			"work 春节 01-26 02-08 劳动节 04-27 国庆节、中秋节 09-28 10-11",
		"2026 off 元旦 01-01..01-03 春节 02-15..02-23 清明节 04-04..04-06 劳动节 05-01..05-05 " +
			"端午节 06-19..06-21 中秋节 09-25..09-27 国庆节 10-01..10-07 " +
			"work 元旦 01-04 春节 02-14 02-28 劳动节 05-09 中秋节 09-20 国庆节 10-10",
	}
}

func parseSchedule(spec string) ([]CalendarDay, error) {
	f := strings.Fields(spec)
	if len(f) == 0 {
		return nil, fmt.Errorf("%w: empty schedule", ErrInvalid)
	}
	year, off, name := f[0], true, ""
	var out []CalendarDay
	for _, tok := range f[1:] {
		switch {
		case tok == "off" || tok == "work":
			off = tok == "off"
		case tok[0] < '0' || tok[0] > '9':
			name = tok
		default:
			from, to, _ := strings.Cut(tok, "..")
			if to == "" {
				to = from
			}
			a, err := ParseDate(year + "-" + from)
			if err != nil {
				return nil, err
			}
			b, err := ParseDate(year + "-" + to)
			if err != nil {
				return nil, err
			}
			for d := a; !d.After(b); d = d.AddDays(1) {
				out = append(out, CalendarDay{Name: name, Date: d, IsOffDay: off})
			}
		}
	}
	return out, nil
}
