package pdf

import "strconv"

// The compliance report's section tables; an empty section says so.

func (rep ComplianceReport) protectedTable(d *doc) {
	t := d.newTable([]column{{"序号", 10, "C"}, {"职工姓名", 30, "C"}, {"工号", 24, "C"},
		{"所处期间", 24, "C"}, {"起始日", 28, "C"}, {"保护期截止日", 28, "C"}, {"备注", 30, "C"}})
	for i, p := range rep.Protected {
		note := "—"
		if p.Estimated {
			note = "按预产期估算"
		}
		t.row([]string{strconv.Itoa(i + 1), p.EmployeeName, orDash(p.ExternalID), label(phases, p.Phase),
			isoDate(p.From), isoDate(p.Until), note})
	}
	if len(rep.Protected) == 0 {
		t.span("本期无记录")
	}
}

func (rep ComplianceReport) leaveTable(d *doc) {
	t := d.newTable([]column{{"序号", 10, "C"}, {"职工姓名", 24, "C"}, {"假期类型", 22, "C"},
		{"开始日期", 21, "C"}, {"结束日期", 21, "C"}, {"法定应享", 16, "R"}, {"已批准", 16, "R"},
		{"计算单位", 16, "C"}, {"核对结果", 28, "C"}})
	for i, l := range rep.Leaves {
		result, flag := "符合", []int(nil)
		if short := l.EntitledDays - l.GrantedDays; short > 0 {
			result, flag = "不足 "+strconv.Itoa(short)+" 天", []int{8}
		}
		t.row([]string{strconv.Itoa(i + 1), l.EmployeeName, label(leaveTypes, l.LeaveType), isoDate(l.Start),
			isoDate(l.End), strconv.Itoa(l.EntitledDays), strconv.Itoa(l.GrantedDays), label(units, l.Unit), result}, flag...)
	}
	if len(rep.Leaves) == 0 {
		t.span("本期无记录")
	}
}

func (rep ComplianceReport) dismissalTable(d *doc) {
	t := d.newTable([]column{{"序号", 10, "C"}, {"职工姓名", 22, "C"}, {"拟采取事项", 26, "C"},
		{"生效日期", 20, "C"}, {"结论", 16, "C"}, {"保护期至", 20, "C"}, {"主要理由", 60, "L"}})
	for i, c := range rep.Dismissals {
		action := label(actions, c.Action)
		if c.Ground != "" {
			action += "（" + label(grounds, c.Ground) + "）"
		}
		var flag []int
		if c.Verdict == "prohibited" {
			flag = []int{4}
		}
		t.row([]string{strconv.Itoa(i + 1), c.EmployeeName, action, isoDate(c.EffectiveDate),
			label(verdicts, c.Verdict), isoDate(c.ProtectedUntil), orDash(c.Reason)}, flag...)
	}
	if len(rep.Dismissals) == 0 {
		t.span("本期无记录")
	}
}

func (rep ComplianceReport) claimTable(d *doc) {
	t := d.newTable([]column{{"序号", 10, "C"}, {"职工姓名", 24, "C"}, {"事件", 14, "C"},
		{"事件日期", 21, "C"}, {"计发天数", 16, "R"}, {"津贴金额（元）", 25, "R"}, {"状态", 18, "C"},
		{"提交日期", 21, "C"}, {"备注", 25, "C"}})
	for i, c := range rep.Claims {
		note, flag := "—", []int(nil)
		if c.Overdue {
			note, flag = "逾期未决", []int{8}
		}
		t.row([]string{strconv.Itoa(i + 1), c.EmployeeName, label(events, c.Event), isoDate(c.EventDate),
			strconv.Itoa(c.PaidDays), Yuan(c.AmountFen), label(statuses, c.Status), isoDate(c.SubmittedOn), note}, flag...)
	}
	if len(rep.Claims) == 0 {
		t.span("本期无记录")
	}
}

func (rep ComplianceReport) extensionTable(d *doc) {
	t := d.newTable([]column{{"序号", 10, "C"}, {"职工姓名", 32, "C"}, {"工号", 26, "C"},
		{"原合同期满日", 32, "C"}, {"保护期截止日", 37, "C"}, {"顺延后终止日", 37, "C"}})
	for i, e := range rep.Extensions {
		t.row([]string{strconv.Itoa(i + 1), e.EmployeeName, orDash(e.ExternalID), isoDate(e.ContractEnd),
			isoDate(e.ProtectedUntil), isoDate(e.ExtendedEnd)})
	}
	if len(rep.Extensions) == 0 {
		t.span("本期无记录")
	}
}
