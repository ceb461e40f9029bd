package payroll

import (
	"fmt"
	"strconv"
)

// allowanceSettings are the facts with defaults applied.
type allowanceSettings struct {
	mode        PaidDaysMode
	modeDefault bool
	paidDays    int
	divisor     Divisor
	divDefault  bool
	topUp       bool
	topDefault  bool
	payee       Payee
	payDefault  bool
}

func resolveAllowance(f AllowanceFacts) allowanceSettings {
	s := allowanceSettings{mode: f.PaidDaysMode, divisor: f.Divisor, topUp: true, payee: f.Payee}
	if s.mode == "" {
		s.mode, s.modeDefault = PaidDaysStatutory, true
	}
	switch s.mode {
	case PaidDaysNational:
		s.paidDays = f.NationalDays
	case PaidDaysFixed:
		s.paidDays = f.FixedPaidDays
	default:
		s.paidDays = f.StatutoryDays
	}
	if s.divisor == 0 {
		s.divisor, s.divDefault = DefaultDivisor, true
	}
	if f.TopUp == nil {
		s.topDefault = true
	} else {
		s.topUp = *f.TopUp
	}
	if s.payee == "" {
		s.payee, s.payDefault = PayeeEmployee, true
	}
	return s
}

func validateAllowance(f AllowanceFacts) FieldErrors {
	fe := FieldErrors{}
	if f.Event != EventBirth && f.Event != EventMiscarriage {
		fe.add("event", "事件类型必须是 birth（生育）或 miscarriage（流产）")
	}
	if f.EventDate.IsZero() {
		fe.add("event_date", "请填写生育或流产日期")
	}
	if f.StatutoryDays <= 0 {
		fe.add("statutory_days", "法定假期天数必须大于0")
	}
	if f.NationalDays < 0 || f.NationalDays > f.StatutoryDays {
		fe.add("national_days", "国家规定天数不能为负，也不能超过法定假期总天数")
	}
	switch f.PaidDaysMode {
	case "", PaidDaysStatutory:
	case PaidDaysNational:
		if f.NationalDays <= 0 {
			fe.add("national_days", "按国家天数计发时，国家规定天数必须大于0")
		}
	case PaidDaysFixed:
		if f.FixedPaidDays <= 0 {
			fe.add("fixed_paid_days", "按固定天数计发时，天数必须大于0")
		}
	default:
		fe.add("paid_days_mode", "计发天数口径必须是 statutory、national 或 fixed")
	}
	if f.Divisor < 0 {
		fe.add("divisor", "计发除数必须大于0")
	}
	for y, v := range f.AvgMonthlyWageFen {
		if v <= 0 {
			fe.add("avg_monthly_wage_fen."+strconv.Itoa(y), "月平均工资必须大于0（单位：分）")
		}
	}
	if f.EmployeeMonthlyWageFen < 0 {
		fe.add("employee_monthly_wage_fen", "职工月工资不能为负")
	}
	if !f.MaternityInsured && f.EmployeeMonthlyWageFen == 0 {
		fe.add("employee_monthly_wage_fen", "未参保职工的生育津贴按本人产假前工资计发，请填写其月工资")
	}
	if f.Payee != "" && f.Payee != PayeeEmployee && f.Payee != PayeeEmployer {
		fe.add("payee", "津贴领取方必须是 employee（职工）或 employer（单位）")
	}
	return fe
}

// params lists every value the allowance used, with its source.
func (s allowanceSettings) params(f AllowanceFacts, r AllowanceResult) []Param {
	ps := make([]Param, 0, 10)
	modeSrc := SourceTenant
	if s.modeDefault {
		modeSrc = SourceDefault + "：按该次生育（流产）的全部法定假期天数计发（含延长产假、难产、多胞胎）；" + basisSpecArt
	}
	ps = append(ps, textParam("paid_days_mode", string(s.mode), modeSrc, s.modeDefault))
	daysSrc := "法定假期天数（女职工劳动保护特别规定 第七条、第八条；内蒙古自治区人口与计划生育条例 第三十条）；内蒙古生育津贴计发天数口径未找到官方依据"
	switch s.mode {
	case PaidDaysNational:
		daysSrc = "国家规定假期天数（女职工劳动保护特别规定 第七条）"
	case PaidDaysFixed:
		daysSrc = SourceTenant
	}
	days := intParam("paid_days", int64(s.paidDays), daysSrc, false)
	days.Confidence = ConfidenceLow
	ps = append(ps, days)
	if f.MaternityInsured {
		ps = append(ps,
			intParam("basis_year", int64(r.BasisYear), "事件发生的上一年度（"+basisSIL56+"：用人单位上年度职工月平均工资）", false),
			intParam("basis_monthly_wage_fen", r.BasisMonthlyWageFen,
				fmt.Sprintf("%s：%d年度用人单位职工月平均工资；%s", SourceTenant, r.BasisYear, basisSIL56), false))
	} else {
		ps = append(ps, intParam("basis_monthly_wage_fen", r.BasisMonthlyWageFen,
			"未参保：按女职工产假前工资标准由用人单位支付（"+basisSpecArt+"）", false))
	}
	divSrc := SourceTenant
	if s.divDefault {
		divSrc = SourceDefault + "：月工资除以30计算日津贴；内蒙古的计发除数未找到官方依据，请按当地医保经办口径确认"
	}
	div := textParam("divisor", s.divisor.String(), divSrc, s.divDefault)
	div.Confidence = ConfidenceLow
	ps = append(ps, div)
	ps = append(ps, intParam("employee_monthly_wage_fen", f.EmployeeMonthlyWageFen, "职工本人月工资（单位提供）", false))
	topSrc, top := SourceTenant, "off"
	if s.topUp {
		top = "on"
	}
	if s.topDefault {
		topSrc = SourceDefault + "：生育津贴低于本人工资的，由用人单位补足差额（" + basisWageKept + "）"
	}
	ps = append(ps, textParam("top_up", top, topSrc, s.topDefault))
	paySrc := SourceTenant
	if s.payDefault {
		paySrc = SourceDefault + "：内蒙古自2025年起生育津贴直接发放给职工本人"
	}
	if !f.MaternityInsured {
		paySrc = "未参保：由用人单位直接支付给职工（" + basisSpecArt + "）"
	}
	ps = append(ps, textParam("payee", string(r.Payee), paySrc, s.payDefault && f.MaternityInsured))
	return ps
}
