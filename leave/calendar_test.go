package leave_test

import (
	"strings"
	"testing"

	"leaveguard/leave"
)

func TestIsWorkingDay(t *testing.T) {
	cal := leave.NewCalendar()
	tests := []struct {
		name string
		day  string
		want bool
	}{
		{"2024_makeup_sunday_0204", "2024-02-04", true},
		{"2024_spring_festival_0212", "2024-02-12", false},
		{"2024_makeup_saturday_1012", "2024-10-12", true},
		{"2024_dragon_boat_0610", "2024-06-10", false},
		{"2025_new_year", "2025-01-01", false},
		{"2025_makeup_sunday_0126", "2025-01-26", true},
		{"2025_national_day_1008", "2025-10-08", false},
		{"2025_makeup_saturday_1011", "2025-10-11", true},
		{"2026_new_year_0102_friday", "2026-01-02", false},
		{"2026_makeup_sunday_0104", "2026-01-04", true},
		{"2026_makeup_saturday_0228", "2026-02-28", true},
		{"2026_national_day_1007", "2026-10-07", false},
		{"2026_after_national_day_1008", "2026-10-08", true},
		{"2026_makeup_saturday_1010", "2026-10-10", true},
		{"2026_mid_autumn_0925_friday", "2026-09-25", false},
		{"ordinary_saturday", "2026-03-07", false},
		{"ordinary_sunday", "2026-03-08", false},
		{"ordinary_monday", "2026-03-09", true},
		{"unloaded_2027_new_year_is_a_friday", "2027-01-01", true},
		{"unloaded_2023_saturday", "2023-12-30", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cal.IsWorkingDay(d(tc.day)); got != tc.want {
				t.Errorf("IsWorkingDay(%s) = %v, want %v", tc.day, got, tc.want)
			}
		})
	}
}

func TestAddWorkingDays(t *testing.T) {
	cal := leave.NewCalendar()
	tests := []struct {
		name            string
		start           string
		n               int
		first, end      string
		unloaded        bool
		workingDaysBack int
	}{
		{name: "3_days_from_1008_end_on_makeup_saturday", start: "2026-10-08", n: 3, first: "2026-10-08", end: "2026-10-10"},
		{name: "5_days_from_0928_skip_national_day", start: "2026-09-28", n: 5, first: "2026-09-28", end: "2026-10-09"},
		{name: "start_on_holiday_moves_to_first_working_day", start: "2026-10-01", n: 1, first: "2026-10-08", end: "2026-10-08"},
		{name: "start_on_weekend", start: "2026-03-07", n: 2, first: "2026-03-09", end: "2026-03-10"},
		{name: "start_on_makeup_sunday_counts", start: "2026-01-04", n: 1, first: "2026-01-04", end: "2026-01-04"},
		{name: "spring_festival_2026", start: "2026-02-13", n: 3, first: "2026-02-13", end: "2026-02-24"},
		{name: "one_day", start: "2026-03-09", n: 1, first: "2026-03-09", end: "2026-03-09"},
		{name: "across_2024_2025", start: "2024-12-31", n: 2, first: "2024-12-31", end: "2025-01-02"},
		{name: "into_unloaded_2027", start: "2026-12-31", n: 2, first: "2026-12-31", end: "2027-01-01", unloaded: true},
		{name: "unloaded_year_mon_fri", start: "2027-10-01", n: 5, first: "2027-10-01", end: "2027-10-07", unloaded: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := cal.AddWorkingDays(d(tc.start), tc.n)
			if err != nil {
				t.Fatal(err)
			}
			if !s.Start.Equal(d(tc.first)) || !s.End.Equal(d(tc.end)) || s.WorkingDays != tc.n {
				t.Errorf("span = %s..%s (%d), want %s..%s (%d)", s.Start, s.End, s.WorkingDays, tc.first, tc.end, tc.n)
			}
			if hasNote := strings.Contains(s.Note, leave.NoteUnloadedYear); hasNote != tc.unloaded {
				t.Errorf("note = %q, unloaded = %v", s.Note, tc.unloaded)
			}
			if back := cal.WorkingDaysBetween(s.Start, s.End); back.WorkingDays != tc.n {
				t.Errorf("WorkingDaysBetween = %d, want %d", back.WorkingDays, tc.n)
			}
		})
	}
}

func TestAddWorkingDaysErrors(t *testing.T) {
	cal := leave.NewCalendar()
	for _, tc := range []struct {
		name  string
		start leave.Date
		n     int
	}{
		{"zero_days", d("2026-01-05"), 0},
		{"negative_days", d("2026-01-05"), -3},
		{"too_many_days", d("2026-01-05"), leave.MaxLeaveDays + 1},
		{"no_start", leave.Date{}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cal.AddWorkingDays(tc.start, tc.n)
			wantErr(t, err, leave.ErrInvalid)
		})
	}
}

func TestWorkingDaysBetween(t *testing.T) {
	cal := leave.NewCalendar()
	tests := []struct {
		name, from, to string
		want           int
		unloaded       bool
	}{
		{"national_day_week_2026", "2026-10-01", "2026-10-10", 3, false},
		{"inverted_range", "2026-10-10", "2026-10-01", 0, false},
		{"single_holiday", "2026-10-01", "2026-10-01", 0, false},
		{"single_makeup_day", "2026-10-10", "2026-10-10", 1, false},
		{"year_2024", "2024-01-01", "2024-12-31", 251, false},
		{"year_2025", "2025-01-01", "2025-12-31", 248, false},
		{"year_2026", "2026-01-01", "2026-12-31", 248, false},
		{"year_2027_unloaded_mon_fri", "2027-01-01", "2027-12-31", 261, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := cal.WorkingDaysBetween(d(tc.from), d(tc.to))
			if s.WorkingDays != tc.want {
				t.Errorf("WorkingDaysBetween(%s, %s) = %d, want %d", tc.from, tc.to, s.WorkingDays, tc.want)
			}
			if (len(s.UnloadedYears) > 0) != tc.unloaded {
				t.Errorf("unloaded years = %v", s.UnloadedYears)
			}
		})
	}
}

func TestBuiltinCalendarMatchesRules(t *testing.T) {
	cal := leave.NewCalendar()
	for _, tc := range []struct {
		year, off, work int
	}{{2024, 28, 8}, {2025, 28, 5}, {2026, 33, 6}} {
		days, ok := cal.Days(tc.year)
		if !ok {
			t.Fatalf("%d not loaded", tc.year)
		}
		off, work := 0, 0
		for _, x := range days {
			if x.IsOffDay {
				off++
			} else {
				work++
			}
			if x.Name == "" {
				t.Errorf("%s has no holiday name", x.Date)
			}
		}
		if off != tc.off || work != tc.work {
			t.Errorf("%d: %d off, %d make-up days; want %d, %d", tc.year, off, work, tc.off, tc.work)
		}
	}
	if got := cal.Years(); len(got) != 3 || got[0] != 2024 || got[2] != 2026 {
		t.Errorf("Years() = %v", got)
	}
	if (leave.Calendar{}).HasYear(2026) {
		t.Error("zero Calendar has data")
	}
}
