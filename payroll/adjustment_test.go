package payroll

import (
	"strings"
	"testing"
)

// TestFeedExplainsAllowanceBeyondLeave: after a correction lengthens the
// allowance (173 paid days) while the approved leave stays 158 days, the
// August line says that it replaces more days than she has leave, and by
// how many, instead of contradicting itself silently.
func TestFeedExplainsAllowanceBeyondLeave(t *testing.T) {
	e := mother(t)
	e.Claims[0].PaidDays = 173
	lines, err := Feed(MustMonth("2025-08"), FeedFacts{Employees: []FeedEmployee{e}})
	if err != nil {
		t.Fatal(err)
	}
	l := lines[0]
	if l.AllowanceReplacedDays != 29 || l.LeaveDays[0].Days != 14 {
		t.Fatalf("August: %+v", l)
	}
	found := false
	for _, r := range l.Reasons {
		found = found || (r.Code == "allowance_exceeds_leave" && strings.Contains(r.Message, "相差15天"))
	}
	if !found {
		t.Fatalf("no allowance_exceeds_leave reason: %+v", l.Reasons)
	}
	ok, _ := Feed(MustMonth("2025-08"), FeedFacts{Employees: []FeedEmployee{mother(t)}})
	for _, r := range ok[0].Reasons {
		if r.Code == "allowance_exceeds_leave" {
			t.Fatalf("matching leave and allowance flagged: %+v", r)
		}
	}
}

// TestAdjustment: the adjustment of a closed line is the difference of
// the figures, per leave type and amount, in the month it is paid in, with
// an id of its own.
func TestAdjustment(t *testing.T) {
	of := FeedLine{LineID: FeedLineID("e", MustMonth("2026-03"), DefaultFeedVersion), EmployeeID: "e",
		Month: MustMonth("2026-03"), Version: DefaultFeedVersion}
	was := FeedFigures{LeaveDays: []TypeDays{{LeaveMaternity, 22}}, AllowanceReplacedDays: 22, TopUpFen: 132000}
	now := FeedFigures{LeaveDays: []TypeDays{{LeaveMaternity, 27}}, AllowanceReplacedDays: 27, TopUpFen: 162000, InfantCareDeductionFen: 100000}
	a := Adjustment(of, was, now, MustMonth("2026-04"), 2)
	if a.Month != MustMonth("2026-04") || a.LineID == of.LineID || a.AllowanceReplacedDays != 5 || a.TopUpFen != 30000 ||
		a.InfantCareDeductionFen != 100000 || len(a.LeaveDays) != 1 || a.LeaveDays[0].Days != 5 || a.Reasons[0].Code != "closed_month_adjustment" {
		t.Fatalf("adjustment: %+v", a)
	}
	if !now.Minus(now).IsZero() || now.Minus(was).IsZero() {
		t.Fatal("IsZero")
	}
}
