package portal

// knownActions names the audit actions of the areas that have landed in
// the API but not yet in the portal; an area that adds its pages adds its
// own labels with AddActionLabels.
var knownActions = map[string]string{
	"pregnancy.create": "登记怀孕", "birth.create": "登记分娩", "birth.correct": "更正分娩信息",
	"miscarriage.create": "登记流产", "marriage.create": "登记结婚", "child.update": "修改子女信息",
	"miscarriage.correct": "更正流产信息", "marriage.correct": "更正结婚登记", "pregnancy.correct": "更正怀孕信息",
	"events.read": "查看家庭事件", "entitlements.read": "查看假期余额", "ledger.read": "查看假期台账",
	"leave.submit": "提交请假", "leave.approve": "批准请假", "leave.reject": "驳回请假", "leave.cancel": "撤销请假",
	"settings.update": "修改设置", "wage_reduction.refused": "拒绝降薪（三期保护）", "wage_change.scheduled": "登记待生效的工资调整",
	"employee.wage_cut_refused": "拒绝降薪（三期保护）", "wage_reduction.override": "管理员放行降薪",
}
