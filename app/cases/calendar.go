package cases

import (
	"fmt"
	"time"

	"leaveguard/leave"
)

// CalendarYear is one year of the holiday calendar and what it counts with.
type CalendarYear struct {
	Year   int
	Source leave.YearSource
}

// CalendarYears returns the calendar from last year to two years ahead of
// today.
func (c *Cases) CalendarYears(today leave.Date) []CalendarYear {
	out := make([]CalendarYear, 0, 4)
	for y := today.Year() - 1; y <= today.Year()+2; y++ {
		out = append(out, CalendarYear{Year: y, Source: c.Calendar.Source(y)})
	}
	return out
}

// CalendarNotice warns that next year's official schedule is not loaded.
type CalendarNotice struct {
	Year    int
	Title   string
	Message string
}

// importCommand is how an administrator loads a year's schedule.
const importCommand = "leaveguard calendar import FILE"

// NextYearNotice returns the warning due from 1 December when next year
// has no official schedule (the 国务院办公厅 notice usually comes out in
// November), or nil.
func (c *Cases) NextYearNotice(today leave.Date) *CalendarNotice {
	next := today.Year() + 1
	if today.Month() != time.December || c.Calendar.HasYear(next) {
		return nil
	}
	return &CalendarNotice{Year: next,
		Title: fmt.Sprintf("%d年官方放假安排未载入", next),
		Message: fmt.Sprintf("%d年目前仅按法定节假日计算工作日，调休上班日未知。国务院办公厅公布安排后，请在服务器上运行 %s 导入"+
			"（格式见 docs/samples/calendar-2026.json），然后重启服务。", next, importCommand)}
}
