package payroll

import (
	"errors"
	"testing"

	"leaveguard/leave"
)

// testRates has 2024 on national defaults and a confirmed, higher 2025.
func testRates() map[int]YearRates {
	r24 := DefaultYearRates(1) // 1600+700+50+20 = 2370 bp
	r24.BaseFloorFen, r24.BaseCeilingFen = 400000, 2000000
	r25 := YearRates{PensionBP: 1600, MedicalBP: 800, UnemploymentBP: 50, WorkInjuryBP: 40, WorkInjuryClass: 2,
		BaseFloorFen: 450000, BaseCeilingFen: 2100000, Confirmed: true, Source: "当地2025年缴费通知"} // 2490 bp
	return map[int]YearRates{2024: r24, 2025: r25}
}

// split turns a calendar-day interval into LeaveDays of one type.
func split(t *testing.T, lt LeaveType, start, end string) []LeaveDays {
	t.Helper()
	mds, err := SplitByMonth(leave.MustDate(start), leave.MustDate(end))
	if err != nil {
		t.Fatal(err)
	}
	out := make([]LeaveDays, len(mds))
	for i, md := range mds {
		out[i] = LeaveDays{md.Month, lt, md.Days}
	}
	return out
}

type wantLine struct {
	month      string
	leaveType  LeaveType
	days, dim  int
	base       int64
	contrib    int64
	claimable  int64
	reasonCode string
}

func TestSubsidyLines(t *testing.T) {
	capFen := int64(100000)
	tests := []struct {
		name  string
		wage  int64
		leave func(t *testing.T) []LeaveDays
		cap   *int64
		want  []wantLine
		total int64
	}{
		{name: "three months pro-rated with leap February", wage: 800000,
			leave: func(t *testing.T) []LeaveDays { return split(t, LeaveMaternity, "2024-01-20", "2024-03-10") },
			want: []wantLine{
				{"2024-01", LeaveMaternity, 12, 31, 800000, 189600, 36697, ""},
				{"2024-02", LeaveMaternity, 29, 29, 800000, 189600, 94800, ""},
				{"2024-03", LeaveMaternity, 10, 31, 800000, 189600, 30581, ""},
			}, total: 162078},
		{name: "wage above the ceiling", wage: 3000000,
			leave: func(*testing.T) []LeaveDays { return []LeaveDays{{MustMonth("2024-02"), LeaveMarriage, 10}} },
			want:  []wantLine{{"2024-02", LeaveMarriage, 10, 29, 2000000, 474000, 81724, "wage_above_ceiling"}}, total: 81724},
		{name: "wage below the floor", wage: 300000,
			leave: func(*testing.T) []LeaveDays { return []LeaveDays{{MustMonth("2024-02"), LeaveSpousalNursing, 10}} },
			want:  []wantLine{{"2024-02", LeaveSpousalNursing, 10, 29, 400000, 94800, 16345, "wage_below_floor"}}, total: 16345},
		{name: "cap reached mid-application", wage: 800000, cap: &capFen,
			leave: func(t *testing.T) []LeaveDays { return split(t, LeaveMaternity, "2024-01-20", "2024-03-10") },
			want: []wantLine{
				{"2024-01", LeaveMaternity, 12, 31, 800000, 189600, 36697, ""},
				{"2024-02", LeaveMaternity, 29, 29, 800000, 189600, 63303, "cap_reached"},
				{"2024-03", LeaveMaternity, 10, 31, 800000, 189600, 0, "cap_exhausted"},
			}, total: 100000},
		{name: "ineligible leave type", wage: 800000,
			leave: func(*testing.T) []LeaveDays {
				return []LeaveDays{{MustMonth("2024-01"), "sick", 5}, {MustMonth("2024-01"), LeaveParental, 3}}
			},
			want: []wantLine{
				{"2024-01", LeaveParental, 3, 31, 800000, 189600, 9174, ""},
				{"2024-01", "sick", 5, 31, 800000, 189600, 0, "ineligible_leave_type"},
			}, total: 9174},
		{name: "rate change at a year boundary", wage: 800000,
			leave: func(t *testing.T) []LeaveDays { return split(t, LeaveMaternity, "2024-12-20", "2025-01-10") },
			want: []wantLine{
				{"2024-12", LeaveMaternity, 12, 31, 800000, 189600, 36697, ""},
				{"2025-01", LeaveMaternity, 10, 31, 800000, 199200, 32129, ""},
			}, total: 68826},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			prog := DefaultSubsidyProgram()
			prog.RatioBP, prog.PerEmployeeCapFen = 5000, tc.cap
			res, err := SubsidyLines(SubsidyInput{
				Employees: []SubsidyEmployee{{EmployeeID: "e1", WageFen: tc.wage, Leave: tc.leave(t)}},
				Rates:     testRates(), Program: prog,
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Lines) != len(tc.want) || res.TotalClaimableFen != tc.total {
				t.Fatalf("%d lines, total %d; want %d, %d: %+v", len(res.Lines), res.TotalClaimableFen, len(tc.want), tc.total, res.Lines)
			}
			for i, w := range tc.want {
				l := res.Lines[i]
				got := wantLine{l.Month.String(), l.LeaveType, l.LeaveDays, l.DaysInMonth, l.BaseFen,
					l.EmployerContributionFen, l.ClaimableFen, codes(l.Reasons)}
				if got != w {
					t.Fatalf("line %d = %+v, want %+v", i, got, w)
				}
			}
			if len(res.Parameters) == 0 || len(res.Notes) == 0 {
				t.Fatalf("parameters/notes missing: %+v", res)
			}
		})
	}
}

func TestSubsidyLinesErrors(t *testing.T) {
	jan := MustMonth("2024-01")
	tests := []struct {
		name  string
		edit  func(*SubsidyInput)
		field string
		year  int
	}{
		{"missing year of rates", func(in *SubsidyInput) { in.Employees[0].Leave[0].Month = MustMonth("2026-01") }, "", 2026},
		{"days beyond the month", func(in *SubsidyInput) { in.Employees[0].Leave[0].Days = 32 }, "employees[0].leave[0].days", 0},
		{"types sum beyond the month", func(in *SubsidyInput) {
			in.Employees[0].Leave = append(in.Employees[0].Leave, LeaveDays{jan, LeaveParental, 30})
		}, "employees[0].leave[1].days", 0},
		{"no employee id", func(in *SubsidyInput) { in.Employees[0].EmployeeID = "" }, "employees[0].employee_id", 0},
		{"bad rates", func(in *SubsidyInput) { r := in.Rates[2024]; r.PensionBP = 20000; in.Rates[2024] = r }, "rates.2024.pension_bp", 0},
		{"bad ratio", func(in *SubsidyInput) { in.Program.RatioBP = -3 }, "program.ratio_bp", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := SubsidyInput{
				Employees: []SubsidyEmployee{{EmployeeID: "e1", WageFen: 800000, Leave: []LeaveDays{{jan, LeaveMarriage, 5}}}},
				Rates:     testRates(), Program: DefaultSubsidyProgram(),
			}
			tc.edit(&in)
			_, err := SubsidyLines(in)
			var fe FieldErrors
			var miss ErrMissingRates
			switch {
			case tc.year != 0:
				if !errors.As(err, &miss) || miss.Year != tc.year {
					t.Fatalf("err = %v, want ErrMissingRates{%d}", err, tc.year)
				}
			case !errors.As(err, &fe) || fe[tc.field] == "":
				t.Fatalf("err = %v, want field %s", err, tc.field)
			}
		})
	}
}
