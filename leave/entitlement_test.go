package leave_test

import (
	"encoding/json"
	"strings"
	"testing"

	"leaveguard/leave"
)

// motherFacts: married 2025-05-20, first child born 2026-03-10 in Hinggan.
func motherFacts(t testing.TB) leave.Facts {
	return leave.Facts{Gender: leave.Female, Marriages: []leave.Date{d("2025-05-20")},
		Births: []leave.BirthPlan{mustPlan(t, xam(), mother("2026-03-10"))}}
}

// fatherFacts: his spouse gave birth to their first child on 2025-05-01.
func fatherFacts(t testing.TB) leave.Facts {
	return leave.Facts{Gender: leave.Male, Births: []leave.BirthPlan{mustPlan(t, xam(), father("2025-05-01", 1))}}
}

type wantItem struct {
	leaveType leave.LeaveType
	entitled  int
	from, to  string // to "" = open
	unit      leave.Unit
}

func TestEntitlementsAsOf(t *testing.T) {
	kids := func(s leave.Settings, births ...string) (leave.Facts, leave.Rules) {
		f := leave.Facts{Gender: leave.Female}
		for i, b := range births {
			f.Children = append(f.Children, leave.Child{BirthDate: d(b), Order: i + 1})
		}
		return f, rulesIn("CN-NM-XAM", s)
	}
	ageYears := leave.Settings{ParentalYearBasis: leave.ChildAgeYear}
	tests := []struct {
		name  string
		facts func() (leave.Facts, leave.Rules)
		asOf  string
		want  []wantItem
	}{
		{"mother_during_maternity", func() (leave.Facts, leave.Rules) { return motherFacts(t), xam() }, "2026-04-01", []wantItem{
			{leave.LeaveMaternity, 158, "2026-03-10", "2026-08-14", leave.CalendarDays},
			{leave.LeaveParental, 10, "2026-03-10", "2026-12-31", leave.WorkingDays},
			{leave.LeaveMarriage, 18, "2025-05-20", "", leave.CalendarDays}}},
		{"maternity_gone_after_it_ends", func() (leave.Facts, leave.Rules) { return motherFacts(t), xam() }, "2026-08-15", []wantItem{
			{leave.LeaveParental, 10, "2026-03-10", "2026-12-31", leave.WorkingDays},
			{leave.LeaveMarriage, 18, "2025-05-20", "", leave.CalendarDays}}},
		{"parental_next_calendar_year", func() (leave.Facts, leave.Rules) { return kids(leave.Settings{}, "2026-03-10") }, "2027-01-01",
			[]wantItem{{leave.LeaveParental, 10, "2027-01-01", "2027-12-31", leave.WorkingDays}}},
		{"parental_last_partial_year_full_10", func() (leave.Facts, leave.Rules) { return kids(leave.Settings{}, "2026-03-10") }, "2029-03-09",
			[]wantItem{{leave.LeaveParental, 10, "2029-01-01", "2029-03-10", leave.WorkingDays}}},
		{"parental_on_third_birthday", func() (leave.Facts, leave.Rules) { return kids(leave.Settings{}, "2026-03-10") }, "2029-03-10",
			[]wantItem{{leave.LeaveParental, 10, "2029-01-01", "2029-03-10", leave.WorkingDays}}},
		{"parental_none_day_after_third_birthday", func() (leave.Facts, leave.Rules) { return kids(leave.Settings{}, "2026-03-10") }, "2029-03-11", nil},
		{"december_birth_gets_10_that_year", func() (leave.Facts, leave.Rules) { return kids(leave.Settings{}, "2026-12-20") }, "2026-12-25",
			[]wantItem{{leave.LeaveParental, 10, "2026-12-20", "2026-12-31", leave.WorkingDays}}},
		{"child_age_year_first", func() (leave.Facts, leave.Rules) { return kids(ageYears, "2026-03-10") }, "2026-04-01",
			[]wantItem{{leave.LeaveParental, 10, "2026-03-10", "2027-03-09", leave.WorkingDays}}},
		{"child_age_year_third", func() (leave.Facts, leave.Rules) { return kids(ageYears, "2026-03-10") }, "2028-06-01",
			[]wantItem{{leave.LeaveParental, 10, "2028-03-10", "2029-03-10", leave.WorkingDays}}},
		{"leap_day_child_age_year_two", func() (leave.Facts, leave.Rules) { return kids(ageYears, "2024-02-29") }, "2025-03-01",
			[]wantItem{{leave.LeaveParental, 10, "2025-02-28", "2026-02-27", leave.WorkingDays}}},
		{"two_children_per_child", func() (leave.Facts, leave.Rules) { return kids(leave.Settings{}, "2024-06-01", "2026-03-10") }, "2026-04-01",
			[]wantItem{{leave.LeaveParental, 10, "2026-01-01", "2026-12-31", leave.WorkingDays},
				{leave.LeaveParental, 10, "2026-03-10", "2026-12-31", leave.WorkingDays}}},
		{"two_children_per_family", func() (leave.Facts, leave.Rules) {
			return kids(leave.Settings{ParentalScope: leave.PerFamily}, "2024-06-01", "2026-03-10")
		}, "2026-04-01", []wantItem{{leave.LeaveParental, 10, "2026-01-01", "2026-12-31", leave.WorkingDays}}},
		{"fourth_child_no_parental", func() (leave.Facts, leave.Rules) {
			return leave.Facts{Gender: leave.Female, Children: []leave.Child{{BirthDate: d("2026-03-10"), Order: 4}}}, xam()
		}, "2026-04-01", nil},
		{"father_spousal_and_parental", func() (leave.Facts, leave.Rules) { return fatherFacts(t), xam() }, "2025-06-01", []wantItem{
			{leave.LeaveSpousalNursing, 25, "2025-05-01", "2026-05-01", leave.CalendarDays},
			{leave.LeaveParental, 10, "2025-05-01", "2025-12-31", leave.WorkingDays}}},
		{"marriage_national_only", func() (leave.Facts, leave.Rules) {
			return leave.Facts{Gender: leave.Male, Marriages: []leave.Date{d("2026-05-20")}}, rulesIn("CN", leave.Settings{})
		}, "2026-06-01", []wantItem{{leave.LeaveMarriage, 3, "2026-05-20", "", leave.CalendarDays}}},
		{"marriage_not_before_registration", func() (leave.Facts, leave.Rules) {
			return leave.Facts{Gender: leave.Male, Marriages: []leave.Date{d("2026-05-20")}}, xam()
		}, "2026-05-19", nil},
		{"only_child_not_configured_shows_zero", func() (leave.Facts, leave.Rules) { return leave.Facts{Gender: leave.Male, OnlyChild: true}, xam() },
			"2026-06-01", []wantItem{{leave.LeaveOnlyChildCare, 0, "2026-01-01", "2026-12-31", leave.CalendarDays}}},
		{"only_child_configured", func() (leave.Facts, leave.Rules) {
			return leave.Facts{Gender: leave.Male, OnlyChild: true}, rulesIn("CN-NM-XAM", leave.Settings{OnlyChildCareDays: 7})
		}, "2026-06-01", []wantItem{{leave.LeaveOnlyChildCare, 7, "2026-01-01", "2026-12-31", leave.CalendarDays}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, r := tc.facts()
			items, err := leave.Entitlements(f, r, leave.Books{}, d(tc.asOf))
			if err != nil {
				t.Fatal(err)
			}
			if len(items) != len(tc.want) {
				t.Fatalf("got %d items %+v, want %d", len(items), items, len(tc.want))
			}
			for i, w := range tc.want {
				it := items[i]
				to := ""
				if it.Period.To != nil {
					to = it.Period.To.String()
				}
				if it.LeaveType != w.leaveType || it.Entitled != w.entitled || it.Period.From.String() != w.from ||
					to != w.to || it.Unit != w.unit || it.Remaining != it.Entitled || len(it.Basis) == 0 || it.Bucket == "" {
					t.Errorf("item %d = %s %d %s..%s %s, want %+v", i, it.LeaveType, it.Entitled, it.Period.From, to, it.Unit, w)
				}
			}
		})
	}
}

func TestEntitlementsFoldTheLedger(t *testing.T) {
	f := fatherFacts(t)
	items, _ := leave.Entitlements(f, xam(), leave.Books{}, d("2026-02-01"))
	var parental string
	for _, it := range items {
		if it.LeaveType == leave.LeaveParental {
			parental = it.Bucket
		}
	}
	// Working-day parental leave: "a" 2026-03-02..03-05 (4 days) cancelled;
	// "b" 2026-04-07..04-14 (6 days, around nothing special) approved on
	// 2026-05-20, after it had been taken (a back-dated approval); "c"
	// 2026-09-29..10-08 (3 working days: 09-29, 09-30 and 10-08, across
	// 国庆 10-01..10-07) approved early;
	// "p" submitted, undecided.
	work := func(kind leave.EntryKind, posted, id, start, end string, days int) leave.Entry {
		return leave.Entry{Kind: kind, PostedOn: d(posted), Bucket: parental, Days: days, Unit: leave.WorkingDays,
			RequestID: id, Start: d(start), End: d(end)}
	}
	l, err := leave.NewLedger(
		work(leave.Debit, "2026-03-01", "a", "2026-03-02", "2026-03-05", 4),
		work(leave.Reversal, "2026-03-03", "a", "2026-03-02", "2026-03-05", 4),
		work(leave.Debit, "2026-01-10", "c", "2026-09-29", "2026-10-08", 3),
		work(leave.Debit, "2026-05-20", "b", "2026-04-07", "2026-04-14", 6))
	if err != nil {
		t.Fatal(err)
	}
	books := leave.Books{Ledger: l, Calendar: leave.NewCalendar(), Requests: []leave.Booking{
		{ID: "p", LeaveType: leave.LeaveParental, Start: d("2026-12-01"), End: d("2026-12-01"), Days: 1, Bucket: parental, Status: leave.Submitted},
		{ID: "r", LeaveType: leave.LeaveParental, Start: d("2026-12-02"), End: d("2026-12-02"), Days: 1, Bucket: parental, Status: leave.Rejected}}}
	for _, tc := range []struct {
		name                              string
		asOf                              string
		taken, booked, pending, remaining int
	}{
		{"before every leave: all booked", "2026-02-28", 0, 9, 1, 1},
		{"back-dated approval counts by its leave dates", "2026-04-30", 6, 3, 1, 1},
		{"a cancelled leave counts nowhere, whenever cancelled", "2026-03-04", 0, 9, 1, 1},
		{"inside a leave: its working days so far", "2026-09-29", 7, 2, 1, 1},
		{"across 国庆: holidays are not leave days", "2026-10-07", 8, 1, 1, 1},
		{"after every leave: all taken", "2026-12-31", 9, 0, 1, 1},
	} {
		items, _ := leave.Entitlements(f, xam(), books, d(tc.asOf))
		for _, it := range items {
			if it.Bucket == parental && (it.Taken != tc.taken || it.Booked != tc.booked || it.Pending != tc.pending || it.Remaining != tc.remaining) {
				t.Errorf("%s (%s): taken %d booked %d pending %d remaining %d, want %d %d %d %d", tc.name, tc.asOf,
					it.Taken, it.Booked, it.Pending, it.Remaining, tc.taken, tc.booked, tc.pending, tc.remaining)
			}
		}
	}
}

func TestEntitlementJSONShape(t *testing.T) {
	items, err := leave.Entitlements(motherFacts(t), xam(), leave.Books{}, d("2026-04-01"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(map[string]any{"items": items})
	s := string(b)
	for _, want := range []string{`"leave_type":"maternity"`, `"entitled":158`, `"taken":0`, `"remaining":158`,
		`"unit":"calendar_days"`, `"period":{"from":"2026-03-10","to":"2026-08-14"}`, `"unit":"working_days"`,
		`"period":{"from":"2025-05-20","to":null}`, `"rule_id":"CN/maternity.base@2012-04-28"`, `"tenant_override":false`,
		`"source":"女职工劳动保护特别规定 第七条第一款"`, `"jurisdiction":"CN-NM-XAM"`} {
		if !strings.Contains(s, want) {
			t.Errorf("JSON lacks %s\n%s", want, s)
		}
	}
	if _, err := leave.Entitlements(motherFacts(t), xam(), leave.Books{}, leave.Date{}); err == nil {
		t.Error("zero as-of accepted")
	}
}
