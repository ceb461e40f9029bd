package leave_test

import (
	"encoding/json"
	"strings"
	"testing"

	"leaveguard/leave"
)

func TestPlanMiscarriage(t *testing.T) {
	tests := []struct {
		name     string
		region   string
		weeks    int
		days     int
		end      string
		wantErr  error
		ruleID   string
		inSource string
	}{
		{name: "10_weeks_15_days", weeks: 10, days: 15, end: "2026-04-24", ruleID: "CN/miscarriage.before_threshold@2012-04-28"},
		{name: "15_weeks_last_under_4_months", weeks: 15, days: 15, end: "2026-04-24"},
		{name: "16_weeks_is_4_months_42_days", weeks: 16, days: 42, end: "2026-05-21", ruleID: "CN/miscarriage.from_threshold@2012-04-28"},
		{name: "20_weeks_42_days", weeks: 20, days: 42, end: "2026-05-21", inSource: "第七条第二款"},
		{name: "1_week", weeks: 1, days: 15},
		{name: "27_weeks_last_miscarriage_week", weeks: 27, days: 42},
		{name: "national_region_same", region: "CN", weeks: 10, days: 15},
		{name: "zero_weeks_invalid", weeks: 0, wantErr: leave.ErrInvalid},
		{name: "28_weeks_is_a_birth", weeks: 28, wantErr: leave.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			region := tc.region
			if region == "" {
				region = "CN-NM-XAM"
			}
			p, err := rulesIn(region, leave.Settings{}).PlanMiscarriage(leave.Miscarriage{Date: d("2026-04-10"), GestationWeeks: tc.weeks})
			wantErr(t, err, tc.wantErr)
			if tc.wantErr != nil {
				return
			}
			ml := p.MiscarriageLeave
			if ml.Days != tc.days || !ml.Start.Equal(d("2026-04-10")) || !ml.End.Equal(ml.Start.AddDays(tc.days-1)) {
				t.Errorf("leave = %+v, want %d days", ml, tc.days)
			}
			if tc.end != "" && !ml.End.Equal(d(tc.end)) {
				t.Errorf("end = %s, want %s", ml.End, tc.end)
			}
			if tc.ruleID != "" && ml.Basis[0].RuleID != tc.ruleID {
				t.Errorf("rule = %s, want %s", ml.Basis[0].RuleID, tc.ruleID)
			}
			if tc.inSource != "" && !strings.Contains(ml.Basis[0].Source, tc.inSource) {
				t.Errorf("source = %s", ml.Basis[0].Source)
			}
		})
	}
	pack, _ := leave.DefaultRuleBook().Resolve("CN-NM-XAM", d("2026-04-10"))
	_, err := leave.PlanMiscarriage(pack, leave.Miscarriage{Date: d("2026-04-11"), GestationWeeks: 10})
	wantErr(t, err, leave.ErrInvalid)
}

func TestMiscarriagePlanJSON(t *testing.T) {
	p := mustMiscarriage(t, xam(), leave.Miscarriage{Date: d("2026-04-10"), GestationWeeks: 20})
	b, _ := json.Marshal(p)
	var got map[string]any
	_ = json.Unmarshal(b, &got)
	ml, _ := got["miscarriage_leave"].(map[string]any)
	if ml["days"] != float64(42) || ml["start"] != "2026-04-10" || ml["end"] != "2026-05-21" || ml["basis"] == nil {
		t.Errorf("miscarriage_leave = %v", ml)
	}
}
