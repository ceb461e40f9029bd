package pdf

import (
	"strconv"
	"strings"

	"leaveguard/payroll"
)

// label returns the Chinese label of a code, or the code itself when the
// table does not know it (a new code still prints, never disappears).
func label(table map[string]string, code string) string {
	if s, ok := table[code]; ok {
		return s
	}
	return orDash(code)
}

// Chinese labels of the codes the documents print.
var (
	leaveTypes = map[string]string{
		"maternity": "产假", "miscarriage": "流产假", "spousal_nursing": "配偶护理假",
		"parental": "育儿假", "marriage": "婚假", "only_child_care": "独生子女父母护理假",
	}
	units  = map[string]string{"calendar_days": "自然日", "working_days": "工作日"}
	phases = map[string]string{
		"pregnancy": "孕期", "maternity_leave": "产期", "nursing": "哺乳期", "": "—",
	}
	events  = map[string]string{"birth": "生育", "miscarriage": "流产"}
	payees  = map[string]string{"employee": "职工本人", "employer": "用人单位"}
	payers  = map[string]string{"maternity_fund": "生育保险基金", "employer": "用人单位"}
	actions = map[string]string{
		"termination": "解除劳动合同", "non_renewal": "劳动合同期满终止", "wage_reduction": "降低工资福利",
		"demotion": "降职", "mutual_agreement": "协商一致解除", "resignation": "职工辞职",
	}
	grounds = map[string]string{
		"art39": "第三十九条", "art40": "第四十条", "art41": "第四十一条", "": "—",
	}
	verdicts = map[string]string{
		"prohibited": "禁止", "requires_review": "需复核", "allowed": "允许", "extend_contract": "合同顺延",
	}
	statuses = map[string]string{
		"draft": "草稿", "submitted": "已提交", "approved": "已批准", "rejected": "已驳回",
		"paid": "已支付", "reconciled": "已对账", "": "—",
	}
	paramNames = map[string]string{
		"paid_days_mode": "计发天数口径", "paid_days": "计发天数", "basis_year": "工资基数年度",
		"basis_monthly_wage_fen": "计发基数（月工资）", "divisor": "计发除数",
		"employee_monthly_wage_fen": "职工本人月工资", "top_up": "单位补差", "payee": "津贴领取方",
		"pension_bp": "养老保险单位费率", "medical_bp": "医疗保险（含生育）单位费率",
		"unemployment_bp": "失业保险单位费率", "work_injury_bp": "工伤保险费率",
		"base_floor_fen": "缴费基数下限", "base_ceiling_fen": "缴费基数上限", "ratio_bp": "补贴比例",
		"per_employee_cap_fen": "每人补贴上限", "eligible_leave_types": "可补贴假期类型",
		"infant_care_standard_fen": "婴幼儿照护扣除标准", "top_up_spread": "补差分摊方式",
	}
	paramTexts = map[string]string{
		"statutory": "按法定假期天数", "national": "按国家规定天数", "fixed": "单位固定天数",
		"on": "是", "off": "否", "employee": "职工本人", "employer": "用人单位",
	}
)

// paramLabel is the Chinese name of a parameter; a year prefix
// ("2025.pension_bp") becomes "2025年度".
func paramLabel(name string) string {
	if y, rest, ok := strings.Cut(name, "."); ok && len(y) == 4 {
		if _, err := strconv.Atoi(y); err == nil {
			return y + "年度" + label(paramNames, rest)
		}
	}
	return label(paramNames, name)
}

// paramValue formats a parameter's value: money for *_fen, percentages for
// *_bp, days and years where the name says so, known codes in Chinese.
func paramValue(p payroll.Param) string {
	n, isNum := p.Value.Int64()
	switch {
	case isNum && strings.HasSuffix(p.Name, "_fen"):
		return Yuan(n) + " 元"
	case isNum && strings.HasSuffix(p.Name, "_bp"):
		return percent(n)
	case isNum && strings.HasSuffix(p.Name, "_days"):
		return days(int(n))
	case isNum && strings.HasSuffix(p.Name, "_year"):
		return strconv.FormatInt(n, 10) + " 年度"
	case isNum:
		return strconv.FormatInt(n, 10)
	case p.Name == "divisor":
		return p.Value.String() + " 天"
	case p.Name == "eligible_leave_types":
		codes := strings.Split(p.Value.String(), ",")
		for i, c := range codes {
			codes[i] = label(leaveTypes, c)
		}
		return strings.Join(codes, "、")
	}
	return label(paramTexts, p.Value.String())
}

// percent formats basis points as a percentage with two decimals:
// 1600 → "16.00%" (one basis point is 0.01%, as one fen is 0.01 yuan).
func percent(bp int64) string { return Yuan(bp) + "%" }
