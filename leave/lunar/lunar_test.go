package lunar

import (
	"testing"
	"time"

	"github.com/6tail/lunar-go/calendar"

	"leaveguard/leave"
)

func TestFestivals(t *testing.T) {
	for _, tc := range []struct {
		year                         int
		spring, qingming, duanwu, ma string
	}{
		{2024, "2024-02-10", "2024-04-04", "2024-06-10", "2024-09-17"},
		{2025, "2025-01-29", "2025-04-04", "2025-05-31", "2025-10-06"},
		{2026, "2026-02-17", "2026-04-05", "2026-06-19", "2026-09-25"},
		{2027, "2027-02-06", "2027-04-05", "2027-06-09", "2027-09-15"},
		{2028, "2028-01-26", "2028-04-04", "2028-05-28", "2028-10-03"},
		{2029, "2029-02-13", "2029-04-04", "2029-06-16", "2029-09-22"},
		{2030, "2030-02-03", "2030-04-05", "2030-06-05", "2030-09-12"},
	} {
		f, ok := Festivals(tc.year)
		got := [4]string{f.SpringFestival.String(), f.Qingming.String(), f.DragonBoat.String(), f.MidAutumn.String()}
		want := [4]string{tc.spring, tc.qingming, tc.duanwu, tc.ma}
		if !ok || got != want {
			t.Errorf("%d: %v %v, want %v", tc.year, got, ok, want)
		}
	}
}

// TestEveIsLastDayOfMonth12 checks the calendar's reading of 除夕 (the day
// before 正月初一) against lunar-go: the 29th or 30th of the twelfth month.
func TestEveIsLastDayOfMonth12(t *testing.T) {
	for y := 2008; y <= 2060; y++ {
		f, ok := Festivals(y)
		if !ok {
			t.Fatalf("%d: no festivals", y)
		}
		eve := f.SpringFestival.AddDays(-1)
		l := calendar.NewSolarFromYmd(eve.Year(), int(eve.Month()), eve.Day()).GetLunar()
		if m := l.GetMonth(); (m != 12 && m != -12) || (l.GetDay() != 29 && l.GetDay() != 30) {
			t.Errorf("%d: 除夕 %s is lunar %d/%d", y, eve, l.GetMonth(), l.GetDay())
		}
	}
}

func TestFestivalsRange(t *testing.T) {
	for _, y := range []int{leave.MinYear, leave.MaxYear} {
		if f, ok := Festivals(y); !ok || f.SpringFestival.Year() != y || f.MidAutumn.Month() < time.September {
			t.Errorf("%d: %+v %v", y, f, ok)
		}
	}
	for _, y := range []int{leave.MinYear - 1, leave.MaxYear + 1, 0} {
		if _, ok := Festivals(y); ok {
			t.Errorf("%d: festivals outside the calendar's years", y)
		}
	}
}
