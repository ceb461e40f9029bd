package payroll

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"leaveguard/leave"
)

func TestSplitByMonth(t *testing.T) {
	m := MustMonth
	tests := []struct {
		name       string
		start, end string
		want       []MonthDays
	}{
		{"one day", "2025-03-10", "2025-03-10", []MonthDays{{m("2025-03"), 1}}},
		{"within a month", "2025-03-10", "2025-03-31", []MonthDays{{m("2025-03"), 22}}},
		{"three months with leap February", "2024-01-20", "2024-03-10",
			[]MonthDays{{m("2024-01"), 12}, {m("2024-02"), 29}, {m("2024-03"), 10}}},
		{"non-leap February", "2025-02-01", "2025-03-01", []MonthDays{{m("2025-02"), 28}, {m("2025-03"), 1}}},
		{"across a year", "2024-12-25", "2025-01-05", []MonthDays{{m("2024-12"), 7}, {m("2025-01"), 5}}},
		{"158 days of maternity leave", "2025-03-10", "2025-08-14", []MonthDays{{m("2025-03"), 22},
			{m("2025-04"), 30}, {m("2025-05"), 31}, {m("2025-06"), 30}, {m("2025-07"), 31}, {m("2025-08"), 14}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := SplitByMonth(leave.MustDate(tc.start), leave.MustDate(tc.end))
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("SplitByMonth = %v, %v; want %v", got, err, tc.want)
			}
			total := 0
			for _, md := range got {
				total += md.Days
			}
			if want := leave.MustDate(tc.start).DaysUntil(leave.MustDate(tc.end)) + 1; total != want {
				t.Fatalf("total %d, want %d", total, want)
			}
		})
	}
	if _, err := SplitByMonth(leave.MustDate("2025-03-10"), leave.MustDate("2025-03-09")); !errors.Is(err, ErrBadInterval) {
		t.Fatalf("reversed interval: err = %v", err)
	}
}

func TestMonth(t *testing.T) {
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"days in leap February", MustMonth("2024-02").Days(), 29},
		{"days in February", MustMonth("2025-02").Days(), 28},
		{"add across year", MustMonth("2024-11").AddMonths(3).String(), "2025-02"},
		{"subtract across year", MustMonth("2025-01").AddMonths(-1).String(), "2024-12"},
		{"36 months", MustMonth("2022-05").AddMonths(36).String(), "2025-05"},
		{"normalise", NewMonth(2024, 13).String(), "2025-01"},
		{"compare", MustMonth("2024-12").Before(MustMonth("2025-01")), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Fatalf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
	var mo Month
	if err := json.Unmarshal([]byte(`"2024-2"`), &mo); !errors.Is(err, ErrBadMonth) {
		t.Fatalf("loose month accepted: %v", err)
	}
	b, _ := json.Marshal(MustMonth("2024-02"))
	if string(b) != `"2024-02"` {
		t.Fatalf("marshal = %s", b)
	}
}
