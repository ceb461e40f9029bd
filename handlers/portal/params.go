package portal

import (
	"strings"

	"leaveguard/payroll"
)

// paramNames name the parameters of allowance and subsidy computations.
var paramNames = map[string]string{
	"paid_days_mode": "计发天数口径", "paid_days": "计发天数", "basis_year": "计发基数年度",
	"basis_monthly_wage_fen": "计发基数（月平均工资）", "divisor": "计发除数", "employee_monthly_wage_fen": "职工本人月工资",
	"top_up": "单位补差", "payee": "津贴领取方", "ratio_bp": "补贴比例", "per_employee_cap_fen": "每人补贴上限",
	"eligible_leave_types": "可补贴的假期类型", "pension_bp": "养老保险单位费率", "medical_bp": "医疗（含生育）保险单位费率",
	"unemployment_bp": "失业保险单位费率", "work_injury_bp": "工伤保险单位费率", "base_floor_fen": "缴费基数下限",
	"base_ceiling_fen": "缴费基数上限",
}

// paramValues name coded parameter values.
var paramValues = map[string]string{"statutory": "全部法定假期天数", "national": "国家规定天数", "fixed": "固定天数",
	"on": "是", "off": "否", "employee": "直接发给职工", "employer": "拨付给单位"}

// leaveTypeNames name the leave types in parameter values.
var leaveTypeNames = map[string]string{"maternity": "产假", "miscarriage": "流产假", "spousal_nursing": "配偶护理假",
	"parental": "育儿假", "marriage": "婚假", "only_child_care": "独生子女父母护理假"}

// paramName names a parameter in Chinese: "2025.pension_bp" → "2025年 养老保险单位费率".
func paramName(name string) string {
	year, key, ok := strings.Cut(name, ".")
	if !ok {
		return orRaw(paramNames[name], name)
	}
	return year + "年 " + orRaw(paramNames[key], key)
}

// paramValue shows a parameter's value in its unit: fen as yuan, basis
// points as a percentage, codes by name.
func paramValue(p payroll.Param) string {
	n, isNum := p.Value.Int64()
	switch {
	case isNum && strings.HasSuffix(p.Name, "_fen"):
		return "¥" + yuan(n)
	case isNum && strings.HasSuffix(p.Name, "_bp"):
		return percent(n)
	case isNum && strings.HasSuffix(p.Name, "year"):
		return p.Value.String() + " 年"
	case isNum:
		return groupDigits(p.Value.String())
	}
	s := p.Value.String()
	if p.Name == "eligible_leave_types" {
		names := strings.Split(s, ",")
		for i, n := range names {
			names[i] = orRaw(leaveTypeNames[n], n)
		}
		return strings.Join(names, "、")
	}
	return orRaw(paramValues[s], s)
}

// percent shows basis points as a percentage: 1600 → "16%", 25 → "0.25%".
func percent(bp int64) string {
	s := yuan(bp) // two decimals, as bp/100
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s + "%"
}

// fenOf shows an optional amount of fen as yuan, "—" when unset.
func fenOf(fen *int64) string {
	if fen == nil {
		return "—"
	}
	return "¥" + yuan(*fen)
}

// signedYuan shows a difference with its sign: +12.00, -3.50, 0.00.
func signedYuan(fen int64) string {
	if fen > 0 {
		return "+" + yuan(fen)
	}
	return yuan(fen)
}
