package payroll

import (
	"fmt"
	"testing"

	"leaveguard/leave"
)

func BenchmarkAllowance(b *testing.B) {
	f := birthFacts()
	f.EmployeeMonthlyWageFen = 900000
	for b.Loop() {
		if _, err := Allowance(f); err != nil {
			b.Fatal(err)
		}
	}
}

// quarterInput is 10,000 employees with leave in each month of 2024-Q1
// (one with a second leave type in February).
func quarterInput() SubsidyInput {
	in := SubsidyInput{Rates: testRates(), Program: DefaultSubsidyProgram()}
	capFen := int64(150000)
	in.Program.PerEmployeeCapFen = &capFen
	for i := range 10000 {
		in.Employees = append(in.Employees, SubsidyEmployee{
			EmployeeID: fmt.Sprintf("emp-%05d", i), WageFen: 300000 + int64(i%200)*10000,
			Leave: []LeaveDays{
				{MustMonth("2024-01"), LeaveMaternity, 12 + i%20},
				{MustMonth("2024-02"), LeaveMaternity, 20},
				{MustMonth("2024-02"), LeaveParental, 3},
				{MustMonth("2024-03"), LeaveMaternity, 1 + i%31},
			},
		})
	}
	return in
}

func BenchmarkSubsidyLines10k(b *testing.B) {
	in := quarterInput()
	for b.Loop() {
		res, err := SubsidyLines(in)
		if err != nil || len(res.Lines) != 40000 {
			b.Fatal(err)
		}
	}
}

func BenchmarkFeed10k(b *testing.B) {
	start := leave.MustDate("2025-03-10")
	f := FeedFacts{Version: "bench"}
	for i := range 10000 {
		s := start.AddDays(i % 60)
		f.Employees = append(f.Employees, FeedEmployee{
			EmployeeID: fmt.Sprintf("emp-%05d", i),
			Leave:      []LeaveDays{{MustMonth("2025-04"), LeaveMaternity, 30}, {MustMonth("2025-05"), LeaveMaternity, 31}},
			Claims:     []FeedClaim{{Start: s, PaidDays: 158, TopUpFen: int64(i) * 101, MaternityInsured: true}},
			Children:   []Child{{BirthDate: s, SharePercent: 100 - 50*(i%2)}},
		})
	}
	mo := MustMonth("2025-04")
	for b.Loop() {
		lines, err := Feed(mo, f)
		if err != nil || len(lines) != 10000 {
			b.Fatal(err)
		}
	}
}
