package leave_test

import (
	"testing"

	"leaveguard/leave"
)

func TestDateHelpers(t *testing.T) {
	tests := []struct {
		name string
		got  leave.Date
		want string
	}{
		{"add_years_clamped_leap_day", d("2024-02-29").AddYearsClamped(1), "2025-02-28"},
		{"add_years_clamped_leap_to_leap", d("2024-02-29").AddYearsClamped(4), "2028-02-29"},
		{"add_years_normalises_leap_day", d("2024-02-29").AddYears(1), "2025-03-01"},
		{"add_months_month_end", d("2026-01-31").AddMonths(1), "2026-02-28"},
		{"add_months_leap", d("2024-01-31").AddMonths(1), "2024-02-29"},
		{"add_months_back_over_year", d("2026-03-31").AddMonths(-4), "2025-11-30"},
		{"first_of_month", d("2026-10-17").FirstOfMonth(), "2026-10-01"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got.String() != tc.want {
				t.Errorf("got %s, want %s", tc.got, tc.want)
			}
		})
	}
	for _, tc := range []struct {
		day        string
		days, yday int
	}{{"2024-02-10", 29, 41}, {"2025-02-10", 28, 41}, {"2026-12-31", 31, 365}, {"2024-12-31", 31, 366}} {
		if x := d(tc.day); x.DaysInMonth() != tc.days || x.YearDay() != tc.yday {
			t.Errorf("%s: DaysInMonth %d YearDay %d", tc.day, x.DaysInMonth(), x.YearDay())
		}
	}
}

func TestErrorCodes(t *testing.T) {
	for _, tc := range []struct {
		err  error
		code string
	}{
		{leave.ErrOverlaps, "overlaps"}, {leave.ErrExceedsEntitlement, "exceeds_entitlement"},
		{leave.ErrNotEligible, "not_eligible"}, {leave.ErrLeaveStartTooEarly, "leave_start_too_early"},
		{leave.ErrUnknownRegion, "unknown_region"}, {leave.ErrInvalid, "invalid"}, {nil, ""},
		{&leave.Error{Err: leave.ErrOverlaps, Field: "start", Message: "重叠"}, "overlaps"},
	} {
		if got := leave.Code(tc.err); got != tc.code {
			t.Errorf("Code(%v) = %q, want %q", tc.err, got, tc.code)
		}
	}
}

// FuzzParseDate: parsing never panics; a parsed date prints back as given,
// and day arithmetic round-trips.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-02-29", "2025-02-29", "0000-01-01", "9999-12-31", "", "2026-13-01", "２０２６-01-01"} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		x, err := leave.ParseDate(s)
		if err != nil {
			return
		}
		if x.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, x.String())
		}
		if x.Year() < leave.MinYear || x.Year() > leave.MaxYear {
			return // arithmetic near year 1 can land on the zero Date
		}
		n %= 100000
		if back := x.AddDays(n).AddDays(-n); !back.Equal(x) {
			t.Fatalf("%s + %d - %d = %s", x, n, n, back)
		}
		if got := x.DaysUntil(x.AddDays(n)); got != n {
			t.Fatalf("DaysUntil = %d, want %d", got, n)
		}
		_ = x.AddYearsClamped(n % 100).AddMonths(n % 1000).FirstOfMonth().DaysInMonth()
	})
}

// FuzzCalendar: counting working days never panics, and counting the days
// of an AddWorkingDays span gives back n.
func FuzzCalendar(f *testing.F) {
	f.Add("2026-10-08", 3, "2026-10-10")
	f.Add("2026-09-28", 5, "0001-01-01")
	f.Add("9999-12-31", 3660, "0000-01-01")
	f.Add("2024-02-29", 0, "2024-02-28")
	cal := leave.NewCalendar()
	f.Fuzz(func(t *testing.T, start string, n int, other string) {
		a, err := leave.ParseDate(start)
		if err != nil {
			return
		}
		if b, err := leave.ParseDate(other); err == nil {
			_ = cal.WorkingDaysBetween(a, b)
		}
		s, err := cal.AddWorkingDays(a, n)
		if err != nil {
			return
		}
		if back := cal.WorkingDaysBetween(s.Start, s.End); back.WorkingDays != n {
			t.Fatalf("AddWorkingDays(%s, %d) = %+v, counted back %d", a, n, s, back.WorkingDays)
		}
		if !cal.IsWorkingDay(s.Start) || !cal.IsWorkingDay(s.End) || s.Start.Before(a) {
			t.Fatalf("span %+v does not start and end on working days on/after %s", s, a)
		}
	})
}

// FuzzHolidayJSON: any input either loads or returns an error.
func FuzzHolidayJSON(f *testing.F) {
	f.Add([]byte(year2027))
	f.Add([]byte(`{"days":[{"date":"2027-01-01","isOffDay":true}]}`))
	f.Add([]byte(`[{"date":"0000-01-01"}]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		cal, err := leave.NewCalendar().WithJSON(b)
		if err == nil {
			_, _ = cal.AddWorkingDays(d("2027-01-01"), 30)
		}
	})
}
