package payroll

import (
	"fmt"

	"leaveguard/leave"
)

// srcTopUpSpread documents how a claim's top-up is spread over months.
const srcTopUpSpread = "补差总额按假期日历天数在各月间分摊：某月应付 = 四舍五入(总额×截至该月末累计天数÷总天数) − 四舍五入(总额×截至上月末累计天数÷总天数)，各月合计恰等于总额"

// TopUpShare returns the part of totalFen that falls in month mo when
// totalFen is spread pro rata over the calendar days start..start+days-1.
//
// Rounding (cumulative, so months sum exactly to the total): with c0 the
// period's days before mo and c1 its days through the end of mo,
//
//	share = RoundHalfUp(total × c1 ÷ days) − RoundHalfUp(total × c0 ÷ days)
//
// Each month is computed on its own (no state between months), every share
// is ≥ 0 for a non-negative total, and the shares of all months telescope to
// RoundHalfUp(total × days ÷ days) = total.
func TopUpShare(totalFen int64, start leave.Date, days int, mo Month) (int64, error) {
	if start.IsZero() || days <= 0 {
		return 0, fmt.Errorf("payroll: top-up share: %d days from %s: %w", days, start, ErrBadInterval)
	}
	clamp := func(n int) int64 { return int64(max(0, min(n, days))) }
	c0 := clamp(start.DaysUntil(mo.First()))
	c1 := clamp(start.DaysUntil(mo.Last()) + 1)
	if c0 == c1 {
		return 0, nil
	}
	hi, err := mulDiv([]int64{totalFen, c1}, []int64{int64(days)})
	if err != nil {
		return 0, fmt.Errorf("payroll: top-up share: %w", err)
	}
	lo, err := mulDiv([]int64{totalFen, c0}, []int64{int64(days)})
	if err != nil {
		return 0, fmt.Errorf("payroll: top-up share: %w", err)
	}
	return hi - lo, nil
}
