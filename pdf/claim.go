package pdf

import (
	"strconv"

	"leaveguard/leave"
	"leaveguard/payroll"
)

// basisClaim is the claim form's footer.
const basisClaim = "《中华人民共和国社会保险法》第五十六条；《女职工劳动保护特别规定》第七条、第八条；" +
	"《内蒙古自治区人口与计划生育条例》第三十条"

// Claim is the input of the maternity allowance claim form (生育津贴申领表):
// the employee, the event and a computed payroll.AllowanceResult, as stored.
type Claim struct {
	Meta
	EmployeeName     string
	NationalIDMasked string // already masked, e.g. "152201********123X"
	ExternalID       string // the employer's staff number
	MaternityInsured bool
	Event            string     // "birth" or "miscarriage"
	EventDate        leave.Date // birth or miscarriage date
	ChildOrder       int        // births: birth order of the (first) baby
	Babies           int        // births: number of babies
	Dystocia         bool       // births: difficult delivery (难产)
	GestationWeeks   int        // miscarriages: completed weeks of pregnancy
	LeaveStart       leave.Date // the leave the allowance replaces (optional)
	LeaveEnd         leave.Date
	// Figures and parameters of the computed allowance (payroll.AllowanceResult).
	PaidDays            int
	BasisYear           int // year of the employer's average wage; 0 if uninsured
	BasisMonthlyWageFen int64
	Divisor             payroll.Divisor
	AmountFen           int64
	EmployeeWageFen     int64  // her own wage for the same days
	TopUpFen            int64  // the employer's top-up (补差)
	Payer               string // "maternity_fund" or "employer"
	Payee               string // "employee" or "employer"
	Parameters          []payroll.Param
	ComplianceGaps      []payroll.Reason
	Notes               []payroll.Reason
}

// Claim renders the maternity allowance claim form.
func (r *Renderer) Claim(c Claim) ([]byte, error) {
	if err := c.check("claim"); err != nil {
		return nil, err
	}
	return r.render(c.Meta, "生育津贴申领表", basisClaim, c.body)
}

// body lays the claim form out.
func (c Claim) body(d *doc) {
	d.start()
	d.section("一、职工信息")
	insured := "已参加生育保险"
	if !c.MaternityInsured {
		insured = "未参加生育保险"
	}
	d.form([][]kv{
		{{"姓名", c.EmployeeName}, {"身份证号码", orDash(c.NationalIDMasked)}},
		{{"工号", orDash(c.ExternalID)}, {"参保情况", insured}},
	})
	d.section("二、生育（流产）情况")
	d.form(c.eventRows())
	d.section("三、津贴计算")
	d.form(c.amountRows())
	d.section("四、计算参数及来源")
	d.paramTable(c.Parameters)
	d.section("五、合规提示与说明")
	d.reasonTable(c.ComplianceGaps, c.Notes)
	d.section("六、声明及签章")
	d.paragraph("申请人及单位承诺以上所填信息真实、准确、完整，所附材料与原件一致；如有虚假，愿承担相应法律责任。", sizeBody, true)
	d.signatures("申请人（签字）：", "经办人（签字）：", "单位（盖章）：")
}

// eventRows describe the birth or miscarriage.
func (c Claim) eventRows() [][]kv {
	leaveSpan := "—"
	if !c.LeaveStart.IsZero() {
		leaveSpan = cnDate(c.LeaveStart) + " 至 " + cnDate(c.LeaveEnd)
	}
	if c.Event == "miscarriage" {
		return [][]kv{
			{{"事件类型", "流产"}, {"流产日期", cnDate(c.EventDate)}},
			{{"妊娠周数", strconv.Itoa(c.GestationWeeks) + " 周"}, {"假期起止", leaveSpan}},
		}
	}
	babies := "单胎"
	if c.Babies > 1 {
		babies = "多胞胎（" + strconv.Itoa(c.Babies) + " 婴）"
	}
	dystocia := "否"
	if c.Dystocia {
		dystocia = "是"
	}
	return [][]kv{
		{{"事件类型", label(events, c.Event)}, {"生育日期", cnDate(c.EventDate)}},
		{{"胎次", "第 " + strconv.Itoa(c.ChildOrder) + " 孩"}, {"胎数", babies}},
		{{"难产", dystocia}, {"假期起止", leaveSpan}},
	}
}

// amountRows show the figures, the formula and the amount in words.
func (c Claim) amountRows() [][]kv {
	basis := "用人单位上年度职工月平均工资"
	if c.BasisYear > 0 {
		basis = "用人单位 " + strconv.Itoa(c.BasisYear) + " 年度职工月平均工资"
	}
	if !c.MaternityInsured {
		basis = "职工本人产假前工资"
	}
	formula := Yuan(c.BasisMonthlyWageFen) + " 元 ÷ " + c.Divisor.String() + " × " +
		strconv.Itoa(c.PaidDays) + " 天 = " + Yuan(c.AmountFen) + " 元"
	return [][]kv{
		{{"计发天数", days(c.PaidDays)}, {"计发除数", c.Divisor.String()}},
		{{"计发基数", Yuan(c.BasisMonthlyWageFen) + " 元/月"}, {"基数口径", basis}},
		{{"津贴金额", Yuan(c.AmountFen) + " 元"}, {"本人同期工资", Yuan(c.EmployeeWageFen) + " 元"}},
		{{"单位补差", Yuan(c.TopUpFen) + " 元"}, {"支付方", label(payers, c.Payer)}},
		{{"领取方", label(payees, c.Payee)}, {"金额大写", "人民币" + YuanUpper(c.AmountFen)}},
		{{"计算公式", "津贴金额 = 计发基数 ÷ 计发除数 × 计发天数 = " + formula}},
	}
}

// check reports a missing field.
func (c Claim) check(doc string) error {
	if err := c.Meta.check(doc); err != nil {
		return err
	}
	return requireName(doc, c.EmployeeName)
}
