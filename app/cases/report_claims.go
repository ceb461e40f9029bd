package cases

import (
	"leaveguard/app/export"
	"leaveguard/leave"
	"leaveguard/store"
)

// claims writes each allowance claim of the period as an inspector checks
// it, then each birth or miscarriage of the period without a claim.
func (r *reportRun) claims() error {
	stored, err := r.tx.Settings(r.ctx, r.tenant)
	if err != nil {
		return err
	}
	cfg, _ := allowanceConfigFrom(stored) // a bad stored value only loses the comparison
	today := r.c.Today()
	if err := r.tx.EachExportClaim(r.ctx, r.tenant, r.p.From, r.p.To, today, func(c store.ExportClaim) error {
		return r.row(claimCells(c, cfg)...)
	}); err != nil {
		return err
	}
	return r.tx.EachUnclaimedEvent(r.ctx, r.tenant, r.p.From, r.p.To, func(u store.UnclaimedEvent) error {
		result := "未申领生育津贴，请核实"
		if !u.Insured {
			result = "未参加生育保险：生育津贴由用人单位按其产假前工资标准支付（《女职工劳动保护特别规定》第八条），未见支付记录"
		}
		cells := append(who(u.Name, u.ExternalID, u.IDMasked), export.T(name(eventNames, u.Event)), export.D(u.Date),
			export.T(yesNo(u.Insured)))
		for range 12 {
			cells = append(cells, export.T(""))
		}
		cells[len(cells)-4] = export.T("未申领")
		return r.row(append(cells, export.F(result))...)
	})
}

// claimCells are a claim's cells; its findings: uninsured, received less
// than computed, a draft not submitted 30 days after the event, a decision
// made or still missing after its due date; and a basis wage that differs
// from the current setting, explained.
func claimCells(c store.ExportClaim, cfg allowanceConfig) []export.Cell {
	var finds, notes []string
	if !c.Insured {
		finds = append(finds, "未参加生育保险：由用人单位支付（特别规定第八条）")
	}
	received, diff := export.T(""), export.T("")
	if c.PaidFen != nil {
		received, diff = export.Y(*c.PaidFen), export.Y(*c.PaidFen-c.AmountFen)
		if *c.PaidFen < c.AmountFen {
			finds = append(finds, "实收少于应发 "+export.Yuan(c.AmountFen-*c.PaidFen)+" 元")
		}
	}
	switch {
	case c.Status == "draft" && c.CreatedOn.DaysUntil(c.EventDate.AddDays(30)) < 0:
		finds = append(finds, "草稿逾期未提交")
	case c.Overdue:
		finds = append(finds, "逾期未决（应于 "+c.DecisionDue.String()+" 前决定）")
	case c.DecidedOn != nil && c.DecisionDue != nil && c.DecidedOn.After(*c.DecisionDue):
		finds = append(finds, "逾期决定：应于 "+c.DecisionDue.String()+" 前决定，实际 "+c.DecidedOn.String()+
			"，逾期 "+itoa(c.DecisionDue.DaysUntil(*c.DecidedOn))+" 天（10个工作日内应作出决定）")
	}
	if now, ok := cfg.AvgWage[c.BasisYear]; ok && c.BasisYear > 0 && now != c.BasisWageFen {
		notes = append(notes, "按计算时有效的 "+itoa(c.BasisYear)+" 年度设置 "+export.Yuan(c.BasisWageFen)+
			" 元/月计发；现行设置为 "+export.Yuan(now)+" 元/月")
	}
	result := export.T(join(notes))
	if len(finds) > 0 {
		result = export.F(join(append(finds, notes...)))
	}
	cells := append(who(c.EmployeeName, c.ExternalID, c.IDMasked), export.T(name(eventNames, c.Event)),
		export.D(c.EventDate), export.T(yesNo(c.Insured)), export.Y(c.BasisWageFen), export.N(c.BasisYear),
		export.T(c.Divisor), export.N(c.PaidDays), export.Y(c.AmountFen), received, diff,
		export.Y(c.TopUpFen), export.T(name(statusNames, c.Status)))
	for _, d := range []*leave.Date{c.SubmittedOn, c.DecisionDue, c.DecidedOn} {
		cells = append(cells, dateCell(d))
	}
	return append(cells, result)
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += "；"
		}
		out += x
	}
	return out
}
