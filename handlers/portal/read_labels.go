package portal

// readActions names the audit actions of reads of personal data (each read
// and each list read is audited by its use case).
var readActions = map[string]string{
	"allowance_claim.read": "查看生育津贴申领", "allowance_claim.list": "查看生育津贴申领列表",
	"leave_request.read": "查看请假申请", "leave_request.list": "查看请假列表",
	"subsidy_application.read": "查看生育补贴申请", "subsidy_application.list": "查看生育补贴申请列表",
	"dismissal_check.read": "查看解雇/降薪检查结果", "dismissal_check.list": "查看解雇/降薪检查列表",
	"payroll_feed.read": "读取薪酬数据",
}
