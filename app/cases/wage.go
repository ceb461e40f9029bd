package cases

import (
	"context"
	"strconv"

	"leaveguard/app/auth"
	"leaveguard/leave"
	"leaveguard/store"
)

// WageOverride is an admin's explicit, reasoned override of the ban on
// cutting the wage of a protected employee.
type WageOverride struct {
	Reason string
	Role   string
}

// WageCutCheck refuses (422 wage_reduction_prohibited) a lower wage for an
// employee who is in a protected period on the day the cut takes effect
// (effective), or today when it takes effect earlier (a cut made back to a
// past day reaches every day since), unless an admin gives an override with
// a written reason; the override is audited.
func (c *Cases) WageCutCheck(ctx context.Context, who store.Who, override *WageOverride, effective leave.Date) func(tx *store.Tx, before, after store.Employee) error {
	return c.wageCutCheck(ctx, who, override, effective, c.Today())
}

// wageCutCheck is WageCutCheck for a cut decided on madeOn.
func (c *Cases) wageCutCheck(ctx context.Context, who store.Who, override *WageOverride, effective, madeOn leave.Date) func(tx *store.Tx, before, after store.Employee) error {
	return func(tx *store.Tx, before, after store.Employee) error {
		if after.MonthlyWageFen >= before.MonthlyWageFen {
			return nil
		}
		tenant := tx.TenantID()
		p, err := protectionForCut(ctx, tx, before.ID, effective, madeOn)
		if err != nil || !p.Protected {
			return err
		}
		if override != nil && override.Role == auth.Admin && len([]rune(override.Reason)) >= 10 {
			if err := tx.RecordWageViolation(ctx, tenant, before.ID, before.MonthlyWageFen, after.MonthlyWageFen,
				who.ActorType, actor(who), override.Reason, true); err != nil {
				return err
			}
			return tx.Audit(ctx, tenant, who, "wage_reduction.override", "employee", before.ID,
				map[string]any{"reason_length": len([]rune(override.Reason))})
		}
		msg := "该员工在工资调整生效日（" + effective.String() + "）处于" + p.Phase.Label() + "（三期保护至 " +
			p.Until.String() + "），不得降低工资（女职工劳动保护特别规定 第五条；妇女权益保障法 第四十八条）"
		if override != nil {
			msg += "；管理员覆盖须由 admin 角色提交，并填写不少于10个字的书面理由"
		}
		return &Error{Kind: Unprocessable, Code: "wage_reduction_prohibited", Message: msg,
			Fields: map[string]string{"monthly_wage_fen": "三期内不得降薪（原工资 " + strconv.FormatInt(before.MonthlyWageFen, 10) + " 分）"}}
	}
}

// protectionForCut is the protection that forbids cutting employee id's
// wage from effective on, by a decision made on madeOn: hers on that day,
// or else on madeOn if the cut reaches back before it.
func protectionForCut(ctx context.Context, tx *store.Tx, id string, effective, madeOn leave.Date) (leave.Protection, error) {
	pf, err := tx.ProtectionFacts(ctx, tx.TenantID(), id, "")
	if err != nil {
		return leave.Protection{}, err
	}
	f, err := protectionFacts(pf)
	if err != nil {
		return leave.Protection{}, err
	}
	p := leave.ProtectionOn(f, effective)
	if !p.Protected && effective.Before(madeOn) {
		p = leave.ProtectionOn(f, madeOn)
	}
	return p, nil
}

// RecordWageRefusal records, in a transaction of its own (the refused
// change rolled back), that who tried to cut employee id's wage to newFen.
func (c *Cases) RecordWageRefusal(ctx context.Context, tenant string, who store.Who, id string, newFen int64) error {
	return c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		e, err := tx.Employee(ctx, tenant, id)
		if err != nil {
			return err
		}
		return recordRefusedCut(ctx, tx, who, who.ActorType, actor(who), e, newFen, nil)
	})
}

// recordRefusedCut stores a refused cut of e's wage to newFen as a
// violation attempt by source (by: who exactly) and audits it as who's
// "wage_reduction.refused" with detail.
func recordRefusedCut(ctx context.Context, tx *store.Tx, who store.Who, source, by string, e store.Employee,
	newFen int64, detail map[string]any) error {
	tenant := tx.TenantID()
	if err := tx.RecordWageViolation(ctx, tenant, e.ID, e.MonthlyWageFen, newFen, source, by, "", false); err != nil {
		return err
	}
	return tx.Audit(ctx, tenant, who, "wage_reduction.refused", "employee", e.ID, detail)
}
