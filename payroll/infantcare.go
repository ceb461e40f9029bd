package payroll

import (
	"fmt"
	"time"

	"leaveguard/leave"
)

// Child is a child under 3 for the IIT infant-care special additional
// deduction (3岁以下婴幼儿照护专项附加扣除). SharePercent is the share this
// employee declared for the tax year: 100 (one parent takes it all) or 50
// (each parent half); an undeclared share is never assumed (the caller
// leaves the child out of the feed). DiedOn, if set, ends the deduction
// after that month.
type Child struct {
	ChildID      string     `json:"child_id,omitempty"`
	BirthDate    leave.Date `json:"birth_date"`
	SharePercent int        `json:"share_percent"`
	DiedOn       leave.Date `json:"died_on,omitzero"`
}

// ChildDeduction is one child's deduction in one month.
type ChildDeduction struct {
	ChildID      string `json:"child_id,omitempty"`
	SharePercent int    `json:"share_percent"`
	StandardFen  int64  `json:"standard_fen"`
	DeductionFen int64  `json:"deduction_fen"`
}

// infantCareStandard is the monthly standard per child from a month on.
type infantCareStandard struct {
	from   Month
	fen    int64
	source string
}

// infantCareStandards are the national standards, newest last.
var infantCareStandards = []infantCareStandard{
	{NewMonth(2022, time.January), 100000, "国务院《关于设立3岁以下婴幼儿照护个人所得税专项附加扣除的通知》（国发〔2022〕8号）：每个婴幼儿每月1000元"},
	{NewMonth(2023, time.January), 200000, "国务院《关于提高个人所得税有关专项附加扣除标准的通知》（国发〔2023〕13号）：每个婴幼儿每月2000元"},
}

// InfantCareStandard returns the monthly deduction per child in force in
// month mo and its source; 0 and "" before 2022-01.
func InfantCareStandard(mo Month) (int64, string) {
	for i := len(infantCareStandards) - 1; i >= 0; i-- {
		if s := infantCareStandards[i]; !mo.Before(s.from) {
			return s.fen, s.source
		}
	}
	return 0, ""
}

// InfantCareDeduction returns child c's deduction for this employee in month
// mo: the month's standard × share, from the birth month through the month
// before the 3rd birthday (the birthday month itself gives 0), and no later
// than the month the child died (国发〔2023〕13号; rules.md §2, §5).
func InfantCareDeduction(mo Month, c Child) (ChildDeduction, error) {
	if c.SharePercent != 100 && c.SharePercent != 50 {
		return ChildDeduction{}, fmt.Errorf("payroll: infant care: share %d%%: %w", c.SharePercent,
			FieldErrors{"share_percent": "扣除比例只能是100（一方全额）或50（双方各半）"})
	}
	if c.BirthDate.IsZero() {
		return ChildDeduction{}, fmt.Errorf("payroll: infant care: %w", FieldErrors{"birth_date": "请填写子女出生日期"})
	}
	d := ChildDeduction{ChildID: c.ChildID, SharePercent: c.SharePercent}
	born := MonthOf(c.BirthDate)
	if mo.Before(born) || !mo.Before(born.AddMonths(36)) {
		return d, nil
	}
	if !c.DiedOn.IsZero() && MonthOf(c.DiedOn).Before(mo) {
		return d, nil
	}
	d.StandardFen, _ = InfantCareStandard(mo)
	d.DeductionFen = d.StandardFen * int64(c.SharePercent) / 100 // 200000 × 50 / 100 is exact
	return d, nil
}
