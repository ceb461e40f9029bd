package leave_test

import (
	"strings"
	"testing"

	"leaveguard/leave"
)

func TestPlanBirthMother(t *testing.T) {
	tests := []struct {
		name       string
		region     string
		birth      leave.Birth
		days       int
		start, end string
		comps      map[string]int
		note       string // a note code the plan must carry
		parental   int
	}{
		{name: "first_child_normal_hinggan_2026", birth: mother("2026-03-10"), days: 158,
			start: "2026-03-10", end: "2026-08-14",
			comps: map[string]int{"national_base": 98, "regional_extension": 60}, parental: 10},
		{name: "second_child", birth: leave.Birth{Date: d("2026-03-10"), ChildOrder: 2, Babies: 1, Parent: leave.Mother},
			days: 158, comps: map[string]int{"national_base": 98, "regional_extension": 60}, parental: 10},
		{name: "third_child", birth: leave.Birth{Date: d("2026-03-10"), ChildOrder: 3, Babies: 1, Parent: leave.Mother},
			days: 188, comps: map[string]int{"national_base": 98, "regional_extension": 90}, parental: 10},
		{name: "third_child_twins_dystocia", birth: leave.Birth{Date: d("2026-03-10"), ChildOrder: 3, Babies: 2,
			Dystocia: true, Parent: leave.Mother}, days: 218,
			comps: map[string]int{"national_base": 98, "dystocia": 15, "multiple_birth": 15, "regional_extension": 90}, parental: 10},
		// triplets born as the 1st to 3rd child: the birth includes a 3rd child (multiple_birth_order_basis = last_baby)
		{name: "first_child_triplets", birth: leave.Birth{Date: d("2026-03-10"), ChildOrder: 1, Babies: 3, Parent: leave.Mother},
			days: 218, comps: map[string]int{"national_base": 98, "multiple_birth": 30, "regional_extension": 90}, note: "multiple_birth_order_basis", parental: 10},
		{name: "fourth_child_national_only", birth: leave.Birth{Date: d("2026-03-10"), ChildOrder: 4, Babies: 1, Parent: leave.Mother},
			days: 98, comps: map[string]int{"national_base": 98}, note: "beyond_policy_child_order", parental: 0},
		{name: "fourth_child_dystocia", birth: leave.Birth{Date: d("2026-03-10"), ChildOrder: 4, Babies: 1, Dystocia: true,
			Parent: leave.Mother}, days: 113, comps: map[string]int{"national_base": 98, "dystocia": 15},
			note: "beyond_policy_child_order"},
		{name: "leave_starts_15_days_before_birth", birth: leave.Birth{Date: d("2026-03-16"), ChildOrder: 1, Babies: 1,
			Parent: leave.Mother, LeaveStart: d("2026-03-01")}, days: 158, start: "2026-03-01", end: "2026-08-05",
			comps: map[string]int{"national_base": 98, "regional_extension": 60}, parental: 10},
		{name: "maternity_across_new_year_is_one_leave", birth: mother("2026-11-15"), days: 158,
			start: "2026-11-15", end: "2027-04-21", comps: map[string]int{"national_base": 98, "regional_extension": 60}, parental: 10},
		{name: "national_region_only", region: "CN", birth: mother("2026-03-10"), days: 98,
			end: "2026-06-15", comps: map[string]int{"national_base": 98}},
		{name: "inner_mongolia_without_league", region: "CN-NM", birth: mother("2026-03-10"), days: 158,
			comps: map[string]int{"national_base": 98, "regional_extension": 60}, parental: 10},
		{name: "birth_before_2022_amendment_says_so", birth: mother("2021-06-01"), days: 98,
			comps: map[string]int{"national_base": 98}, note: "no_regional_extension"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			region := tc.region
			if region == "" {
				region = "CN-NM-XAM"
			}
			p := mustPlan(t, rulesIn(region, leave.Settings{}), tc.birth)
			ml := p.MaternityLeave
			if ml == nil || ml.Days != tc.days {
				t.Fatalf("maternity = %+v, want %d days", ml, tc.days)
			}
			if tc.start != "" && !ml.Start.Equal(d(tc.start)) {
				t.Errorf("start = %s, want %s", ml.Start, tc.start)
			}
			if tc.end != "" && !ml.End.Equal(d(tc.end)) {
				t.Errorf("end = %s, want %s", ml.End, tc.end)
			}
			if got := ml.Start.AddDays(ml.Days - 1); !got.Equal(ml.End) {
				t.Errorf("end %s != start + days - 1 = %s", ml.End, got)
			}
			got := map[string]int{}
			for _, c := range ml.Components {
				got[c.Code] = c.Days
				if len(c.Basis) == 0 || c.Basis[0].Source == "" || c.Basis[0].RuleID == "" {
					t.Errorf("component %s without basis", c.Code)
				}
			}
			if len(got) != len(tc.comps) {
				t.Errorf("components = %v, want %v", got, tc.comps)
			}
			for k, v := range tc.comps {
				if got[k] != v {
					t.Errorf("component %s = %d, want %d", k, got[k], v)
				}
			}
			if tc.note != "" && !hasNote(p.Notes, tc.note) {
				t.Errorf("notes = %+v, want %s", p.Notes, tc.note)
			}
			if p.ParentalLeave.DaysPerYear != tc.parental {
				t.Errorf("parental = %+v, want %d", p.ParentalLeave, tc.parental)
			}
			if p.SpousalNursingLeave != nil {
				t.Errorf("mother got spousal nursing leave")
			}
		})
	}
}

func hasNote(ns []leave.Note, code string) bool {
	for _, n := range ns {
		if n.Code == code && n.Message != "" {
			return true
		}
	}
	return false
}

func TestPlanBirthFourthChildSaysWhy(t *testing.T) {
	p := mustPlan(t, xam(), leave.Birth{Date: d("2026-03-10"), ChildOrder: 4, Babies: 1, Parent: leave.Mother})
	if len(p.Notes) != 1 || !strings.Contains(p.Notes[0].Message, "仅享受国家规定") ||
		!strings.Contains(p.Notes[0].Message, "第4个子女") {
		t.Fatalf("notes = %+v", p.Notes)
	}
	if len(p.ParentalLeave.Basis) == 0 || p.ParentalLeave.Basis[0].RuleID != "CN-NM/policy.max_child_order@2022-01-07" {
		t.Errorf("parental basis = %+v", p.ParentalLeave.Basis)
	}
}

func TestPlanBirthDates(t *testing.T) {
	tests := []struct {
		name, birth, nursingEnd, parentalUntil string
	}{
		// the birthdays are the last days (民法典 第二百零一条、第二百零二条)
		{"ordinary", "2026-03-10", "2027-03-10", "2029-03-10"},
		{"leap_day_birth", "2024-02-29", "2025-02-28", "2027-02-28"},
		{"new_years_eve", "2025-12-31", "2026-12-31", "2028-12-31"},
		{"first_of_march", "2025-03-01", "2026-03-01", "2028-03-01"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := mustPlan(t, xam(), mother(tc.birth))
			if !p.NursingPeriodEnd.Equal(d(tc.nursingEnd)) || !p.ProtectedUntil.Equal(d(tc.nursingEnd)) {
				t.Errorf("nursing end %s, protected until %s, want %s", p.NursingPeriodEnd, p.ProtectedUntil, tc.nursingEnd)
			}
			if !p.ParentalLeave.Until.Equal(d(tc.parentalUntil)) {
				t.Errorf("parental until %s, want %s", p.ParentalLeave.Until, tc.parentalUntil)
			}
			if p.NursingTime == nil || !p.NursingTime.Until.Equal(d(tc.nursingEnd)) {
				t.Errorf("nursing time = %+v", p.NursingTime)
			}
		})
	}
}

func TestPlanBirthNursingTime(t *testing.T) {
	for _, tc := range []struct {
		name          string
		babies, hours int
	}{{"one_baby_1h", 1, 1}, {"twins_2h", 2, 2}, {"triplets_3h", 3, 3}} {
		t.Run(tc.name, func(t *testing.T) {
			b := mother("2026-03-10")
			b.Babies = tc.babies
			p := mustPlan(t, xam(), b)
			if p.NursingTime.HoursPerDay != tc.hours {
				t.Errorf("hours = %d, want %d", p.NursingTime.HoursPerDay, tc.hours)
			}
		})
	}
}

func TestPlanBirthFather(t *testing.T) {
	tests := []struct {
		name     string
		region   string
		settings leave.Settings
		order    int
		spousal  int
		unit     leave.Unit
		override bool
		parental int
	}{
		{name: "first_child_25_days", order: 1, spousal: 25, unit: leave.CalendarDays, parental: 10},
		{name: "third_child_25_days", order: 3, spousal: 25, unit: leave.CalendarDays, parental: 10},
		{name: "fourth_child_none", order: 4, spousal: 0, unit: leave.CalendarDays, parental: 0},
		{name: "tenant_counts_working_days", order: 1, settings: leave.Settings{SpousalNursingUnit: leave.WorkingDays},
			spousal: 25, unit: leave.WorkingDays, override: true, parental: 10},
		{name: "national_has_no_spousal_leave", region: "CN", order: 1, spousal: 0, unit: leave.CalendarDays},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			region := tc.region
			if region == "" {
				region = "CN-NM-XAM"
			}
			p := mustPlan(t, rulesIn(region, tc.settings), father("2026-03-10", tc.order))
			sn := p.SpousalNursingLeave
			if p.MaternityLeave != nil || sn == nil {
				t.Fatalf("father plan = %+v", p)
			}
			if sn.Days != tc.spousal || sn.Unit != tc.unit || len(sn.Basis) == 0 {
				t.Errorf("spousal = %+v, want %d %s", sn, tc.spousal, tc.unit)
			}
			var over bool
			for _, b := range sn.Basis {
				if b.TenantOverride && b.Source == leave.SourceTenant {
					over = true
				}
			}
			if over != tc.override {
				t.Errorf("tenant override in basis = %v, want %v", over, tc.override)
			}
			if p.ParentalLeave.DaysPerYear != tc.parental {
				t.Errorf("parental = %d, want %d", p.ParentalLeave.DaysPerYear, tc.parental)
			}
			if tc.spousal == 0 && len(p.Notes) == 0 {
				t.Errorf("no note saying why there is no spousal leave")
			}
		})
	}
}

func TestPlanBirthErrors(t *testing.T) {
	pack, err := leave.DefaultRuleBook().Resolve("CN-NM-XAM", d("2026-03-16"))
	if err != nil {
		t.Fatal(err)
	}
	ok := leave.Birth{Date: d("2026-03-16"), ChildOrder: 1, Babies: 1, Parent: leave.Mother}
	with := func(f func(*leave.Birth)) leave.Birth { b := ok; f(&b); return b }
	tests := []struct {
		name string
		b    leave.Birth
		want error
	}{
		{"leave_start_16_days_before", with(func(b *leave.Birth) { b.LeaveStart = d("2026-02-28") }), leave.ErrLeaveStartTooEarly},
		{"leave_start_15_days_before_ok", with(func(b *leave.Birth) { b.LeaveStart = d("2026-03-01") }), nil},
		{"leave_start_after_birth", with(func(b *leave.Birth) { b.LeaveStart = d("2026-03-17") }), leave.ErrInvalid},
		{"no_date", with(func(b *leave.Birth) { b.Date = leave.Date{} }), leave.ErrInvalid},
		{"pack_of_another_day", with(func(b *leave.Birth) { b.Date = d("2026-03-17") }), leave.ErrInvalid},
		{"zero_babies", with(func(b *leave.Birth) { b.Babies = 0 }), leave.ErrInvalid},
		{"zero_child_order", with(func(b *leave.Birth) { b.ChildOrder = 0 }), leave.ErrInvalid},
		{"unknown_parent", with(func(b *leave.Birth) { b.Parent = "aunt" }), leave.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := leave.PlanBirth(pack, tc.b)
			wantErr(t, err, tc.want)
		})
	}
	if _, err := rulesIn("CN-XX", leave.Settings{}).PlanBirth(ok); leave.Code(err) != "unknown_region" {
		t.Errorf("unknown region: %v", err)
	}
	if _, err := leave.PlanBirth(pack, with(func(b *leave.Birth) { b.LeaveStart = d("2026-02-28") })); leave.Code(err) != "leave_start_too_early" {
		t.Errorf("code = %q", leave.Code(err))
	}
}
