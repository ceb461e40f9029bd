package leave_test

import (
	"encoding/json"
	"testing"

	"leaveguard/leave"
)

func TestSettingsNormalize(t *testing.T) {
	tests := []struct {
		name    string
		in      leave.Settings
		wantErr bool
	}{
		{"zero_is_defaults", leave.Settings{}, false},
		{"working_days_marriage", leave.Settings{MarriageUnit: leave.WorkingDays}, false},
		{"bad_unit", leave.Settings{ParentalUnit: "hours"}, true},
		{"bad_year_basis", leave.Settings{ParentalYearBasis: "fiscal"}, true},
		{"bad_scope", leave.Settings{ParentalScope: "per_parent"}, true},
		{"negative_days", leave.Settings{OnlyChildCareDays: -1}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := tc.in.Normalize()
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v", err)
			}
			if err == nil && (s.ParentalUnit == "" || s.ParentalScope == "" || s.ParentalYearBasis == "") {
				t.Errorf("defaults not filled: %+v", s)
			}
		})
	}
	def, _ := leave.Settings{}.Normalize()
	if def != leave.DefaultSettings() {
		t.Errorf("normalized zero %+v != defaults", def)
	}
	want := leave.Settings{SpousalNursingUnit: leave.CalendarDays, ParentalUnit: leave.WorkingDays,
		MarriageUnit: leave.CalendarDays, OnlyChildCareUnit: leave.CalendarDays,
		ParentalYearBasis: leave.CalendarYear, ParentalScope: leave.PerChild,
		MultipleBirthOrderBasis: leave.LastBaby, StillbirthExtension: leave.Granted, StillbirthSpousalNursing: leave.Granted}
	if def != want {
		t.Errorf("defaults = %+v, rules.md says %+v", def, want)
	}
}

func TestListSettings(t *testing.T) {
	rows, err := leave.ListSettings(leave.Settings{ParentalUnit: leave.CalendarDays, OnlyChildCareDays: 5})
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]leave.Setting{}
	for _, r := range rows {
		byKey[r.Key] = r
		if r.Label == "" || r.Source == "" {
			t.Errorf("%s lacks label or source", r.Key)
		}
	}
	for key, over := range map[string]bool{"parental_unit": true, "only_child_care_days": true,
		"spousal_nursing_unit": false, "marriage_unit": false, "parental_year_basis": false, "parental_scope": false} {
		r, ok := byKey[key]
		if !ok {
			t.Fatalf("setting %s missing", key)
		}
		if r.Overridden != over || (over && r.Source != "单位设置") {
			t.Errorf("%s: overridden %v source %q", key, r.Overridden, r.Source)
		}
	}
	if byKey["only_child_care_days"].Default != 0 || byKey["parental_unit"].Default != leave.WorkingDays {
		t.Errorf("defaults: %+v %+v", byKey["only_child_care_days"], byKey["parental_unit"])
	}
	b, _ := json.Marshal(rows[0])
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	for _, k := range []string{"key", "value", "default", "source", "overridden"} {
		if _, ok := m[k]; !ok {
			t.Errorf("setting JSON lacks %q: %s", k, b)
		}
	}
	if _, err := leave.ListSettings(leave.Settings{ParentalScope: "x"}); err == nil {
		t.Error("bad settings listed")
	}
}
