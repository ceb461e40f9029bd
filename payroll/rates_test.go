package payroll

import (
	"strings"
	"testing"
)

func TestDefaultYearRates(t *testing.T) {
	r := DefaultYearRates(0)
	if r.PensionBP != 1600 || r.UnemploymentBP != 50 || r.WorkInjuryBP != 20 || r.MedicalBP != 700 || r.Confirmed {
		t.Fatalf("defaults = %+v", r)
	}
	if bp, _ := WorkInjuryClassBP(8); DefaultYearRates(8).WorkInjuryBP != bp || bp != 190 {
		t.Fatalf("class 8 = %d", bp)
	}
	r.BaseFloorFen, r.BaseCeilingFen = 400000, 2000000
	for _, p := range rateParams(2025, r) {
		if !strings.Contains(p.Source, "单位设置") && !strings.HasPrefix(p.Source, SourceLocalNotice) {
			t.Fatalf("default %s not labelled: %q", p.Name, p.Source)
		}
		if p.Confidence != ConfidenceLow {
			t.Fatalf("default %s not low confidence", p.Name)
		}
	}
	r.Confirmed, r.Source = true, "兴安盟2025年社保缴费通知"
	for _, p := range rateParams(2025, r) {
		if p.Default || !strings.HasPrefix(p.Source, SourceTenant) {
			t.Fatalf("confirmed %s = %+v", p.Name, p)
		}
	}
}

func TestValidateYearRates(t *testing.T) {
	ok := YearRates{PensionBP: 1600, MedicalBP: 700, UnemploymentBP: 50, WorkInjuryBP: 20,
		BaseFloorFen: 400000, BaseCeilingFen: 2000000}
	tests := []struct {
		name  string
		edit  func(*YearRates)
		field string
	}{
		{"valid", func(*YearRates) {}, ""},
		{"negative rate", func(r *YearRates) { r.PensionBP = -1 }, "pension_bp"},
		{"rate above 100%", func(r *YearRates) { r.MedicalBP = 10001 }, "medical_bp"},
		{"unknown injury class", func(r *YearRates) { r.WorkInjuryClass = 9 }, "work_injury_class"},
		{"floor above ceiling", func(r *YearRates) { r.BaseFloorFen = 3000000 }, "base_floor_fen"},
		{"ceiling not set", func(r *YearRates) { r.BaseCeilingFen = 0 }, "base_ceiling_fen"},
		{"negative floor", func(r *YearRates) { r.BaseFloorFen = -5 }, "base_floor_fen"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ok
			tc.edit(&r)
			fe := ValidateYearRates(r)
			if tc.field == "" && fe != nil {
				t.Fatalf("unexpected errors %v", fe)
			}
			if tc.field != "" && fe[tc.field] == "" {
				t.Fatalf("errors %v lack %s", fe, tc.field)
			}
		})
	}
}

func TestValidateSubsidyProgram(t *testing.T) {
	neg := int64(-1)
	tests := []struct {
		name  string
		p     SubsidyProgram
		field string
	}{
		{"default valid", DefaultSubsidyProgram(), ""},
		{"ratio above 100%", SubsidyProgram{RatioBP: 10001}, "ratio_bp"},
		{"negative ratio", SubsidyProgram{RatioBP: -1}, "ratio_bp"},
		{"negative cap", SubsidyProgram{RatioBP: 5000, PerEmployeeCapFen: &neg}, "per_employee_cap_fen"},
		{"unknown leave type", SubsidyProgram{RatioBP: 5000, EligibleLeaveTypes: []LeaveType{"sick"}}, "eligible_leave_types"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fe := ValidateSubsidyProgram(tc.p)
			if (tc.field == "") != (fe == nil) || (tc.field != "" && fe[tc.field] == "") {
				t.Fatalf("errors = %v, want field %q", fe, tc.field)
			}
		})
	}
}
