package cases

import (
	"leaveguard/leave"
	"leaveguard/payroll"
	"leaveguard/store"
)

// leaveMonths returns the days of an approved leave falling in each month
// from..to (inclusive): calendar-day leave is split with
// payroll.SplitByMonth; working-day leave counts the official working days
// of the leave clipped to each month (holidays skipped, make-up days
// counted), so the months add up to the leave's days.
func (c *Cases) leaveMonths(l store.LeaveSpan, from, to payroll.Month) []payroll.LeaveDays {
	lo, hi := l.Start, l.End
	if first := from.First(); lo.Before(first) {
		lo = first
	}
	if last := to.Last(); hi.After(last) {
		hi = last
	}
	if hi.Before(lo) {
		return nil
	}
	typ := payroll.LeaveType(l.LeaveType)
	var out []payroll.LeaveDays
	if l.Unit != string(leave.WorkingDays) {
		split, err := payroll.SplitByMonth(lo, hi)
		if err != nil {
			return nil
		}
		for _, md := range split {
			out = append(out, payroll.LeaveDays{Month: md.Month, LeaveType: typ, Days: md.Days})
		}
		return out
	}
	for mo := payroll.MonthOf(lo); !payroll.MonthOf(hi).Before(mo); mo = mo.AddMonths(1) {
		a, b := mo.First(), mo.Last()
		if a.Before(lo) {
			a = lo
		}
		if b.After(hi) {
			b = hi
		}
		if n := c.Calendar.WorkingDaysBetween(a, b).WorkingDays; n > 0 {
			out = append(out, payroll.LeaveDays{Month: mo, LeaveType: typ, Days: n})
		}
	}
	return out
}
