package cases

import (
	"leaveguard/app/export"
	"leaveguard/store"
)

// claimFigures writes how each allowance claim of the period was computed
// (insured or not, basis wage and its year, divisor, days, amount, top-up),
// explaining a basis that differs from the current setting; then each birth
// or miscarriage of the period without a claim.
func (r *reportRun) claimFigures() error {
	stored, err := r.tx.Settings(r.ctx, r.tenant)
	if err != nil {
		return err
	}
	cfg, _ := allowanceConfigFrom(stored) // a bad stored value only loses the comparison
	if err := r.tx.EachExportClaim(r.ctx, r.tenant, r.p.From, r.p.To, r.c.Today(), func(c store.ExportClaim) error {
		note := ""
		if now, ok := cfg.AvgWage[c.BasisYear]; ok && c.BasisYear > 0 && now != c.BasisWageFen {
			note = "按计算时有效的 " + itoa(c.BasisYear) + " 年度设置 " + export.Yuan(c.BasisWageFen) +
				" 元/月计发；现行设置为 " + export.Yuan(now) + " 元/月"
		}
		cells := append(r.who(c.EmployeeID, c.EmployeeName, c.EventDate, c.ExternalID, c.IDMasked), export.T(name(eventNames, c.Event)),
			export.D(c.EventDate), export.T(yesNo(c.Insured)), export.Y(c.BasisWageFen), export.N(c.BasisYear),
			export.T(c.Divisor), export.N(c.PaidDays), export.Y(c.AmountFen), export.Y(c.TopUpFen), export.T(note))
		return r.row(cells...)
	}); err != nil {
		return err
	}
	return r.tx.EachUnclaimedEvent(r.ctx, r.tenant, r.p.From, r.p.To, func(u store.UnclaimedEvent) error {
		cells := append(r.who(u.EmployeeID, u.Name, u.Date, u.ExternalID, u.IDMasked), export.T(name(eventNames, u.Event)), export.D(u.Date),
			export.T(yesNo(u.Insured)))
		for range 6 {
			cells = append(cells, export.T(""))
		}
		return r.row(append(cells, export.T("未申领"))...)
	})
}

// claimStatus writes where each claim stands and what an inspector would
// flag: uninsured, received less than computed, a draft not submitted 30
// days after the event (a LeaveGuard reminder, not a statutory limit), a
// decision made or still missing after its due date (10 working days after
// a complete application); then each event without a claim.
func (r *reportRun) claimStatus() error {
	asOf := r.c.Today()
	if r.p.To.Before(asOf) {
		asOf = r.p.To
	}
	if err := r.tx.EachExportClaim(r.ctx, r.tenant, r.p.From, r.p.To, r.c.Today(), func(c store.ExportClaim) error {
		var finds []string
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
		case c.Status == "draft" && c.EventDate.AddDays(30).Before(asOf):
			finds = append(finds, "草稿超过 30 天未提交（系统提示，非法定时限）")
		case c.Overdue:
			finds = append(finds, "逾期未决（应于 "+c.DecisionDue.String()+" 前决定）")
		case c.DecidedOn != nil && c.DecisionDue != nil && c.DecidedOn.After(*c.DecisionDue):
			finds = append(finds, "逾期决定：应于 "+c.DecisionDue.String()+" 前决定，实际 "+c.DecidedOn.String()+
				"，逾期 "+itoa(c.DecisionDue.DaysUntil(*c.DecidedOn))+" 天（10个工作日内应作出决定）")
		}
		cells := append(r.who(c.EmployeeID, c.EmployeeName, c.EventDate, c.ExternalID, c.IDMasked), export.D(c.EventDate),
			export.T(name(statusNames, c.Status)), dateCell(c.SubmittedOn), dateCell(c.DecisionDue), dateCell(c.DecidedOn),
			received, diff, export.F(join(finds)))
		return r.row(cells...)
	}); err != nil {
		return err
	}
	return r.tx.EachUnclaimedEvent(r.ctx, r.tenant, r.p.From, r.p.To, func(u store.UnclaimedEvent) error {
		result := "未申领生育津贴，请核实"
		if !u.Insured {
			result = "未参加生育保险：生育津贴由用人单位按其产假前工资标准支付（《女职工劳动保护特别规定》第八条），未见支付记录"
		}
		cells := append(r.who(u.EmployeeID, u.Name, u.Date, u.ExternalID, u.IDMasked), export.D(u.Date), export.T("未申领"),
			export.T(""), export.T(""), export.T(""), export.T(""), export.T(""), export.F(result))
		return r.row(cells...)
	})
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
