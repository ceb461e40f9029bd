package cases

import (
	"strconv"

	"leaveguard/app/export"
	"leaveguard/leave"
)

// reportTitle is the report's title in every format.
const reportTitle = "劳动保障合规报告（女职工特殊保护）"

// cols builds a section's columns from name, width pairs.
func cols(pairs ...any) []export.Column {
	out := make([]export.Column, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, export.Column{Name: pairs[i].(string), Width: float64(pairs[i+1].(int))})
	}
	return out
}

// The report's sections, in order. Every row starts with 序号, the employee's
// name, 工号 and masked ID number where it is about an employee.
var (
	secEvents = export.Section{Sheet: "三期女职工", Title: "一、孕期、产期、哺乳期（三期）女职工（按事件分阶段列示）",
		Columns: cols("序号", 6, "职工姓名", 12, "工号", 10, "身份证号", 20, "工作地区", 10, "事件", 8, "事件日期", 12,
			"阶段", 10, "阶段起始日", 12, "阶段截止日", 12, "核查结果", 30)}
	secLeaves = export.Section{Sheet: "休假核对", Title: "二、休假与法定应享天数核对",
		Columns: cols("序号", 6, "职工姓名", 12, "工号", 10, "身份证号", 20, "假期类型", 12, "开始日期", 12,
			"结束日期", 12, "法定应享", 9, "已批准（同一额度合计）", 10, "计算单位", 8, "核对结果", 26)}
	secDismissals = export.Section{Sheet: "解除终止检查", Title: "三、解除、终止劳动合同等事项检查及执行情况",
		Columns: cols("序号", 6, "检查时间", 18, "检查编号", 10, "职工姓名", 12, "工号", 10, "身份证号", 20,
			"拟采取事项", 16, "生效日期", 12, "结论", 8, "保护期至", 12, "执行情况", 14, "主要理由", 40)}
	secWages = export.Section{Sheet: "降薪记录", Title: "四、降低工资福利（《女职工劳动保护特别规定》第五条）",
		Columns: cols("序号", 6, "记录时间", 18, "记录编号", 10, "职工姓名", 12, "工号", 10, "身份证号", 20,
			"原月工资（元）", 12, "拟调整为（元）", 12, "来源", 10, "处理结果", 26)}
	secClaims = export.Section{Sheet: "生育津贴计发", Title: "五、生育津贴计发核对（《社会保险法》第五十六条、《女职工劳动保护特别规定》第八条）",
		Columns: cols("序号", 6, "职工姓名", 12, "工号", 10, "身份证号", 20, "事件", 6, "事件日期", 12,
			"参加生育保险", 8, "计发基数（元/月）", 12, "基数年度", 8, "计发除数", 8, "计发天数", 8,
			"应发金额（元）", 12, "单位补差（元）", 10, "说明", 30)}
	secClaimStatus = export.Section{Sheet: "生育津贴申领", Title: "六、生育津贴申领、决定与到账",
		Columns: cols("序号", 6, "职工姓名", 12, "工号", 10, "身份证号", 20, "事件日期", 12, "状态", 8,
			"提交日期", 12, "应决日期", 12, "决定日期", 12, "实收金额（元）", 12, "差额（元）", 10, "核查结果", 40)}
	secExtensions = export.Section{Sheet: "合同顺延", Title: "七、应顺延的劳动合同（《劳动合同法》第四十五条）",
		Columns: cols("序号", 6, "职工姓名", 12, "工号", 10, "身份证号", 20, "原合同期满日", 12, "所处期间", 8,
			"保护期截止日", 12, "顺延后终止日", 12, "顺延通知书编号", 20, "通知书出具日期", 12, "送达日期", 10, "核查结果", 24)}
	secTotals = export.Section{Sheet: "汇总", Title: "八、汇总",
		Columns: cols("项目", 40, "数量", 10, "其中需整改", 12)}
	secAttest = export.Section{Sheet: "声明与校验", Title: "九、承诺、依据与校验",
		Columns: cols("项目", 20, "内容", 100)}
)

// reportBasis is every rule the report relies on: the footer of the PDF and
// a row of the last section.
const reportBasis = "《兴安盟优化生育政策促进人口长期均衡发展若干措施》（兴署办发〔2023〕86号）第十三条；" +
	"《妇女权益保障法》第四十八条；《女职工劳动保护特别规定》第五条至第九条；" +
	"《劳动合同法》第四十条至第四十二条、第四十五条、第八十七条；《社会保险法》第五十六条；" +
	"《社会保险经办条例》第二十条；《内蒙古自治区人口与计划生育条例》第三十条；" +
	"其他工作地区职工按其地区的人口与计划生育条例（地区见第一部分“工作地区”列，逐项依据见各假期计划）"

// reportSettings names the tenant settings the report applies: they are
// the employer's own choices, not law.
const reportSettings = "育儿假计算单位与年度口径、生育津贴计发除数与天数、上年度职工月平均工资、单位补差（均为本单位设置，非法律依据）"

// reportDeclaration is the employer's attestation.
const reportDeclaration = "本单位承诺以上内容真实、完整，如有不实，愿承担相应法律责任。"

// Chinese labels of the codes the report shows.
var (
	phaseNames = map[string]string{"pregnancy": "孕期", "maternity_leave": "产期", "nursing": "哺乳期",
		"miscarriage_leave": "流产假期"}
	leaveNames = map[string]string{
		"maternity": "产假", "miscarriage": "流产假", "spousal_nursing": "配偶护理假",
		"parental": "育儿假", "marriage": "婚假", "only_child_care": "独生子女父母护理假",
	}
	unitNames   = map[string]string{"calendar_days": "自然日", "working_days": "工作日"}
	actionNames = map[string]string{
		"termination": "解除劳动合同", "non_renewal": "劳动合同期满终止", "wage_reduction": "降低工资福利",
		"demotion": "降职", "mutual_agreement": "协商一致解除", "resignation": "职工辞职",
	}
	groundNames = map[string]string{"art39": "第三十九条", "art40": "第四十条", "art41": "第四十一条",
		"art44_retirement": "第四十四条第二项", "art44_death": "第四十四条第三项", "art44_bankruptcy": "第四十四条第四项",
		"art44_closure": "第四十四条第五项"}
	verdictNames = map[string]string{
		"prohibited": "禁止", "requires_review": "需复核", "allowed": "允许", "extend_contract": "合同顺延",
	}
	sourceNames = map[string]string{"user": "门户", "api_key": "接口", "api": "接口", "webhook": "薪资系统推送",
		"schedule": "定期调整"}
	eventNames  = map[string]string{"birth": "生育", "miscarriage": "流产", "pregnancy": "怀孕"}
	statusNames = map[string]string{
		"draft": "草稿", "submitted": "已提交", "approved": "已批准", "rejected": "已驳回",
		"paid": "已支付", "reconciled": "已对账",
	}
)

// name returns the Chinese label of a code, or the code itself.
func name(table map[string]string, code string) string {
	if s, ok := table[code]; ok {
		return s
	}
	return code
}

func itoa(n int) string { return strconv.Itoa(n) }

// dateCell is a date cell, empty for nil.
func dateCell(d *leave.Date) export.Cell {
	if d == nil {
		return export.T("")
	}
	return export.D(*d)
}
