package payroll

import (
	"testing"
	"time"

	"leaveguard/leave"
)

func birthPlan(region, date string, order, babies, stillborn int) leave.BirthPlan {
	return leave.BirthPlan{Region: region, Birth: leave.Birth{Date: leave.MustDate(date), ChildOrder: order,
		Babies: babies, Stillborn: stillborn, Parent: leave.Mother}}
}

func TestBirthBenefits(t *testing.T) {
	type row struct {
		code  string
		order int
		fen   int64
	}
	tests := []struct {
		name string
		plan leave.BirthPlan
		want []row
	}{
		{"first_child_xam_no_allowance", birthPlan("CN-NM-XAM", "2026-03-10", 1, 1, 0),
			[]row{{BenefitNationalSubsidy, 1, 360000}, {BenefitNewbornInsurance, 1, 0}}},
		{"second_child_xam_2000", birthPlan("CN-NM-XAM", "2026-03-10", 2, 1, 0),
			[]row{{BenefitXAMChildcare, 2, 200000}, {BenefitNationalSubsidy, 2, 360000}, {BenefitNewbornInsurance, 2, 0}}},
		{"twins_2_3_xam_2000_and_5000", birthPlan("CN-NM-XAM", "2026-03-10", 2, 2, 0),
			[]row{{BenefitXAMChildcare, 2, 200000}, {BenefitNationalSubsidy, 2, 360000}, {BenefitNewbornInsurance, 2, 0},
				{BenefitXAMChildcare, 3, 500000}, {BenefitNationalSubsidy, 3, 360000}, {BenefitNewbornInsurance, 3, 0}}},
		{"fourth_child_no_xam_allowance", birthPlan("CN-NM-XAM", "2026-03-10", 4, 1, 0),
			[]row{{BenefitNationalSubsidy, 4, 360000}, {BenefitNewbornInsurance, 4, 0}}},
		{"second_child_outside_xam", birthPlan("CN-NM", "2026-03-10", 2, 1, 0),
			[]row{{BenefitNationalSubsidy, 2, 360000}, {BenefitNewbornInsurance, 2, 0}}},
		{"second_child_2023_before_xam_allowance", birthPlan("CN-NM-XAM", "2023-12-31", 2, 1, 0),
			[]row{{BenefitNationalSubsidy, 2, 360000}, {BenefitNewbornInsurance, 2, 0}}},
		{"born_2021_no_national_subsidy", birthPlan("CN-NM-XAM", "2021-06-01", 1, 1, 0),
			[]row{{BenefitNewbornInsurance, 1, 0}}},
		{"stillbirth_none", birthPlan("CN-NM-XAM", "2026-03-10", 2, 1, 1), nil},
		{"stillborn_twin_one_live", birthPlan("CN-NM-XAM", "2026-03-10", 2, 2, 1),
			[]row{{BenefitXAMChildcare, 2, 200000}, {BenefitNationalSubsidy, 2, 360000}, {BenefitNewbornInsurance, 2, 0}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := BirthBenefits(tc.plan)
			if len(got) != len(tc.want) {
				t.Fatalf("benefits = %+v, want %+v", got, tc.want)
			}
			for i, w := range tc.want {
				g := got[i]
				fen := g.AmountFen + g.AmountFenPerYear
				if g.Code != w.code || g.ChildOrder != w.order || fen != w.fen || g.Payer != PayerGovernment || g.Basis == "" || len(g.Conditions) == 0 {
					t.Errorf("benefit %d = %+v, want %+v", i, g, w)
				}
				if g.Code == BenefitNewbornInsurance && (g.Due == nil || !g.Due.Equal(tc.plan.Birth.Date.AddDays(90))) {
					t.Errorf("newborn insurance due = %v, want birth + 90 days", g.Due)
				}
			}
		})
	}
}

func TestInfantCareStopsAfterDeathMonth(t *testing.T) {
	c := Child{BirthDate: leave.MustDate("2026-01-15"), SharePercent: 50, DiedOn: leave.MustDate("2026-04-15")}
	for _, tc := range []struct {
		mo   Month
		want int64
	}{{NewMonth(2026, time.April), 100000}, {NewMonth(2026, time.May), 0}} {
		d, err := InfantCareDeduction(tc.mo, c)
		if err != nil || d.DeductionFen != tc.want {
			t.Errorf("%v: deduction %d (%v), want %d", tc.mo, d.DeductionFen, err, tc.want)
		}
	}
}
