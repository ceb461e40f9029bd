package leave_test

import (
	"os"
	"reflect"
	"testing"

	"leaveguard/leave"
)

// TestSampleCalendarFile: docs/samples/calendar-2026.json (the sample for
// `leaveguard calendar import`) parses and holds exactly the built-in 2026
// schedule of rules.md §6.
func TestSampleCalendarFile(t *testing.T) {
	data, err := os.ReadFile("../docs/samples/calendar-2026.json")
	if err != nil {
		t.Fatal(err)
	}
	cal, err := leave.Calendar{}.WithJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := cal.Days(2026)
	want, _ := leave.NewCalendar().Days(2026)
	if !ok || !reflect.DeepEqual(got, want) || len(cal.Years()) != 1 {
		t.Errorf("sample file: years %v, 2026 = %v\nbuilt in: %v", cal.Years(), got, want)
	}
}
