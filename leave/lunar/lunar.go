// Package lunar gives the holiday calendar the lunar and solar-term dates of
// the statutory holidays (春节, 清明, 端午, 中秋), from github.com/6tail/lunar-go.
// leave/ stays free of third-party code: it declares leave.FestivalSource and
// the composition root passes Festivals.
package lunar

import (
	"fmt"
	"sync"
	"time"

	"github.com/6tail/lunar-go/calendar"

	"leaveguard/leave"
)

// mu serialises calls into lunar-go, whose year cache is a package global.
var mu sync.Mutex

// Festivals returns the dates of Gregorian year y's lunar and solar-term
// holidays: 正月初一, the solar term 清明, 端午 (lunar 5/5) and 中秋 (lunar
// 8/15). ok is false outside the calendar's years, leave.MinYear to
// leave.MaxYear (lunar-go's tables reach further).
func Festivals(y int) (f leave.Festivals, ok bool) {
	if y < leave.MinYear || y > leave.MaxYear {
		return leave.Festivals{}, false
	}
	mu.Lock()
	defer mu.Unlock()
	defer func() {
		if r := recover(); r != nil { // lunar-go panics on dates it cannot place
			f, ok = leave.Festivals{}, false
		}
	}()
	f = leave.Festivals{
		SpringFestival: fromLunar(y, 1, 1),
		Qingming:       qingming(y),
		DragonBoat:     fromLunar(y, 5, 5),
		MidAutumn:      fromLunar(y, 8, 15),
	}
	return f, f.Qingming.Year() == y
}

// fromLunar is the Gregorian date of lunar year y, month m (not the leap
// month), day d.
func fromLunar(y, m, d int) leave.Date {
	s := calendar.NewLunarFromYmd(y, m, d).GetSolar()
	return leave.NewDate(s.GetYear(), time.Month(s.GetMonth()), s.GetDay())
}

// qingming is the day of the solar term 清明 in Gregorian year y (always
// early April, inside lunar year y).
func qingming(y int) leave.Date {
	s, found := calendar.NewLunarFromYmd(y, 3, 1).GetJieQiTable()["清明"]
	if !found || s == nil {
		panic(fmt.Sprintf("lunar-go: no 清明 for %d", y))
	}
	return leave.NewDate(s.GetYear(), time.Month(s.GetMonth()), s.GetDay())
}
