package leave_test

import (
	"strings"
	"testing"

	"leaveguard/leave"
)

// regionGolden is what one pack gives for a single, normal birth: the
// mother's maternity days for child 1, 2 and 3, the father's spousal
// nursing leave and each parent's parental leave (days a year, until which
// birthday), and the article the extension cites.
type regionGolden struct {
	region      string
	birth       string
	maternity   [3]int
	spousal     int
	parental    int
	untilAge    int
	extensionAt string // substring of the extension's source ("" = none)
}

var regionGoldens = []regionGolden{
	{"CN", "2026-03-02", [3]int{98, 98, 98}, 0, 0, 0, ""},
	{"CN-NM", "2026-03-02", [3]int{158, 158, 188}, 25, 10, 3, "内蒙古自治区人口与计划生育条例 第三十条"},
	{"CN-NM-XAM", "2026-03-02", [3]int{158, 158, 188}, 25, 10, 3, "兴署办发〔2023〕86号"},
	{"CN-NM-HHHT", "2026-03-02", [3]int{158, 158, 188}, 25, 10, 3, "内蒙古自治区人口与计划生育条例 第三十条"},
	{"CN-NM-ALS", "2026-03-02", [3]int{158, 158, 188}, 25, 10, 3, "内蒙古自治区人口与计划生育条例 第三十条"},
	{"CN-BJ", "2026-03-02", [3]int{158, 158, 158}, 15, 5, 3, "北京市人口与计划生育条例（2021年11月26日修正） 第十九条"},
	{"CN-SH", "2026-03-02", [3]int{158, 158, 158}, 0, 0, 0, "上海市人口与计划生育条例（2021年11月25日修正，日期据第三方数据） 第三十一条"},
	{"CN-HE", "2026-03-02", [3]int{158, 158, 188}, 15, 10, 3, "河北省人口与计划生育条例"},
	{"CN-ZJ", "2026-03-02", [3]int{158, 188, 188}, 15, 10, 3, "浙江省人口与计划生育条例（2021年11月25日修改） 第三十条"},
	{"CN-HN", "2026-03-02", [3]int{158, 158, 158}, 20, 10, 3, "湖南省人口与计划生育条例"},
	{"CN-GD", "2026-03-02", [3]int{178, 178, 178}, 15, 10, 3, "广东省人口与计划生育条例（2021年12月1日修正）"},
	{"CN-SC", "2026-03-02", [3]int{188, 188, 188}, 20, 10, 3, "四川省人口与计划生育条例（2025年修正） 第二十四条"},
	{"CN-SD", "2026-03-02", [3]int{158, 158, 158}, 0, 0, 0, "第二十六条（据第三方数据）"},
	{"CN-HA", "2026-03-02", [3]int{188, 188, 188}, 0, 10, 3, "河南省人口与计划生育条例（2021年11月修正） 第二十五条"},
	{"CN-JS", "2026-03-02", [3]int{158, 158, 158}, 0, 0, 0, "第二十四条（据第三方数据）"},
	{"CN-AH", "2026-03-02", [3]int{158, 158, 158}, 0, 10, 6, "第三十二条（据第三方数据）"},
	{"CN-HB", "2026-03-02", [3]int{158, 158, 158}, 0, 0, 0, "湖北省人口与计划生育条例"},
	{"CN-CQ", "2026-03-02", [3]int{178, 178, 178}, 0, 0, 0, "第二十三条（据第三方数据）"},
	{"CN-SN", "2026-03-02", [3]int{158, 158, 173}, 0, 0, 0, "第四十五条（据第三方数据）"},
	{"CN-TJ", "2026-03-02", [3]int{158, 158, 158}, 0, 0, 0, "津政办规〔2022〕9号"},
}

func TestRegionGoldens(t *testing.T) {
	for _, g := range regionGoldens {
		t.Run(g.region, func(t *testing.T) {
			r := rulesIn(g.region, leave.Settings{})
			for i, want := range g.maternity {
				b := mother(g.birth)
				b.ChildOrder = i + 1
				p := mustPlan(t, r, b)
				if p.MaternityLeave.Days != want {
					t.Errorf("child %d: %d maternity days, want %d", i+1, p.MaternityLeave.Days, want)
				}
				ext := extensionOf(p)
				switch {
				case g.extensionAt == "" && ext != nil:
					t.Errorf("child %d: unexpected extension %+v", i+1, ext)
				case g.extensionAt != "" && (ext == nil || !strings.Contains(ext.Basis[0].Source, g.extensionAt)):
					t.Errorf("child %d: extension %+v, want one citing %q", i+1, ext, g.extensionAt)
				}
			}
			f := mustPlan(t, r, father(g.birth, 1))
			if f.SpousalNursingLeave.Days != g.spousal {
				t.Errorf("spousal nursing %d days, want %d", f.SpousalNursingLeave.Days, g.spousal)
			}
			if pl := f.ParentalLeave; pl.DaysPerYear != g.parental {
				t.Errorf("parental %d days a year, want %d", pl.DaysPerYear, g.parental)
			} else if g.untilAge > 0 && !pl.Until.Equal(d(g.birth).AddYearsClamped(g.untilAge)) {
				t.Errorf("parental until %s, want the %d. birthday", pl.Until, g.untilAge)
			}
			for _, basis := range append(f.SpousalNursingLeave.Basis, f.ParentalLeave.Basis...) {
				if basis.Source == "" {
					t.Errorf("basis %s without source", basis.RuleID)
				}
			}
		})
	}
}

func extensionOf(p leave.BirthPlan) *leave.Component {
	for i, c := range p.MaternityLeave.Components {
		if c.Code == leave.CompRegionalExtension {
			return &p.MaternityLeave.Components[i]
		}
	}
	return nil
}

// A birth is judged by the version in force on its date: the day before an
// amendment and the day it takes effect.
func TestRegionAmendmentBoundaries(t *testing.T) {
	tests := []struct {
		region string
		order  int
		birth  string
		days   int
	}{
		{"CN-HE", 3, "2021-11-22", 158}, // 2016 version: 60 days for every child
		{"CN-HE", 3, "2021-11-23", 188}, // 2021 revision: 90 days for the 3rd
		{"CN-HE", 2, "2021-11-23", 158},
		{"CN-HE", 1, "2015-12-31", 98}, // before the 2016 version (not covered)
		{"CN-HE", 1, "2016-01-01", 158},
		{"CN-SC", 1, "2025-11-27", 158}, // 2021: 生育假 60 days
		{"CN-SC", 1, "2025-11-28", 188}, // 2025: 90 days
		{"CN-SC", 1, "2021-09-28", 98},
		{"CN-SC", 1, "2021-09-29", 158},
		{"CN-GD", 1, "2021-11-30", 98},
		{"CN-GD", 1, "2021-12-01", 178},
		{"CN-ZJ", 2, "2021-11-24", 98},
		{"CN-ZJ", 2, "2021-11-25", 188},
		{"CN-BJ", 1, "2021-11-25", 98},
		{"CN-BJ", 1, "2021-11-26", 158},
		{"CN-HN", 1, "2021-12-02", 98},
		{"CN-HN", 1, "2021-12-03", 158},
		{"CN-SH", 1, "2021-11-24", 98},
		{"CN-SH", 1, "2021-11-25", 158},
		{"CN-SD", 1, "2025-01-17", 98},
		{"CN-SD", 1, "2025-01-18", 158},
		{"CN-HA", 1, "2021-11-26", 98},
		{"CN-HA", 1, "2021-11-27", 188},
		{"CN-JS", 1, "2022-02-09", 98},
		{"CN-JS", 1, "2022-02-10", 158},
		{"CN-AH", 1, "2021-12-31", 98},
		{"CN-AH", 1, "2022-01-01", 158},
		{"CN-HB", 1, "2021-11-25", 98},
		{"CN-HB", 1, "2021-11-26", 158},
		{"CN-CQ", 1, "2021-11-24", 98},
		{"CN-CQ", 1, "2021-11-25", 178},
		{"CN-SN", 3, "2022-05-24", 98},
		{"CN-SN", 3, "2022-05-25", 173},
		{"CN-TJ", 1, "2021-11-28", 98},
		{"CN-TJ", 1, "2021-11-29", 158},
	}
	for _, tc := range tests {
		b := mother(tc.birth)
		b.ChildOrder = tc.order
		p := mustPlan(t, rulesIn(tc.region, leave.Settings{}), b)
		if p.MaternityLeave.Days != tc.days {
			t.Errorf("%s child %d born %s: %d days, want %d", tc.region, tc.order, tc.birth, p.MaternityLeave.Days, tc.days)
		}
		if tc.days == 98 && !hasNote(p.Notes, "no_regional_extension") {
			t.Errorf("%s born %s: an uncovered date must say so: %+v", tc.region, tc.birth, p.Notes)
		}
	}
}

// Guangdong's own dystocia rule (+30) replaces the national +15.
func TestGuangdongDystocia(t *testing.T) {
	b := mother("2026-03-02")
	b.Dystocia = true
	if p := mustPlan(t, rulesIn("CN-GD", leave.Settings{}), b); p.MaternityLeave.Days != 98+30+80 {
		t.Errorf("GD dystocia: %d days, want 208", p.MaternityLeave.Days)
	}
}

// Every parameter of every pack has a source, a confidence, a unit and a
// date; every regional figure below high confidence records the text it
// was read from.
func TestEveryPackParamHasSourceAndConfidence(t *testing.T) {
	book := leave.DefaultRuleBook()
	for _, p := range leave.DefaultParams() {
		if p.Source == "" || p.Confidence == "" || p.Unit == "" || p.EffectiveFrom.IsZero() {
			t.Errorf("param %s lacks source, confidence, unit or date", p.ID())
		}
		if strings.HasPrefix(p.Jurisdiction, "CN-") && p.Jurisdiction != "CN-NM" && p.Jurisdiction != "CN-NM-XAM" &&
			!strings.Contains(p.Note, "据：") {
			t.Errorf("param %s does not record the text it was read from", p.ID())
		}
	}
	for _, j := range book.Jurisdictions() {
		if j.Name == "" {
			t.Errorf("jurisdiction %s has no Chinese name", j.Code)
		}
	}
}

func TestSummaries(t *testing.T) {
	got := map[string]leave.RegionSummary{}
	for _, s := range leave.DefaultRuleBook().Summaries() {
		got[s.Code] = s
	}
	if s := got["CN-GD"]; s.Name != "广东省" || s.Parent != "CN" || s.Params == 0 ||
		s.Confidence[leave.ConfidenceLow] != s.Params || !s.CoveredFrom.Equal(d("2021-12-01")) || s.Inherits {
		t.Errorf("CN-GD = %+v", s)
	}
	if s := got["CN-HE"]; !s.CoveredFrom.Equal(d("2016-01-01")) {
		t.Errorf("CN-HE covered from %s, want its earliest version", s.CoveredFrom)
	}
	if s := got["CN-NM-HHHT"]; !s.Inherits || s.Parent != "CN-NM" || s.Params != 0 {
		t.Errorf("CN-NM-HHHT = %+v", s)
	}
}

func TestComponentLabel(t *testing.T) {
	ext := func(jur string) leave.Component {
		return leave.Component{Code: leave.CompRegionalExtension, Basis: []leave.Basis{{Jurisdiction: jur}}}
	}
	for jur, want := range map[string]string{"CN-NM-XAM": "内蒙古延长产假", "CN-NM": "内蒙古延长产假",
		"CN-GD": "广东延长产假", "CN-BJ": "北京延长产假", "CN-XX": "地方延长产假"} {
		if got := leave.ComponentLabel(ext(jur)); got != want {
			t.Errorf("%s: %q, want %q", jur, got, want)
		}
	}
	if got := leave.ComponentLabel(leave.Component{Code: leave.CompDystocia}); got != "难产增加" {
		t.Errorf("dystocia: %q", got)
	}
}

// Marriage leave: the national 3 days plus the region's extension, where
// one was found.
func TestRegionMarriageExtension(t *testing.T) {
	for region, want := range map[string]int{"CN-NM-XAM": 15, "CN-HE": 15, "CN-HA": 18, "CN-GD": 0, "CN-BJ": 0} {
		pack, err := leave.DefaultRuleBook().Resolve(region, d("2026-05-20"))
		if err != nil {
			t.Fatal(err)
		}
		p, ok := pack.Get(leave.KeyMarriageExtension)
		if got := map[bool]int{true: p.Value}[ok]; got != want {
			t.Errorf("%s: marriage extension %d, want %d", region, got, want)
		}
	}
}
