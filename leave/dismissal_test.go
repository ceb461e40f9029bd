package leave_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"leaveguard/leave"
)

func withContractEnd(f leave.Facts, end string) leave.Facts {
	f.ContractEnd = d(end)
	return f
}

func TestCheckDismissal(t *testing.T) {
	pm := protectedMother(t) // protected 2025-06-02 .. 2027-01-15
	male := leave.Facts{Gender: leave.Male, Births: []leave.BirthPlan{mustPlan(t, xam(), father("2026-01-15", 1))}}
	tests := []struct {
		name           string
		f              leave.Facts
		action         leave.Action
		ground         leave.Ground
		effective      string
		want           leave.Outcome
		protectedUntil string // "" = null
		extendedEnd    string // "" = null
		allowedFrom    string // "" = null
		codes          []string
	}{
		// termination for incapacity etc. (Art. 40)
		{"art40_day_before_review_window", pm, leave.Termination, leave.GroundArt40, "2025-03-31", leave.Allowed, "", "", "",
			[]string{"not_protected", "scope_of_check"}},
		{"art40_first_review_day", pm, leave.Termination, leave.GroundArt40, "2025-04-01", leave.RequiresReview, "", "", "",
			[]string{"pregnancy_start_uncertain", "scope_of_check"}},
		{"art40_day_before_estimated_start", pm, leave.Termination, leave.GroundArt40, "2025-04-14", leave.RequiresReview, "", "", "",
			[]string{"pregnancy_start_uncertain"}},
		{"art40_estimated_start_day", pm, leave.Termination, leave.GroundArt40, "2025-04-15", leave.Prohibited, "2027-01-15", "", "2027-01-16",
			[]string{"protected_period_termination_prohibited", "pregnancy_start_estimated"}},
		{"art40_before_report_after_start", pm, leave.Termination, leave.GroundArt40, "2025-06-01", leave.Prohibited, "2027-01-15", "", "2027-01-16", nil},
		{"art40_report_day", pm, leave.Termination, leave.GroundArt40, "2025-06-02", leave.Prohibited, "2027-01-15", "", "2027-01-16",
			[]string{"protected_period_termination_prohibited", "double_severance_risk", "scope_of_check"}},
		{"art40_maternity_leave", pm, leave.Termination, leave.GroundArt40, "2026-03-01", leave.Prohibited, "2027-01-15", "", "2027-01-16", nil},
		{"art40_last_nursing_day", pm, leave.Termination, leave.GroundArt40, "2027-01-15", leave.Prohibited, "2027-01-15", "", "2027-01-16", nil},
		{"art40_day_after_protection", pm, leave.Termination, leave.GroundArt40, "2027-01-16", leave.Allowed, "", "", "2027-01-16",
			[]string{"protection_ended", "scope_of_check"}},
		// economic layoff (Art. 41)
		{"art41_nursing", pm, leave.Termination, leave.GroundArt41, "2026-08-01", leave.Prohibited, "2027-01-15", "", "2027-01-16",
			[]string{"protected_period_termination_prohibited", "double_severance_risk"}},
		{"art41_day_after", pm, leave.Termination, leave.GroundArt41, "2027-01-16", leave.Allowed, "", "", "2027-01-16", nil},
		// dismissal for cause (Art. 39)
		{"art39_pregnancy", pm, leave.Termination, leave.GroundArt39, "2025-09-01", leave.RequiresReview, "2027-01-15", "", "2027-01-16",
			[]string{"for_cause_requires_review", "double_severance_risk"}},
		{"art39_before_review_window", pm, leave.Termination, leave.GroundArt39, "2025-03-31", leave.Allowed, "", "", "", nil},
		// contract expiry
		{"non_renewal_inside_period_extends", withContractEnd(pm, "2026-08-31"), leave.NonRenewal, "", "2026-08-31",
			leave.ExtendContract, "2027-01-15", "2027-01-15", "2027-01-16", []string{"contract_extended_to_protection_end"}},
		{"non_renewal_on_report_day_extends", withContractEnd(pm, "2025-06-02"), leave.NonRenewal, "", "2025-06-02",
			leave.ExtendContract, "2027-01-15", "2027-01-15", "2027-01-16", nil},
		{"non_renewal_before_review_window", withContractEnd(pm, "2025-03-31"), leave.NonRenewal, "", "2025-03-31",
			leave.Allowed, "", "", "", []string{"not_protected"}},
		{"non_renewal_in_review_window", withContractEnd(pm, "2025-04-10"), leave.NonRenewal, "", "2025-04-10",
			leave.RequiresReview, "", "", "", []string{"pregnancy_start_uncertain"}},
		{"non_renewal_on_last_protected_day", withContractEnd(pm, "2027-01-15"), leave.NonRenewal, "", "2027-01-15",
			leave.Allowed, "2027-01-15", "", "2027-01-16", []string{"contract_ends_on_last_protected_day"}},
		{"non_renewal_day_after", withContractEnd(pm, "2027-01-16"), leave.NonRenewal, "", "2027-01-16",
			leave.Allowed, "", "", "2027-01-16", []string{"protection_ended"}},
		{"non_renewal_uses_effective_date_without_contract_end", pm, leave.NonRenewal, "", "2026-03-31",
			leave.ExtendContract, "2027-01-15", "2027-01-15", "2027-01-16", nil},
		// wage and benefit reduction, demotion
		{"wage_reduction_pregnancy", pm, leave.WageReduction, "", "2025-07-01", leave.Prohibited, "2027-01-15", "", "2027-01-16",
			[]string{"protected_period_wage_reduction_prohibited", "double_severance_risk"}},
		{"wage_reduction_day_after", pm, leave.WageReduction, "", "2027-01-16", leave.Allowed, "", "", "2027-01-16", nil},
		{"demotion_nursing", pm, leave.Demotion, "", "2027-01-15", leave.Prohibited, "2027-01-15", "", "2027-01-16",
			[]string{"protected_period_demotion_prohibited", "double_severance_risk"}},
		{"demotion_before_review_window", pm, leave.Demotion, "", "2025-03-31", leave.Allowed, "", "", "", nil},
		// employee's choice
		{"mutual_agreement_maternity", pm, leave.MutualAgreement, "", "2026-02-01", leave.RequiresReview, "2027-01-15", "", "2027-01-16",
			[]string{"voluntary_requires_review"}},
		{"mutual_agreement_outside", pm, leave.MutualAgreement, "", "2027-02-01", leave.Allowed, "", "", "2027-01-16", nil},
		{"resignation_nursing", pm, leave.Resignation, "", "2026-12-01", leave.RequiresReview, "2027-01-15", "", "2027-01-16",
			[]string{"voluntary_requires_review"}},
		{"resignation_outside", pm, leave.Resignation, "", "2025-03-01", leave.Allowed, "", "", "", nil},
		// miscarriage: protection ends with the miscarriage leave
		{"miscarriage_leave_last_day", miscarriedMother(t), leave.Termination, leave.GroundArt40, "2026-04-24", leave.Prohibited,
			"2026-04-24", "", "2026-04-25", nil},
		{"miscarriage_day_after", miscarriedMother(t), leave.Termination, leave.GroundArt40, "2026-04-25", leave.Allowed,
			"", "", "2026-04-25", []string{"protection_ended"}},
		// second pregnancy while nursing: one continuous period, end estimated
		{"second_pregnancy_after_first_nursing", pregnantAgain(t), leave.Termination, leave.GroundArt40, "2027-02-01",
			leave.Prohibited, "2028-06-01", "", "2028-06-02", nil},
		{"second_pregnancy_contract_extends_to_estimate", withContractEnd(pregnantAgain(t), "2027-01-15"), leave.NonRenewal, "",
			"2027-01-15", leave.ExtendContract, "2028-06-01", "2028-06-01", "2028-06-02", nil},
		// men
		{"male_employee_art40", male, leave.Termination, leave.GroundArt40, "2026-02-01", leave.Allowed, "", "", "",
			[]string{"not_applicable_male", "scope_of_check"}},
		{"male_employee_non_renewal", withContractEnd(male, "2026-02-01"), leave.NonRenewal, "", "2026-02-01", leave.Allowed, "", "", "",
			[]string{"not_applicable_male"}},
	}
	code := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, err := leave.CheckDismissal(tc.f, tc.action, tc.ground, d(tc.effective))
			if err != nil {
				t.Fatal(err)
			}
			if v.Outcome != tc.want {
				t.Fatalf("verdict = %s, want %s; reasons %+v", v.Outcome, tc.want, v.Reasons)
			}
			for _, x := range []struct {
				name string
				got  *leave.Date
				want string
			}{{"protected_until", v.ProtectedUntil, tc.protectedUntil}, {"extended_contract_end", v.ExtendedContractEnd, tc.extendedEnd},
				{"allowed_from", v.AllowedFrom, tc.allowedFrom}} {
				var want *leave.Date
				if x.want != "" {
					want = datePtr(x.want)
				}
				if !eqDatePtr(x.got, want) {
					t.Errorf("%s = %v, want %q", x.name, x.got, x.want)
				}
			}
			got := map[string]bool{}
			for _, r := range v.Reasons {
				got[r.Code] = true
				if !code.MatchString(r.Code) || r.Message == "" || len(r.Basis) == 0 {
					t.Errorf("bad reason %+v", r)
				}
			}
			for _, c := range tc.codes {
				if !got[c] {
					t.Errorf("reason %s missing from %v", c, got)
				}
			}
			if v.Outcome == leave.Prohibited && !mentions(v, "二倍", "第八十七条") {
				t.Error("a prohibited verdict must mention the 2x severance risk (Art. 87)")
			}
			if !got["scope_of_check"] {
				t.Error("every verdict says what was not checked")
			}
		})
	}
}

func mentions(v leave.Verdict, words ...string) bool {
	b, _ := json.Marshal(v)
	for _, w := range words {
		if !strings.Contains(string(b), w) {
			return false
		}
	}
	return true
}

func TestDismissalMessagesNameTheLaw(t *testing.T) {
	v, _ := leave.CheckDismissal(protectedMother(t), leave.Termination, leave.GroundArt41, d("2026-08-01"))
	if !mentions(v, "第四十二条第（四）项", "第四十一条", "哺乳期", "2027-01-16", "女职工劳动保护特别规定 第五条") {
		t.Errorf("art41 verdict = %+v", v)
	}
	v, _ = leave.CheckDismissal(protectedMother(t), leave.Termination, leave.GroundArt39, d("2026-08-01"))
	if !mentions(v, "第三十九条", "妇女权益保障法 第四十八条", "与怀孕、生育、哺乳无关") {
		t.Errorf("art39 verdict = %+v", v)
	}
	v, _ = leave.CheckDismissal(withContractEnd(protectedMother(t), "2026-08-31"), leave.NonRenewal, "", d("2026-08-31"))
	if !mentions(v, "第四十五条", "续延") {
		t.Errorf("non-renewal verdict = %+v", v)
	}
	v, _ = leave.CheckDismissal(pregnantAgain(t), leave.Termination, leave.GroundArt40, d("2027-02-01"))
	if !v.UntilEstimated || !mentions(v, "估算") {
		t.Errorf("estimated end must be flagged: %+v", v)
	}
}

func TestDismissalJSON(t *testing.T) {
	v, _ := leave.CheckDismissal(protectedMother(t), leave.Termination, leave.GroundArt40, d("2025-03-31"))
	b, _ := json.Marshal(v)
	for _, want := range []string{`"verdict":"allowed"`, `"protected_until":null`, `"extended_contract_end":null`,
		`"reasons":[{"code":"not_protected","message":`, `"phase":null`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s: %s", want, b)
		}
	}
}

func TestCheckDismissalErrors(t *testing.T) {
	f := protectedMother(t)
	tests := []struct {
		name   string
		action leave.Action
		ground leave.Ground
		date   leave.Date
		want   error
	}{
		{"unknown_action", "fire", "", d("2026-01-01"), leave.ErrUnknownAction},
		{"termination_without_ground", leave.Termination, "", d("2026-01-01"), leave.ErrUnknownGround},
		{"unknown_ground", leave.Termination, "art99", d("2026-01-01"), leave.ErrUnknownGround},
		{"ground_on_wage_reduction", leave.WageReduction, leave.GroundArt40, d("2026-01-01"), leave.ErrUnknownGround},
		{"no_effective_date", leave.Termination, leave.GroundArt40, leave.Date{}, leave.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := leave.CheckDismissal(f, tc.action, tc.ground, tc.date)
			wantErr(t, err, tc.want)
		})
	}
}
