package leave_test

import (
	"testing"

	"leaveguard/leave"
)

func TestResolve(t *testing.T) {
	book := leave.DefaultRuleBook()
	tests := []struct {
		name, region, on, key string
		value                 int
		jurisdiction          string
		absent                bool
	}{
		{"national_base_inherited", "CN-NM-XAM", "2026-03-01", leave.KeyMaternityBase, 98, "CN", false},
		{"league_restates_extension", "CN-NM-XAM", "2026-03-01", leave.KeyExtension(3), 90, "CN-NM-XAM", false},
		{"province_extension_before_league_notice", "CN-NM-XAM", "2023-06-01", leave.KeyExtension(1), 60, "CN-NM", false},
		{"marriage_extension_from_province", "CN-NM-XAM", "2026-03-01", leave.KeyMarriageExtension, 15, "CN-NM", false},
		{"no_fourth_child_extension", "CN-NM-XAM", "2026-03-01", leave.KeyExtension(4), 0, "", true},
		{"national_has_no_extension", "CN", "2026-03-01", leave.KeyExtension(1), 0, "", true},
		{"province_has_no_only_child_placeholder", "CN-NM", "2026-03-01", leave.KeyOnlyChildCare, 0, "", true},
		{"league_only_child_placeholder_zero", "CN-NM-XAM", "2026-03-01", leave.KeyOnlyChildCare, 0, "CN-NM-XAM", false},
		{"before_2022_amendment_no_extension", "CN-NM", "2021-12-31", leave.KeyExtension(1), 0, "", true},
		{"amendment_day_in_force", "CN-NM", "2022-01-07", leave.KeyExtension(1), 60, "CN-NM", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pack, err := book.Resolve(tc.region, d(tc.on))
			if err != nil {
				t.Fatal(err)
			}
			p, ok := pack.Get(tc.key)
			if ok == tc.absent {
				t.Fatalf("Get(%s) present = %v", tc.key, ok)
			}
			if ok && (p.Value != tc.value || p.Jurisdiction != tc.jurisdiction) {
				t.Errorf("%s = %d from %s, want %d from %s", tc.key, p.Value, p.Jurisdiction, tc.value, tc.jurisdiction)
			}
		})
	}
}

func TestResolveUnknownRegion(t *testing.T) {
	for _, region := range []string{"CN-XX", "", "cn-nm-xam"} {
		_, err := leave.DefaultRuleBook().Resolve(region, d("2026-01-01"))
		wantErr(t, err, leave.ErrUnknownRegion)
	}
	_, err := leave.DefaultRuleBook().Resolve("CN", leave.Date{})
	wantErr(t, err, leave.ErrInvalid)
}

func TestBuiltinParamsAreComplete(t *testing.T) {
	for _, p := range leave.DefaultParams() {
		if p.Source == "" || p.Confidence == "" || p.Unit == "" || p.EffectiveFrom.IsZero() {
			t.Errorf("param %s lacks source, confidence, unit or date", p.ID())
		}
	}
	codes := map[string]bool{}
	for _, j := range leave.DefaultRuleBook().Jurisdictions() {
		codes[j.Code] = true
	}
	for _, c := range []string{"CN", "CN-NM", "CN-NM-XAM", "CN-NM-HHHT", "CN-GD", "CN-BJ"} {
		if !codes[c] {
			t.Errorf("rule book lacks %s", c)
		}
	}
}

// Adding a province is data only: a new jurisdiction and its parameters.
func TestNewProvinceIsDataOnly(t *testing.T) {
	js := append(leave.DefaultJurisdictions(), leave.Jurisdiction{Code: "CN-XY", Parent: "CN", Name: "某省"})
	ps := append(leave.DefaultParams(),
		leave.Param{Key: leave.KeyExtension(1), Jurisdiction: "CN-XY", Value: 80, Unit: "days",
			EffectiveFrom: d("2022-01-01"), EffectiveTo: d("2025-12-31"), Source: "某省条例 第一条", Confidence: leave.ConfidenceHigh},
		leave.Param{Key: leave.KeyExtension(1), Jurisdiction: "CN-XY", Value: 100, Unit: "days",
			EffectiveFrom: d("2026-01-01"), Source: "某省条例（2026修正）第一条", Confidence: leave.ConfidenceHigh})
	book, err := leave.NewRuleBook(js, ps)
	if err != nil {
		t.Fatal(err)
	}
	r := leave.Rules{Book: book, Region: "CN-XY"}
	for _, tc := range []struct {
		birth string
		days  int
	}{{"2025-12-31", 178}, {"2026-01-01", 198}} {
		p := mustPlan(t, r, mother(tc.birth))
		if p.MaternityLeave.Days != tc.days {
			t.Errorf("birth %s: %d days, want %d (judged by the rules in force on the birth date)",
				tc.birth, p.MaternityLeave.Days, tc.days)
		}
	}
}

func TestNewRuleBookRejectsBadData(t *testing.T) {
	p := leave.Param{Key: "x", Jurisdiction: "CN", Value: 1, Unit: "days", EffectiveFrom: d("2020-01-01"), Source: "s"}
	tests := []struct {
		name string
		js   []leave.Jurisdiction
		ps   []leave.Param
	}{
		{"unknown_parent", []leave.Jurisdiction{{Code: "CN-A", Parent: "CN-Z"}}, nil},
		{"cycle", []leave.Jurisdiction{{Code: "A", Parent: "B"}, {Code: "B", Parent: "A"}}, nil},
		{"param_unknown_jurisdiction", leave.DefaultJurisdictions(), []leave.Param{{Key: "x", Jurisdiction: "CN-Q",
			EffectiveFrom: d("2020-01-01"), Source: "s"}}},
		{"param_without_source", leave.DefaultJurisdictions(), []leave.Param{{Key: "x", Jurisdiction: "CN",
			EffectiveFrom: d("2020-01-01")}}},
		{"overlapping_versions", leave.DefaultJurisdictions(), []leave.Param{p, p}},
		{"ends_before_start", leave.DefaultJurisdictions(), []leave.Param{{Key: "x", Jurisdiction: "CN",
			EffectiveFrom: d("2020-01-01"), EffectiveTo: d("2019-01-01"), Source: "s"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := leave.NewRuleBook(tc.js, tc.ps); err == nil {
				t.Error("want an error")
			}
		})
	}
}

func TestTenantOverrideShowsInBasis(t *testing.T) {
	pack, err := rulesIn("CN-NM-XAM", leave.Settings{OnlyChildCareDays: 7}).At(d("2026-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := pack.Get(leave.KeyOnlyChildCare)
	if p.Value != 7 || !p.TenantOverride || p.Source != "单位设置" || !p.Basis().TenantOverride {
		t.Errorf("override = %+v", p)
	}
	base, _ := leave.DefaultRuleBook().Resolve("CN-NM-XAM", d("2026-03-01"))
	if q, _ := base.Get(leave.KeyOnlyChildCare); q.Value != 0 || q.TenantOverride {
		t.Errorf("the resolved pack must not change: %+v", q)
	}
}
