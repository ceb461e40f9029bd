package cases

import (
	"strconv"
	"strings"

	"leaveguard/app/export"
	"leaveguard/leave"
	"leaveguard/pdf"
)

// copySection builds a PDF section from a title and name, width pairs;
// amounts in yuan are right-aligned.
func copySection(title string, pairs ...any) pdf.ReportSection {
	s := pdf.ReportSection{Title: title}
	for _, c := range cols(pairs...) {
		s.Columns = append(s.Columns, pdf.ReportColumn{Name: c.Name, Width: c.Width, Right: strings.HasSuffix(c.Name, "（元）")})
	}
	return s
}

// add appends a row of texts; a text starting with "!" is flagged (red).
func add(s *pdf.ReportSection, texts ...string) {
	row := make([]pdf.ReportCell, len(texts))
	for i, t := range texts {
		flag := strings.HasPrefix(t, "!")
		row[i] = pdf.ReportCell{Text: strings.TrimPrefix(t, "!"), Flag: flag}
	}
	s.Rows = append(s.Rows, row)
}

func dateText(d *leave.Date) string {
	if d == nil {
		return "—"
	}
	return d.String()
}

// basisText lists the sources of a decision's basis, once each.
func basisText(bs []leave.Basis) string {
	var out []string
	seen := map[string]bool{}
	for _, b := range bs {
		if b.Source != "" && !seen[b.Source] {
			seen[b.Source] = true
			out = append(out, b.Source)
		}
	}
	return strings.Join(out, "；")
}

// accessSections are the copy's tables, in the order of the JSON.
func accessSections(a AccessCopy) []pdf.ReportSection {
	e := a.Employee
	rec := copySection("一、基本信息", "项目", 30, "内容", 70)
	region := ""
	if e.Region != nil {
		region = *e.Region
	}
	add(&rec, "性别", name(genderNames, e.Gender))
	add(&rec, "入职日期", e.HiredOn.String())
	add(&rec, "劳动合同到期日", dateText(e.ContractEnd))
	add(&rec, "月工资（元）", export.Yuan(e.MonthlyWageFen))
	add(&rec, "参加生育保险", yesNo(e.MaternityInsured))
	add(&rec, "工作地区", region)
	add(&rec, "离职日期（最后工作日）", dateText(e.SeparatedOn))

	fam := copySection("二、家庭情况", "类别", 16, "日期", 18, "内容", 66)
	for _, p := range a.Family.Pregnancies {
		add(&fam, "怀孕", p.ReportedOn.String(), "报告怀孕；预产期 "+dateText(p.ExpectedDueDate))
	}
	for _, b := range a.Family.Births {
		add(&fam, "生育", b.BirthDate.String(), "第 "+itoa(b.ChildOrder)+" 孩；胎数 "+itoa(b.Babies)+
			"；死产 "+itoa(b.Stillborn)+"；难产 "+yesNo(b.Dystocia))
	}
	for _, c := range a.Family.Children {
		add(&fam, "子女", c.BirthDate.String(), "第 "+itoa(c.ChildOrder)+" 孩；死亡日期 "+dateText(c.DiedOn))
	}
	for _, m := range a.Family.Miscarriages {
		add(&fam, "流产", m.Date.String(), "孕 "+itoa(m.GestationWeeks)+" 周")
	}
	for _, m := range a.Family.Marriages {
		add(&fam, "结婚", m.RegisteredOn.String(), "登记结婚")
	}

	ent := copySection("三、应享假期（截至 "+a.AsOf.String()+"）", "假期类型", 14, "应享", 8, "已休", 8, "已预约", 8,
		"待批", 8, "剩余", 8, "单位", 10, "期间", 22, "依据", 40)
	for _, it := range a.Entitlements {
		add(&ent, name(leaveNames, string(it.LeaveType)), itoa(it.Entitled), itoa(it.Taken), itoa(it.Booked),
			itoa(it.Pending), itoa(it.Remaining), name(unitNames, string(it.Unit)),
			it.Period.From.String()+" 至 "+dateText(it.Period.To), basisText(it.Basis))
	}

	p := a.Protection
	prot := copySection("四、三期保护状态（截至 "+a.AsOf.String()+"）", "项目", 30, "内容", 70)
	add(&prot, "是否处于保护期", yesNo(p.Protected))
	if p.Protected {
		add(&prot, "阶段", name(phaseNames, string(p.Phase)))
		add(&prot, "保护期", dateText(p.From)+" 至 "+dateText(p.Until))
	}
	add(&prot, "依据", basisText(p.Basis))

	return append([]pdf.ReportSection{rec, fam, ent, prot}, accessRecordSections(a)...)
}

// accessRecordSections are the tables of her stored decisions and records.
func accessRecordSections(a AccessCopy) []pdf.ReportSection {
	chk := copySection("五、解除、终止劳动合同等事项检查", "检查时间", 20, "拟采取事项", 16, "生效日期", 14,
		"结论", 10, "保护期至", 14, "理由", 40)
	for _, d := range a.DismissalChecks {
		v := d.Verdict
		var why []string
		for _, r := range v.Reasons {
			why = append(why, r.Message)
		}
		verdict := name(verdictNames, string(v.Outcome))
		if v.Outcome == "prohibited" {
			verdict = "!" + verdict
		}
		add(&chk, export.Stamp(d.CheckedAt), name(actionNames, string(v.Action)), v.EffectiveDate.String(),
			verdict, dateText(v.ProtectedUntil), strings.Join(why, "；"))
	}
	lv := copySection("六、休假申请", "假期类型", 16, "开始日期", 16, "结束日期", 16, "天数", 8, "单位", 10,
		"状态", 12, "提交时间", 22)
	for _, r := range a.LeaveRequests {
		add(&lv, name(leaveNames, r.LeaveType), r.Start.String(), r.End.String(), itoa(r.Days),
			name(unitNames, r.Unit), name(leaveStatusNames, r.Status), export.Stamp(r.CreatedAt))
	}
	led := copySection("七、休假台账", "记账日期", 16, "类别", 12, "假期类型", 16, "天数", 8, "起止", 28, "说明", 30)
	for _, l := range a.Ledger {
		add(&led, l.PostedOn.String(), name(entryNames, l.Kind), name(leaveNames, l.LeaveType), itoa(l.Days),
			dateText(l.Start)+" 至 "+dateText(l.End), l.Note)
	}
	cl := copySection("八、生育津贴申领", "事件", 10, "事件日期", 16, "状态", 12, "应发金额（元）", 16,
		"提交日期", 16, "决定日期", 16, "实收金额（元）", 16)
	for _, c := range a.Claims {
		paid := "—"
		if c.PaidFen != nil {
			paid = export.Yuan(*c.PaidFen)
		}
		add(&cl, name(eventNames, string(c.Event)), c.EventDate.String(), name(statusNames, c.Status),
			export.Yuan(c.AmountFen), dateText(c.SubmittedOn), dateText(c.DecidedOn), paid)
	}
	sep := copySection("九、离职记录", "事件", 14, "最后工作日", 16, "类型", 22, "条款", 14, "经管理员越权", 12, "登记时间", 22)
	for _, s := range a.Separations {
		add(&sep, name(sepEventNames, s.Event), s.LastDay.String(), name(separationNames, s.Kind),
			name(groundNames, s.Ground), yesNo(s.Overridden), export.Stamp(s.CreatedAt))
	}
	wg := copySection("十、工资调整", "生效日期", 20, "调整后月工资（元）", 24, "来源", 20, "结果", 36)
	for _, w := range a.WageChanges {
		outcome := "待执行"
		if w.Outcome != nil {
			outcome = name(wageOutcomes, *w.Outcome)
		}
		add(&wg, w.EffectiveDate.String(), export.Yuan(w.NewWageFen), name(sourceNames, w.Source), outcome)
	}
	cut := copySection("十一、保护期内被拒绝的降薪", "记录时间", 24, "原月工资（元）", 18, "拟调整为（元）", 18,
		"来源", 16, "处理结果", 24)
	for _, w := range a.RefusedWageCuts {
		res := "!已拒绝"
		if w.Overridden {
			res = "!经越权执行：" + w.Reason
		}
		add(&cut, export.Stamp(w.CreatedAt), export.Yuan(w.OldWageFen), export.Yuan(w.NewWageFen),
			name(sourceNames, w.Source), res)
	}
	log := copySection("十四、查阅与变更记录（共 "+strconv.Itoa(len(a.AccessLog))+" 条）", "时间", 30, "操作者", 36, "操作", 34)
	for _, l := range a.AccessLog {
		add(&log, export.Stamp(l.At), name(actorNames, l.ActorType)+" "+l.ActorID, name(auditNames, l.Action))
	}
	return append([]pdf.ReportSection{chk, lv, led, cl, sep, wg, cut}, append(rightsSections(a), log)...)
}
