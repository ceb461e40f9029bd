package leave_test

import (
	"strings"
	"sync"
	"testing"

	"leaveguard/leave"
	"leaveguard/leave/lunar"
)

// statutoryCal is the calendar as served: the built-in years plus the
// statutory holidays of every other year.
func statutoryCal() leave.Calendar { return leave.NewCalendar().WithStatutory(lunar.Festivals) }

// offDays lists a year's statutory days off as "MM-DD name".
func offDays(cal leave.Calendar, y int) []string {
	var out []string
	for _, x := range cal.StatutoryDays(y) {
		if x.IsOffDay {
			out = append(out, x.Date.String()[5:]+" "+x.Name)
		}
	}
	return out
}

func TestStatutoryHolidays(t *testing.T) {
	cal := statutoryCal()
	for _, tc := range []struct {
		name        string
		year        int
		off         string // every statutory day off, "MM-DD name" joined by ","
		workingDays int    // the whole year, Monday–Friday less holidays on weekdays
	}{
		{"2027", 2027, "01-01 元旦,02-05 春节,02-06 春节,02-07 春节,02-08 春节,04-05 清明节,05-01 劳动节,05-02 劳动节," +
			"06-09 端午节,09-15 中秋节,10-01 国庆节,10-02 国庆节,10-03 国庆节", 254},
		{"2028_mid_autumn_on_national_day", 2028, "01-01 元旦,01-25 春节,01-26 春节,01-27 春节,01-28 春节,04-04 清明节," +
			"05-01 劳动节,05-02 劳动节,05-28 端午节,10-01 国庆节,10-02 国庆节,10-03 国庆节、中秋节", 251},
		{"2029", 2029, "01-01 元旦,02-12 春节,02-13 春节,02-14 春节,02-15 春节,04-04 清明节,05-01 劳动节,05-02 劳动节," +
			"06-16 端午节,09-22 中秋节,10-01 国庆节,10-02 国庆节,10-03 国庆节", 250},
		{"2030", 2030, "01-01 元旦,02-02 春节,02-03 春节,02-04 春节,02-05 春节,04-05 清明节,05-01 劳动节,05-02 劳动节," +
			"06-05 端午节,09-12 中秋节,10-01 国庆节,10-02 国庆节,10-03 国庆节", 250},
		{"2023_rules_of_2013_spring_from_day_1_labour_1_day", 2023, "01-01 元旦,01-22 春节,01-23 春节,01-24 春节," +
			"04-05 清明节,05-01 劳动节,06-22 端午节,09-29 中秋节,10-01 国庆节,10-02 国庆节,10-03 国庆节", 0},
		{"2014_first_year_of_2013_rules", 2014, "01-01 元旦,01-31 春节,02-01 春节,02-02 春节,04-05 清明节,05-01 劳动节," +
			"06-02 端午节,09-08 中秋节,10-01 国庆节,10-02 国庆节,10-03 国庆节", 0},
		{"2013_rules_of_2007_eve_and_2_days", 2013, "01-01 元旦,02-09 春节,02-10 春节,02-11 春节,04-04 清明节,05-01 劳动节," +
			"06-12 端午节,09-19 中秋节,10-01 国庆节,10-02 国庆节,10-03 国庆节", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Join(offDays(cal, tc.year), ","); got != tc.off {
				t.Errorf("days off\n got %s\nwant %s", got, tc.off)
			}
			if cal.Source(tc.year) != leave.YearStatutory || cal.HasYear(tc.year) {
				t.Errorf("source = %s, HasYear %v", cal.Source(tc.year), cal.HasYear(tc.year))
			}
			if tc.workingDays == 0 {
				return
			}
			s := cal.WorkingDaysBetween(leave.NewDate(tc.year, 1, 1), leave.NewDate(tc.year, 12, 31))
			if s.WorkingDays != tc.workingDays {
				t.Errorf("working days = %d, want %d", s.WorkingDays, tc.workingDays)
			}
		})
	}
}

func TestStatutoryCounting(t *testing.T) {
	cal := statutoryCal()
	for _, tc := range []struct {
		name, start, first, end string
		n                       int
		statutory, unloaded     []int
	}{
		{"across_spring_festival_2028", "2028-01-24", "2028-01-24", "2028-02-03", 5, []int{2028}, []int{2028}},
		{"start_on_spring_festival_2028", "2028-01-25", "2028-01-31", "2028-01-31", 1, []int{2028}, []int{2028}},
		{"labour_day_2028_is_two_days", "2028-04-28", "2028-04-28", "2028-05-03", 2, []int{2028}, []int{2028}},
		{"national_day_2029_three_days_no_makeup", "2029-09-28", "2029-09-28", "2029-10-04", 2, []int{2029}, []int{2029}},
		{"from_official_2026_into_2027", "2026-12-31", "2026-12-31", "2027-01-04", 2, []int{2027}, []int{2027}},
		{"official_2026_no_note", "2026-02-13", "2026-02-13", "2026-02-24", 3, nil, nil},
		{"2007_has_no_rule_weekdays_only", "2007-10-01", "2007-10-01", "2007-10-02", 2, nil, []int{2007}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := cal.AddWorkingDays(d(tc.start), tc.n)
			if err != nil {
				t.Fatal(err)
			}
			if s.Start.String() != tc.first || s.End.String() != tc.end {
				t.Errorf("span %s..%s, want %s..%s", s.Start, s.End, tc.first, tc.end)
			}
			if !sameInts(s.StatutoryYears, tc.statutory) || !sameInts(s.UnloadedYears, tc.unloaded) {
				t.Errorf("statutory %v unloaded %v, want %v %v", s.StatutoryYears, s.UnloadedYears, tc.statutory, tc.unloaded)
			}
			wantNote := ""
			switch {
			case len(tc.statutory) > 0:
				wantNote = leave.NoteStatutoryYear
			case len(tc.unloaded) > 0:
				wantNote = leave.NoteUnloadedYear
			}
			if (wantNote == "") != (s.Note == "") || !strings.Contains(s.Note, wantNote) {
				t.Errorf("note = %q, want it to contain %q", s.Note, wantNote)
			}
		})
	}
}

func TestStatutoryNoteNamesYearAndSource(t *testing.T) {
	s, err := statutoryCal().AddWorkingDays(d("2027-12-20"), 20)
	if err != nil {
		t.Fatal(err)
	}
	want := "2027、2028年：" + leave.NoteStatutoryYear + "，依据《全国年节及纪念日放假办法》（国务院令第793号修订"
	if !strings.HasPrefix(s.Note, want) || !strings.Contains(s.Note, "调休上班日未知") {
		t.Errorf("note = %q", s.Note)
	}
}

// TestImportReplacesStatutoryYear: an imported official schedule wins over
// the statutory holidays of its year, and the original calendar is unchanged.
func TestImportReplacesStatutoryYear(t *testing.T) {
	base := statutoryCal()
	cal, err := base.WithJSON([]byte(year2027)) // made up: 元旦 01-01..03, 国庆 10-01 and 10-04 off, 10-09 work
	if err != nil {
		t.Fatal(err)
	}
	if cal.Source(2027) != leave.YearOfficial || base.Source(2027) != leave.YearStatutory {
		t.Fatalf("source: imported %s, original %s", cal.Source(2027), base.Source(2027))
	}
	if !cal.IsWorkingDay(d("2027-02-08")) || base.IsWorkingDay(d("2027-02-08")) {
		t.Error("2027-02-08 is a statutory 春节 day only where 2027 is not imported")
	}
	if cal.IsWorkingDay(d("2027-10-04")) || !cal.IsWorkingDay(d("2027-10-09")) {
		t.Error("the imported 2027 days must count")
	}
	if s, _ := cal.AddWorkingDays(d("2027-03-01"), 5); s.Note != "" || len(s.UnloadedYears) != 0 {
		t.Errorf("imported year still noted: %+v", s)
	}
	if !cal.IsWorkingDay(d("2028-01-24")) || cal.IsWorkingDay(d("2028-01-25")) {
		t.Error("importing 2027 lost the statutory holidays of 2028")
	}
}

func TestStatutorySources(t *testing.T) {
	cal := statutoryCal()
	for y, want := range map[int]leave.YearSource{2024: leave.YearOfficial, 2026: leave.YearOfficial,
		2027: leave.YearStatutory, 2008: leave.YearStatutory, 2007: leave.YearWeekdays, 9000: leave.YearStatutory,
		9001: leave.YearWeekdays, 1899: leave.YearWeekdays} {
		if got := cal.Source(y); got != want {
			t.Errorf("Source(%d) = %s, want %s", y, got, want)
		}
	}
	if got := leave.NewCalendar().Source(2027); got != leave.YearWeekdays {
		t.Errorf("without WithStatutory 2027 = %s", got)
	}
	if cal.StatutoryDays(2007) != nil || leave.NewCalendar().StatutoryDays(2027) != nil {
		t.Error("statutory days where no rule or source applies")
	}
}

// TestStatutoryConcurrent: goroutines sharing one Calendar compute a year
// once between them (run with -race).
func TestStatutoryConcurrent(t *testing.T) {
	cal := statutoryCal()
	var wg sync.WaitGroup
	ends := make([]string, 8)
	for i := range ends {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := cal.AddWorkingDays(d("2041-01-02"), 60)
			if err == nil {
				ends[i] = s.End.String()
			}
		}()
	}
	wg.Wait()
	for _, e := range ends[1:] {
		if e != ends[0] || e == "" {
			t.Fatalf("ends differ: %v", ends)
		}
	}
}

// BenchmarkAddWorkingDays200Statutory counts 200 working days across two
// statutory-only years (computed once, on first use).
func BenchmarkAddWorkingDays200Statutory(b *testing.B) {
	cal := statutoryCal()
	start := d("2028-09-01")
	b.ReportAllocs()
	for b.Loop() {
		if s, err := cal.AddWorkingDays(start, 200); err != nil || s.WorkingDays != 200 {
			b.Fatal(err)
		}
	}
}

func sameInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
