package leave_test

import (
	"strings"
	"testing"

	"leaveguard/leave"
)

// A made-up 2027 schedule in the holiday-cn format (not official data).
const year2027 = `[
 {"name":"元旦","date":"2027-01-01","isOffDay":true},
 {"name":"元旦","date":"2027-01-02","isOffDay":true},
 {"name":"元旦","date":"2027-01-03","isOffDay":true},
 {"name":"国庆节","date":"2027-10-01","isOffDay":true},
 {"name":"国庆节","date":"2027-10-04","isOffDay":true},
 {"name":"国庆节","date":"2027-10-09","isOffDay":false}
]`

func TestLoadYearFromJSON(t *testing.T) {
	base := leave.NewCalendar()
	cal, err := base.WithJSON([]byte(year2027))
	if err != nil {
		t.Fatal(err)
	}
	if !cal.HasYear(2027) || base.HasYear(2027) {
		t.Fatalf("HasYear: loaded %v, original %v (the original must not change)", cal.HasYear(2027), base.HasYear(2027))
	}
	if cal.IsWorkingDay(d("2027-01-01")) || !base.IsWorkingDay(d("2027-01-01")) {
		t.Error("2027-01-01 should be off only in the loaded calendar")
	}
	if !cal.IsWorkingDay(d("2027-10-09")) {
		t.Error("make-up Saturday 2027-10-09 should be a working day")
	}
	s, err := cal.AddWorkingDays(d("2027-09-30"), 3)
	if err != nil {
		t.Fatal(err)
	}
	if !s.End.Equal(d("2027-10-06")) || s.Note != "" {
		t.Errorf("span = %+v, want end 2027-10-06 and no note", s)
	}
	if !cal.IsWorkingDay(d("2026-10-10")) || cal.IsWorkingDay(d("2026-10-01")) {
		t.Error("loading 2027 lost the built-in 2026 data")
	}
}

func TestLoadHolidayCNFileObject(t *testing.T) {
	doc := `{"$schema":"https://example/schema.json","year":2027,"papers":[],"days":` + year2027 + `}`
	cal, err := leave.Calendar{}.WithJSON([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	days, ok := cal.Days(2027)
	if !ok || len(days) != 6 || days[0].Name != "元旦" {
		t.Errorf("Days(2027) = %+v, %v", days, ok)
	}
}

func TestLoadMergesIntoYear(t *testing.T) {
	cal, err := leave.NewCalendar().WithJSON([]byte(`[{"date":"2026-12-31","isOffDay":true}]`))
	if err != nil {
		t.Fatal(err)
	}
	if cal.IsWorkingDay(d("2026-12-31")) || cal.IsWorkingDay(d("2026-10-01")) || !cal.IsWorkingDay(d("2026-10-10")) {
		t.Error("merge must add the new day and keep the year's other days")
	}
}

func TestLoadJSONErrors(t *testing.T) {
	for _, tc := range []struct{ name, doc string }{
		{"not_json", `nope`},
		{"empty_list", `[]`},
		{"bad_date", `[{"date":"2027-02-30","isOffDay":true}]`},
		{"missing_date", `[{"isOffDay":true}]`},
		{"object_without_days", `{"year":2027}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := leave.NewCalendar().WithJSON([]byte(tc.doc))
			if err == nil || (leave.Code(err) != "invalid" && leave.Code(err) != "bad_date") {
				t.Errorf("err = %v", err)
			}
		})
	}
}

func TestYearWithoutDataSaysSo(t *testing.T) {
	cal := leave.NewCalendar()
	s, err := cal.AddWorkingDays(d("2028-05-01"), 10)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s.Note, "2028年") || !strings.Contains(s.Note, leave.NoteUnloadedYear) ||
		len(s.UnloadedYears) != 1 || s.UnloadedYears[0] != 2028 {
		t.Errorf("span = %+v", s)
	}
	if !s.End.Equal(d("2028-05-12")) { // Mon 05-01 .. Fri 05-12, no holidays known
		t.Errorf("end = %s", s.End)
	}
}
