package cases

import (
	"context"
	"encoding/json"
	"fmt"

	"leaveguard/leave"
	"leaveguard/payroll"
	"leaveguard/pdf"
	"leaveguard/store"
)

// ClaimForm generates (or returns the unchanged latest) 生育津贴申领表 of an
// allowance claim, as computed and stored.
func (f *Filings) ClaimForm(ctx context.Context, tenant string, who store.Who, id string) (Filing, error) {
	return f.generate(ctx, tenant, who, KindAllowanceClaim, id, claimForm(ctx, tenant, id))
}

// claimForm builds the claim form of claim id.
func claimForm(ctx context.Context, tenant, id string) func(tx *store.Tx) (document, error) {
	return func(tx *store.Tx) (document, error) {
		r, err := tx.Claim(ctx, tenant, id, false)
		if err != nil {
			return nil, err
		}
		var res payroll.AllowanceResult
		if err := json.Unmarshal(r.Result, &res); err != nil {
			return nil, fmt.Errorf("cases: claim %s result: %w", r.ID, err)
		}
		e, err := tx.Employee(ctx, tenant, r.EmployeeID)
		if err != nil {
			return nil, err
		}
		c := pdf.Claim{EmployeeName: e.Name, NationalIDMasked: e.NationalIDMasked, ExternalID: e.ExternalID,
			MaternityInsured: r.Insured, EventDate: r.EventDate,
			PaidDays: res.PaidDays, BasisYear: res.BasisYear, BasisMonthlyWageFen: res.BasisMonthlyWageFen,
			Divisor: res.Divisor, AmountFen: res.AmountFen, EmployeeWageFen: res.EmployeeWageFen,
			TopUpFen: res.TopUpFen, Payer: string(res.Payer), Payee: string(res.Payee),
			Parameters: res.Parameters, ComplianceGaps: res.ComplianceGaps, Notes: res.Notes}
		if err := claimFormEvent(ctx, tx, tenant, r, &c); err != nil {
			return nil, err
		}
		return &claimPDF{c}, nil
	}
}

// claimFormEvent fills in the birth or miscarriage and the leave it replaces.
func claimFormEvent(ctx context.Context, tx *store.Tx, tenant string, r store.AllowanceClaim, c *pdf.Claim) error {
	if r.MiscarriageID != nil {
		m, err := tx.Miscarriage(ctx, tenant, *r.MiscarriageID)
		if err != nil {
			return err
		}
		var plan leave.MiscarriagePlan
		if err := json.Unmarshal(m.Plan, &plan); err != nil {
			return fmt.Errorf("cases: miscarriage %s plan: %w", m.ID, err)
		}
		c.Event, c.GestationWeeks = "miscarriage", m.GestationWeeks
		c.LeaveStart, c.LeaveEnd = plan.MiscarriageLeave.Start, plan.MiscarriageLeave.End
		return nil
	}
	b, err := tx.Birth(ctx, tenant, deref(r.BirthID), false)
	if err != nil {
		return err
	}
	var plan leave.BirthPlan
	if err := json.Unmarshal(b.Plan, &plan); err != nil {
		return fmt.Errorf("cases: birth %s plan: %w", b.ID, err)
	}
	c.Event, c.ChildOrder, c.Babies, c.Dystocia = "birth", b.ChildOrder, b.Babies, b.Dystocia
	if ml := plan.MaternityLeave; ml != nil {
		c.LeaveStart, c.LeaveEnd = ml.Start, ml.End
	}
	return nil
}

// SubsidyForm generates (or returns the unchanged latest) 社会保险费补贴申请表
// of a subsidy application with its lines and the employees' names.
func (f *Filings) SubsidyForm(ctx context.Context, tenant string, who store.Who, id string) (Filing, error) {
	return f.generate(ctx, tenant, who, KindSubsidyApplication, id, subsidyForm(ctx, tenant, id))
}

// subsidyForm builds the subsidy application form of application id.
func subsidyForm(ctx context.Context, tenant, id string) func(tx *store.Tx) (document, error) {
	return func(tx *store.Tx) (document, error) {
		a, err := tx.Subsidy(ctx, tenant, id, false)
		if err != nil {
			return nil, err
		}
		lines, err := tx.SubsidyLines(ctx, tenant, id)
		if err != nil {
			return nil, err
		}
		ids := make([]string, 0, len(lines))
		for _, l := range lines {
			ids = append(ids, l.EmployeeID)
		}
		names, err := tx.EmployeeLabels(ctx, tenant, ids)
		if err != nil {
			return nil, err
		}
		s := subsidyOf(a)
		doc := pdf.SubsidyApplication{PeriodFrom: s.PeriodFrom.String(), PeriodTo: s.PeriodTo.String(),
			Parameters: s.Parameters, Notes: s.Notes, Lines: make([]pdf.SubsidyLine, len(lines))}
		for i, l := range lines {
			p := lineOf(l)
			doc.Lines[i] = pdf.SubsidyLine{EmployeeName: names[l.EmployeeID].Name, ExternalID: names[l.EmployeeID].ExternalID,
				Month: p.Month.String(), LeaveType: l.LeaveType, LeaveDays: l.LeaveDays, DaysInMonth: l.DaysInMonth,
				BaseFen: l.BaseFen, EmployerContributionFen: l.EmployerContributionFen, ClaimableFen: l.ClaimableFen,
				Reasons: p.Reasons}
		}
		return &subsidyPDF{doc}, nil
	}
}
