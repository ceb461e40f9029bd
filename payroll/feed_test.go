package payroll

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"regexp"
	"testing"

	"leaveguard/leave"
)

// mother is an employee on 158 days of maternity leave from 2025-03-10 with
// a 9,480-yuan top-up, and a child born that day.
func mother(t *testing.T) FeedEmployee {
	return FeedEmployee{
		EmployeeID: "emp-1",
		Leave:      split(t, LeaveMaternity, "2025-03-10", "2025-08-14"),
		Claims: []FeedClaim{{ClaimID: "c1", Start: leave.MustDate("2025-03-10"), PaidDays: 158,
			TopUpFen: 948000, MaternityInsured: true}},
		Children: []Child{{ChildID: "k1", BirthDate: leave.MustDate("2025-03-10"), SharePercent: 100}},
	}
}

func TestFeed(t *testing.T) {
	tests := []struct {
		name      string
		month     string
		edit      func(*FeedEmployee)
		leaveDays int
		replaced  int
		topUp     int64
		infant    int64
		reasons   string
	}{
		{name: "birth month", month: "2025-03", edit: func(*FeedEmployee) {},
			leaveDays: 22, replaced: 22, topUp: 132000, infant: 200000,
			reasons: "allowance_replaces_pay,top_up_due,infant_care_deduction"},
		{name: "month with top-up", month: "2025-05", edit: func(*FeedEmployee) {},
			leaveDays: 31, replaced: 31, topUp: 186000, infant: 200000,
			reasons: "allowance_replaces_pay,top_up_due,infant_care_deduction"},
		{name: "last leave month", month: "2025-08", edit: func(*FeedEmployee) {},
			leaveDays: 14, replaced: 14, topUp: 84000, infant: 200000,
			reasons: "allowance_replaces_pay,top_up_due,infant_care_deduction"},
		{name: "after the leave", month: "2025-09", edit: func(*FeedEmployee) {},
			infant: 200000, reasons: "infant_care_deduction"},
		{name: "month before the 3rd birthday", month: "2025-04", edit: func(e *FeedEmployee) {
			e.Claims, e.Leave = nil, nil
			e.Children[0].BirthDate = leave.MustDate("2022-05-15")
		}, infant: 200000, reasons: "infant_care_deduction"},
		{name: "3rd birthday month gives 0", month: "2025-05", edit: func(e *FeedEmployee) {
			e.Claims, e.Leave = nil, nil
			e.Children[0].BirthDate = leave.MustDate("2022-05-15")
		}},
		{name: "50/50 split", month: "2025-04", edit: func(e *FeedEmployee) {
			e.Claims, e.Leave = nil, nil
			e.Children[0].SharePercent = 50
		}, infant: 100000, reasons: "infant_care_deduction"},
		{name: "2022 standard 1000 yuan", month: "2022-06", edit: func(e *FeedEmployee) {
			e.Claims, e.Leave = nil, nil
			e.Children[0].BirthDate = leave.MustDate("2022-05-15")
		}, infant: 100000, reasons: "infant_care_deduction"},
		{name: "before the birth month", month: "2025-02", edit: func(*FeedEmployee) {}},
		{name: "allowance paid to the employer", month: "2025-04", edit: func(e *FeedEmployee) { e.Claims[0].Payee = PayeeEmployer },
			leaveDays: 30, infant: 200000, reasons: "allowance_to_employer,infant_care_deduction"},
		{name: "uninsured", month: "2025-04", edit: func(e *FeedEmployee) { e.Claims[0].MaternityInsured = false },
			leaveDays: 30, infant: 200000, reasons: "allowance_uninsured,infant_care_deduction"},
		{name: "two children one shared", month: "2025-04", edit: func(e *FeedEmployee) {
			e.Claims = nil
			e.Children = append(e.Children, Child{ChildID: "k0", BirthDate: leave.MustDate("2023-01-31"), SharePercent: 50})
		}, leaveDays: 30, infant: 300000, reasons: "infant_care_deduction"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := mother(t)
			tc.edit(&e)
			lines, err := Feed(MustMonth(tc.month), FeedFacts{Employees: []FeedEmployee{e}})
			if err != nil {
				t.Fatal(err)
			}
			l := lines[0]
			days := 0
			for _, td := range l.LeaveDays {
				days += td.Days
			}
			if days != tc.leaveDays || l.AllowanceReplacedDays != tc.replaced || l.TopUpFen != tc.topUp || l.InfantCareDeductionFen != tc.infant {
				t.Fatalf("leave/replaced/top-up/infant = %d/%d/%d/%d, want %d/%d/%d/%d", days,
					l.AllowanceReplacedDays, l.TopUpFen, l.InfantCareDeductionFen, tc.leaveDays, tc.replaced, tc.topUp, tc.infant)
			}
			if got := codes(l.Reasons); got != tc.reasons {
				t.Fatalf("reasons = %q, want %q", got, tc.reasons)
			}
			if l.LineID != FeedLineID("emp-1", MustMonth(tc.month), DefaultFeedVersion) {
				t.Fatalf("line id %s not stable", l.LineID)
			}
		})
	}
}

func TestFeedLineID(t *testing.T) {
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	a := FeedLineID("emp-1", MustMonth("2025-03"), "v1")
	if !uuid.MatchString(a) {
		t.Fatalf("%s is not a version-8 UUID", a)
	}
	for name, other := range map[string]string{
		"other month":    FeedLineID("emp-1", MustMonth("2025-04"), "v1"),
		"other employee": FeedLineID("emp-2", MustMonth("2025-03"), "v1"),
		"other version":  FeedLineID("emp-1", MustMonth("2025-03"), "v2"),
		"no ambiguity":   FeedLineID("emp-12025-03", Month{}, "v1"),
	} {
		if other == a {
			t.Fatalf("%s gives the same id", name)
		}
	}
	if FeedLineID("emp-1", MustMonth("2025-03"), "v1") != a {
		t.Fatal("id not deterministic")
	}
}

func TestFeedErrors(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*FeedFacts)
		field string
	}{
		{"duplicate employee", func(f *FeedFacts) { f.Employees = append(f.Employees, f.Employees[0]) }, "employees[1].employee_id"},
		{"bad share", func(f *FeedFacts) { f.Employees[0].Children[0].SharePercent = 30 }, "employees[0].children[0].share_percent"},
		{"bad claim", func(f *FeedFacts) { f.Employees[0].Claims[0].PaidDays = 0 }, "employees[0].claims[0]"},
		{"overlapping claims", func(f *FeedFacts) {
			f.Employees[0].Claims = append(f.Employees[0].Claims, f.Employees[0].Claims[0])
		}, "employees[0].claims"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := FeedFacts{Employees: []FeedEmployee{mother(t)}}
			tc.edit(&f)
			_, err := Feed(MustMonth("2025-04"), f)
			var fe FieldErrors
			if !errors.As(err, &fe) || fe[tc.field] == "" {
				t.Fatalf("err = %v, want field %s", err, tc.field)
			}
		})
	}
}

// TestTopUpShareSumsExactly checks, on random claims, that the monthly
// shares are non-negative, within one fen of the exact pro-rata amount, and
// sum exactly to the total.
func TestTopUpShareSumsExactly(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 2000; i++ {
		total := rng.Int64N(5_000_000)
		days := 1 + rng.IntN(400)
		start := leave.MustDate("2024-01-01").AddDays(rng.IntN(800))
		mds, _ := SplitByMonth(start, start.AddDays(days-1))
		var sum int64
		for _, md := range mds {
			s, err := TopUpShare(total, start, days, md.Month)
			if err != nil {
				t.Fatal(err)
			}
			exact := big.NewRat(total*int64(md.Days), int64(days))
			diff := new(big.Rat).Sub(new(big.Rat).SetInt64(s), exact)
			if s < 0 || diff.Cmp(big.NewRat(1, 1)) >= 0 || diff.Cmp(big.NewRat(-1, 1)) <= 0 {
				t.Fatalf("share %d for %s, exact %s", s, md.Month, exact.RatString())
			}
			sum += s
		}
		if sum != total {
			t.Fatalf("total %d over %d days from %s: shares sum to %d", total, days, start, sum)
		}
		if s, _ := TopUpShare(total, start, days, mds[0].Month.AddMonths(-1)); s != 0 {
			t.Fatalf("share before the period = %d", s)
		}
	}
}
