package cases

import (
	"strings"
	"testing"

	"leaveguard/leave"
)

// TestEventPhases: each phase of each event dated on its own; a
// miscarriage is 流产假期, not 产期; implausible facts are findings.
func TestEventPhases(t *testing.T) {
	d := leave.MustDate
	ml := &leave.MaternityLeave{Days: 158, Start: d("2025-01-10"), End: d("2025-06-16"),
		Components: []leave.Component{{Code: "national_base", Days: 98}, {Code: "regional_extension", Days: 60, Basis: []leave.Basis{{Jurisdiction: "CN-NM"}}}}}
	f := leave.Facts{Gender: leave.Female,
		Pregnancies: []leave.Pregnancy{{ReportedOn: d("2024-06-01"), ExpectedDueDate: d("2025-04-20")},
			{ReportedOn: d("2025-10-01"), ExpectedDueDate: d("2026-05-01")}},
		Births: []leave.BirthPlan{{Birth: leave.Birth{Date: d("2025-01-10")}, MaternityLeave: ml, NursingPeriodEnd: d("2026-01-10")}},
		Miscarriages: []leave.MiscarriagePlan{{Miscarriage: leave.Miscarriage{Date: d("2025-04-10")},
			MiscarriageLeave: leave.MiscarriageLeave{Days: 15, Start: d("2025-04-10"), End: d("2025-04-24")}}}}
	got := eventPhases(f)
	want := []string{
		"birth pregnancy 2024-07-14 2025-01-09 起始日按预产期估算 ",
		"birth maternity_leave 2025-01-10 2025-06-16 产假 158 天：国家规定产假 98 天、内蒙古延长产假 60 天 事实存疑：分娩早于预产期 100 天，请人事核实",
		"birth nursing 2025-06-17 2026-01-10  ",
		"miscarriage pregnancy 2024-07-04 2025-04-09 起始日按事件日估算（无预产期记录） ",
		"miscarriage miscarriage_leave 2025-04-10 2025-04-24  事实存疑：流产日期在 2025-01-10 分娩后的产假期间，请人事核实",
		"pregnancy pregnancy 2025-07-25 2026-04-30 按预产期估算；报告日 2025-10-01 ",
	}
	if len(got) != len(want) {
		t.Fatalf("%d phases, want %d: %+v", len(got), len(want), got)
	}
	for i, p := range got {
		s := strings.Join([]string{p.event, p.phase, p.from.String(), p.to.String(), p.note, p.finding}, " ")
		if s != want[i] {
			t.Errorf("phase %d:\n got %s\nwant %s", i, s, want[i])
		}
	}
}
