package cases

import (
	"time"

	"leaveguard/leave"
)

// chinaTime is UTC+8, the zone every civil date here is read in.
var chinaTime = time.FixedZone("CST", 8*3600)

// Now is the current instant by the application's clock, in China time.
// Every "now" and "today" of the use cases and handlers comes from here.
func (c *Cases) Now() time.Time {
	if c.Clock != nil {
		return c.Clock().In(chinaTime)
	}
	return time.Now().In(chinaTime)
}

// Today is the current civil date in China.
func (c *Cases) Today() leave.Date { return leave.DateOf(c.Now()) }

// PinnedClock is a clock that starts at noon of day (Beijing time) and runs
// at the speed of the wall clock, so the date stays day for twelve hours
// while durations, leases and timeouts still pass. Tests and demos pin the
// application to a date with it.
func PinnedClock(day leave.Date) func() time.Time {
	start := time.Now()
	noon := time.Date(day.Year(), day.Month(), day.Day(), 12, 0, 0, 0, chinaTime)
	return func() time.Time { return noon.Add(time.Since(start)) }
}
