package payroll

import (
	"time"

	"leaveguard/leave"
)

// Benefit is an entitlement the government pays to the family for a birth
// (rules.md §5): listed on the birth so HR can tell the employee what to
// apply for and by when. Amounts are integer fen; Due is the last day to
// act, when there is one.
type Benefit struct {
	Code             string      `json:"code"`
	ChildOrder       int         `json:"child_order"`
	Payer            string      `json:"payer"`
	AmountFen        int64       `json:"amount_fen,omitempty"`
	AmountFenPerYear int64       `json:"amount_fen_per_year,omitempty"`
	Due              *leave.Date `json:"due,omitempty"`
	Conditions       []string    `json:"conditions"`
	Basis            string      `json:"basis"`
}

// Benefit codes.
const (
	BenefitXAMChildcare      = "xam_childcare_allowance"
	BenefitNationalSubsidy   = "national_childcare_subsidy"
	BenefitNewbornInsurance  = "newborn_medical_insurance"
	PayerGovernment          = "government"
	newbornInsuranceDays     = 90
	nationalSubsidyFenPerYr  = 360000
	sourceXAMChildcare       = leave.SourceXAM + " 第（二）项（育儿津贴：二孩一次性2000元，三孩一次性5000元）"
	sourceNationalSubsidy    = "《育儿补贴制度实施方案》（2025年）：3周岁以下婴幼儿每孩每年3600元"
	sourceNewbornInsurance   = leave.SourceXAM + " 第（十二）项（新生儿出生后90天内参加城乡居民医保，自出生之日起享受待遇）"
	xamChildcareRegion       = "CN-NM-XAM"
	xamChildcareSecondFen    = 200000
	xamChildcareThirdFen     = 500000
	nationalSubsidyThreeYear = 3
)

var (
	xamChildcareFrom    = leave.NewDate(2024, time.January, 1)
	nationalSubsidyFrom = leave.NewDate(2025, time.January, 1)
)

// BirthBenefits lists the government benefits of the live-born babies of
// plan's birth, one row per benefit and child, in child order. A baby born
// dead gives none (rules.md §2).
func BirthBenefits(plan leave.BirthPlan) []Benefit {
	b := plan.Birth
	out := []Benefit{}
	for i := 0; i < b.Live(); i++ {
		order := b.ChildOrder + i
		if fen := xamChildcareFen(plan.Region, b.Date, order); fen > 0 {
			out = append(out, Benefit{Code: BenefitXAMChildcare, ChildOrder: order, Payer: PayerGovernment, AmountFen: fen,
				Conditions: []string{"父母一方为兴安盟户籍（纳入常住管理）", "子女在兴安盟落户", "由员工向户籍地卫生健康部门申请并确认条件"},
				Basis:      sourceXAMChildcare})
		}
		if b.Date.AddYearsClamped(nationalSubsidyThreeYear).After(nationalSubsidyFrom) {
			out = append(out, Benefit{Code: BenefitNationalSubsidy, ChildOrder: order, Payer: PayerGovernment,
				AmountFenPerYear: nationalSubsidyFenPerYr,
				Conditions:       []string{"3周岁以下婴幼儿", "按当地公布的申领方式办理（仅供提示）"},
				Basis:            sourceNationalSubsidy})
		}
		due := b.Date.AddDays(newbornInsuranceDays)
		out = append(out, Benefit{Code: BenefitNewbornInsurance, ChildOrder: order, Payer: PayerGovernment, Due: &due,
			Conditions: []string{"出生后90天内为新生儿办理城乡居民基本医疗保险参保登记", "按时参保的，出生当日起发生的医疗费用可以报销"},
			Basis:      sourceNewbornInsurance})
	}
	return out
}

// xamChildcareFen is the Hinggan League one-time allowance for the child of
// the given order born on birth in region: 2,000 yuan for a 2nd child,
// 5,000 for a 3rd, for births from 2024-01-01; 0 otherwise.
func xamChildcareFen(region string, birth leave.Date, order int) int64 {
	if region != xamChildcareRegion || birth.Before(xamChildcareFrom) {
		return 0
	}
	switch order {
	case 2:
		return xamChildcareSecondFen
	case 3:
		return xamChildcareThirdFen
	}
	return 0
}

// BenefitLabel is the Chinese name of a benefit code.
func BenefitLabel(code string) string {
	switch code {
	case BenefitXAMChildcare:
		return "兴安盟育儿津贴（一次性）"
	case BenefitNationalSubsidy:
		return "国家育儿补贴（每年）"
	case BenefitNewbornInsurance:
		return "新生儿参加城乡居民医保"
	}
	return code
}
