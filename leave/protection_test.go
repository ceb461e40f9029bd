package leave_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"leaveguard/leave"
)

// protectedMother reported her pregnancy on 2025-06-02 and gave birth to her
// first child on 2026-01-15: maternity leave 2026-01-15..2026-06-21 (158
// days), nursing 2026-06-22..2027-01-15 (the day before the 1st birthday).
func protectedMother(t testing.TB) leave.Facts {
	return leave.Facts{Gender: leave.Female,
		Pregnancies: []leave.Pregnancy{{ReportedOn: d("2025-06-02"), ExpectedDueDate: d("2026-01-20")}},
		Births:      []leave.BirthPlan{mustPlan(t, xam(), mother("2026-01-15"))}}
}

// miscarriedMother reported on 2026-02-01 and miscarried at 10 weeks on
// 2026-04-10: leave 2026-04-10..2026-04-24.
func miscarriedMother(t testing.TB) leave.Facts {
	return leave.Facts{Gender: leave.Female,
		Pregnancies:  []leave.Pregnancy{{ReportedOn: d("2026-02-01")}},
		Miscarriages: []leave.MiscarriagePlan{mustMiscarriage(t, xam(), leave.Miscarriage{Date: d("2026-04-10"), GestationWeeks: 10})}}
}

// pregnantAgain is protectedMother reporting a second pregnancy on
// 2026-10-01 while nursing (due 2027-06-01, no birth recorded yet).
func pregnantAgain(t testing.TB) leave.Facts {
	f := protectedMother(t)
	f.Pregnancies = append(f.Pregnancies, leave.Pregnancy{ReportedOn: d("2026-10-01"), ExpectedDueDate: d("2027-06-01")})
	return f
}

func TestProtectionOn(t *testing.T) {
	secondBirth := func() leave.Facts {
		f := pregnantAgain(t)
		b := mother("2027-05-28")
		b.ChildOrder = 2
		f.Births = append(f.Births, mustPlan(t, xam(), b))
		return f
	}
	prenatal := func() leave.Facts {
		b := mother("2026-01-15")
		b.LeaveStart = d("2025-12-31")
		return leave.Facts{Gender: leave.Female, Pregnancies: []leave.Pregnancy{{ReportedOn: d("2025-06-02")}},
			Births: []leave.BirthPlan{mustPlan(t, xam(), b)}}
	}
	tests := []struct {
		name        string
		f           leave.Facts
		asOf        string
		phase       leave.Phase
		from, until string // "" = not protected
		estimated   bool
	}{
		{"day_before_estimated_start", protectedMother(t), "2025-04-14", leave.PhaseNone, "", "", false},
		{"estimated_start_day", protectedMother(t), "2025-04-15", leave.PhasePregnancy, "2025-04-15", "2027-01-15", false},
		{"day_before_report_already_pregnant", protectedMother(t), "2025-06-01", leave.PhasePregnancy, "2025-04-15", "2027-01-15", false},
		{"report_day", protectedMother(t), "2025-06-02", leave.PhasePregnancy, "2025-04-15", "2027-01-15", false},
		{"day_before_maternity_leave", protectedMother(t), "2026-01-14", leave.PhasePregnancy, "2025-04-15", "2027-01-15", false},
		{"birth_day", protectedMother(t), "2026-01-15", leave.PhaseMaternityLeave, "2025-04-15", "2027-01-15", false},
		{"last_maternity_day", protectedMother(t), "2026-06-21", leave.PhaseMaternityLeave, "2025-04-15", "2027-01-15", false},
		{"first_nursing_day", protectedMother(t), "2026-06-22", leave.PhaseNursing, "2025-04-15", "2027-01-15", false},
		{"last_nursing_day", protectedMother(t), "2027-01-15", leave.PhaseNursing, "2025-04-15", "2027-01-15", false},
		{"day_after_first_birthday", protectedMother(t), "2027-01-16", leave.PhaseNone, "", "", false},
		{"prenatal_leave_ends_pregnancy_phase", prenatal(), "2025-12-31", leave.PhaseMaternityLeave, "2025-06-02", "2027-01-15", false},
		{"prenatal_day_before", prenatal(), "2025-12-30", leave.PhasePregnancy, "2025-06-02", "2027-01-15", false},
		{"miscarriage_day_before", miscarriedMother(t), "2026-04-09", leave.PhasePregnancy, "2026-02-01", "2026-04-24", false},
		{"miscarriage_leave_last_day", miscarriedMother(t), "2026-04-24", leave.PhaseMaternityLeave, "2026-02-01", "2026-04-24", false},
		{"miscarriage_leave_day_after", miscarriedMother(t), "2026-04-25", leave.PhaseNone, "", "", false},
		{"second_pregnancy_while_nursing", pregnantAgain(t), "2026-11-01", leave.PhasePregnancy, "2025-04-15", "2028-06-01", true},
		{"second_pregnancy_after_first_nursing", pregnantAgain(t), "2027-01-20", leave.PhasePregnancy, "2025-04-15", "2028-06-01", true},
		{"second_birth_recorded", secondBirth(), "2027-05-28", leave.PhaseMaternityLeave, "2025-04-15", "2028-05-28", false},
		{"pregnancy_without_due_date", leave.Facts{Gender: leave.Female, Pregnancies: []leave.Pregnancy{{ReportedOn: d("2026-03-01")}}},
			"2026-03-01", leave.PhasePregnancy, "2026-03-01", "2027-12-06", true},
		{"birth_without_report_starts_at_leave", leave.Facts{Gender: leave.Female, Births: []leave.BirthPlan{mustPlan(t, xam(), mother("2026-01-15"))}},
			"2026-01-14", leave.PhaseNone, "", "", false},
		{"male_employee", leave.Facts{Gender: leave.Male, Births: []leave.BirthPlan{mustPlan(t, xam(), father("2026-01-15", 1))}},
			"2026-02-01", leave.PhaseNone, "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := leave.ProtectionOn(tc.f, d(tc.asOf))
			if p.Protected != (tc.until != "") || p.Phase != tc.phase || p.UntilEstimated != tc.estimated {
				t.Fatalf("protection = %+v, want phase %q until %q estimated %v", p, tc.phase, tc.until, tc.estimated)
			}
			if tc.until == "" {
				if p.From != nil || p.Until != nil {
					t.Errorf("unprotected with dates: %+v", p)
				}
			} else if !eqDatePtr(p.From, datePtr(tc.from)) || !eqDatePtr(p.Until, datePtr(tc.until)) {
				t.Errorf("from %v until %v, want %s %s", p.From, p.Until, tc.from, tc.until)
			}
			if len(p.Basis) == 0 {
				t.Error("no basis")
			}
		})
	}
}

func TestProtectionJSON(t *testing.T) {
	off, _ := json.Marshal(leave.ProtectionOn(protectedMother(t), d("2025-04-14")))
	if !strings.Contains(string(off), `"protected":false,"phase":null,"from":null,"from_estimated":false,"until":null`) {
		t.Errorf("unprotected JSON = %s", off)
	}
	on, _ := json.Marshal(leave.ProtectionOn(protectedMother(t), d("2026-07-01")))
	if !strings.Contains(string(on), `"protected":true,"phase":"nursing","from":"2025-04-15","from_estimated":true,"until":"2027-01-15"`) ||
		!strings.Contains(string(on), "第四十二条") {
		t.Errorf("protected JSON = %s", on)
	}
	var back leave.Protection
	if err := json.Unmarshal(off, &back); err != nil || back.Phase != leave.PhaseNone {
		t.Errorf("round trip: %v %+v", err, back)
	}
	est := leave.ProtectionOn(pregnantAgain(t), d("2027-02-01"))
	if !strings.Contains(fmt.Sprint(est.Basis), "leaveguard/protection.estimate") || !est.FromEstimated {
		t.Errorf("estimated protection must say so: %+v", est.Basis)
	}
}

func TestProtectedIntervalsMerge(t *testing.T) {
	ivs := leave.ProtectedIntervals(pregnantAgain(t))
	if len(ivs) != 1 || !ivs[0].From.Equal(d("2025-04-15")) || !ivs[0].To.Equal(d("2028-06-01")) || len(ivs[0].Phases) != 4 {
		t.Fatalf("intervals = %+v", ivs)
	}
	two := protectedMother(t)
	b := mother("2030-01-15")
	b.ChildOrder = 2
	two.Births = append(two.Births, mustPlan(t, xam(), b))
	if ivs := leave.ProtectedIntervals(two); len(ivs) != 2 {
		t.Errorf("separate births must stay separate: %+v", ivs)
	}
	if p := leave.ProtectionOn(two, d("2028-01-01")); p.Protected {
		t.Errorf("gap between intervals protected: %+v", p)
	}
}
