package export

// label returns the Chinese label of a code, or the code itself when the
// table does not know it (a new code still shows, never disappears).
func label(table map[string]string, code string) string {
	if s, ok := table[code]; ok {
		return s
	}
	return code
}

// Chinese labels of the codes the report shows.
var (
	phases = map[string]string{"pregnancy": "孕期", "maternity_leave": "产期", "nursing": "哺乳期"}
	leaves = map[string]string{
		"maternity": "产假", "miscarriage": "流产假", "spousal_nursing": "配偶护理假",
		"parental": "育儿假", "marriage": "婚假", "only_child_care": "独生子女父母护理假",
	}
	units   = map[string]string{"calendar_days": "自然日", "working_days": "工作日"}
	actions = map[string]string{
		"termination": "解除劳动合同", "non_renewal": "劳动合同期满终止", "wage_reduction": "降低工资福利",
		"demotion": "降职", "mutual_agreement": "协商一致解除", "resignation": "职工辞职",
	}
	grounds = map[string]string{"art39": "第三十九条", "art40": "第四十条", "art41": "第四十一条",
		"art44_retirement": "第四十四条第二项", "art44_death": "第四十四条第三项", "art44_bankruptcy": "第四十四条第四项",
		"art44_closure": "第四十四条第五项"}
	verdicts = map[string]string{
		"prohibited": "禁止", "requires_review": "需复核", "allowed": "允许", "extend_contract": "合同顺延",
	}
	events   = map[string]string{"birth": "生育", "miscarriage": "流产"}
	statuses = map[string]string{
		"draft": "草稿", "submitted": "已提交", "approved": "已批准", "rejected": "已驳回",
		"paid": "已支付", "reconciled": "已对账",
	}
)
