package cases

import (
	"context"
	"encoding/json"
	"time"

	"github.com/google/uuid"

	"leaveguard/app/auth"
	"leaveguard/leave"
	"leaveguard/store"
)

// DismissalInput is the body of POST /dismissal-checks: the employee by id
// or by the employer's external id, the proposed action, its ground (for a
// termination) and the date it would take effect.
type DismissalInput struct {
	EmployeeID    *string `json:"employee_id"`
	ExternalID    *string `json:"external_id"`
	Action        *string `json:"action"`
	Ground        *string `json:"ground"`
	EffectiveDate *string `json:"effective_date"`
}

// DismissalCheck is a stored check and its verdict.
type DismissalCheck struct {
	ID         string        `json:"id"`
	EmployeeID string        `json:"employee_id"`
	Source     string        `json:"source"`
	CheckedAt  time.Time     `json:"checked_at"`
	Verdict    leave.Verdict `json:"-"`
	// Redacted: the verdict as the payroll role sees it, without the
	// protection behind it (phase, dates, reasons); see For.
	Redacted bool `json:"-"`
}

func (in DismissalInput) parse() (id, ext string, action leave.Action, ground leave.Ground, eff leave.Date, err error) {
	f := Fields{}
	id = f.Text("employee_id", in.EmployeeID, false, 64)
	ext = f.Text("external_id", in.ExternalID, false, 64)
	if id == "" && ext == "" {
		f["employee_id"] = "须提供 employee_id 或 external_id"
	}
	if id != "" {
		if _, perr := uuid.Parse(id); perr != nil {
			f["employee_id"] = "不是有效的员工 id"
		}
	}
	action = leave.Action(f.Text("action", in.Action, true, 40))
	ground = leave.Ground(f.Text("ground", in.Ground, false, 40))
	eff = f.Date("effective_date", in.EffectiveDate, true)
	return id, ext, action, ground, eff, f.Err()
}

// CheckDismissal judges a proposed termination, non-renewal, wage cut or
// demotion against the employee's protected periods, and stores the check
// with its facts, audit row and dismissal_check.completed event together.
func (c *Cases) CheckDismissal(ctx context.Context, tenant string, who store.Who, in DismissalInput) (DismissalCheck, error) {
	id, ext, action, ground, eff, err := in.parse()
	if err != nil {
		return DismissalCheck{}, err
	}
	var out DismissalCheck
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		pf, err := tx.ProtectionFacts(ctx, tenant, id, ext)
		if err != nil {
			return err
		}
		facts, err := protectionFacts(pf)
		if err != nil {
			return err
		}
		v, err := leave.CheckDismissal(facts, action, ground, eff)
		if err != nil {
			return fromDomain(err)
		}
		out = DismissalCheck{ID: uuid.NewString(), EmployeeID: pf.ID, Source: who.ActorType,
			CheckedAt: c.Now().UTC(), Verdict: v}
		row := store.DismissalCheck{ID: out.ID, EmployeeID: pf.ID, Action: string(action), Ground: string(ground),
			EffectiveDate: eff, Verdict: string(v.Outcome), ProtectedUntil: v.ProtectedUntil,
			ExtendedContractEnd: v.ExtendedContractEnd, Result: mustJSON(v), Facts: mustJSON(facts),
			Source: who.ActorType, CreatedBy: actor(who)}
		return tx.SaveDismissalCheck(ctx, tenant, who, row, out.Event())
	})
	return out.For(who), err
}

// Event is the dismissal_check.completed payload: the verdict without the
// employee's facts.
func (d DismissalCheck) Event() map[string]any {
	return map[string]any{"check_id": d.ID, "employee_id": d.EmployeeID, "action": d.Verdict.Action,
		"effective_date": d.Verdict.EffectiveDate, "verdict": d.Verdict.Outcome,
		"protected_until": d.Verdict.ProtectedUntil, "extended_contract_end": d.Verdict.ExtendedContractEnd}
}

// payrollReasons is the one reason a redacted verdict gives, by outcome.
var payrollReasons = map[leave.Outcome]string{
	leave.Prohibited:     "该员工在法定保护期内，此操作不得执行；具体情况仅人事可见，请联系人事",
	leave.RequiresReview: "此操作须由人事复核后方可执行；具体情况仅人事可见",
	leave.ExtendContract: "劳动合同须依法顺延，到期不得终止；具体情况仅人事可见",
	leave.Allowed:        "未发现阻止此操作的三期保护",
}

// For is d as who may see it: the payroll role gets the verdict on the
// action and its date, never the protection behind it (the phase, the
// protected or estimated dates, the reasons naming pregnancy or birth).
func (d DismissalCheck) For(who store.Who) DismissalCheck {
	if who.Role != auth.Payroll {
		return d
	}
	v := d.Verdict
	d.Redacted = true
	d.Verdict = leave.Verdict{Outcome: v.Outcome, Action: v.Action, Ground: v.Ground, EffectiveDate: v.EffectiveDate,
		Reasons: []leave.Reason{{Code: "payroll_view", Message: payrollReasons[v.Outcome], Basis: []leave.Basis{}}}}
	return d
}

// MarshalJSON renders the check as api.md's response: id and the verdict's
// fields side by side (the embedded Verdict's fields are promoted); a
// redacted check has only the verdict, action, ground, date and reason.
func (d DismissalCheck) MarshalJSON() ([]byte, error) {
	if d.Redacted {
		v := d.Verdict
		return json.Marshal(struct {
			ID            string         `json:"id"`
			EmployeeID    string         `json:"employee_id"`
			Source        string         `json:"source"`
			CheckedAt     time.Time      `json:"checked_at"`
			Outcome       leave.Outcome  `json:"verdict"`
			Action        leave.Action   `json:"action"`
			Ground        leave.Ground   `json:"ground,omitempty"`
			EffectiveDate leave.Date     `json:"effective_date"`
			Reasons       []leave.Reason `json:"reasons"`
		}{d.ID, d.EmployeeID, d.Source, d.CheckedAt, v.Outcome, v.Action, v.Ground, v.EffectiveDate, v.Reasons})
	}
	return json.Marshal(struct {
		ID         string    `json:"id"`
		EmployeeID string    `json:"employee_id"`
		Source     string    `json:"source"`
		CheckedAt  time.Time `json:"checked_at"`
		leave.Verdict
	}{d.ID, d.EmployeeID, d.Source, d.CheckedAt, d.Verdict})
}

// fromStored rebuilds a check from its stored row.
func fromStored(r store.DismissalCheck) DismissalCheck {
	d := DismissalCheck{ID: r.ID, EmployeeID: r.EmployeeID, Source: r.Source, CheckedAt: r.CreatedAt}
	_ = json.Unmarshal(r.Result, &d.Verdict)
	return d
}

// DismissalChecks lists stored checks, newest first (of one employee when
// employeeID is set), before a time for paging.
func (c *Cases) DismissalChecks(ctx context.Context, tenant string, who store.Who, employeeID string, before time.Time, limit int) ([]DismissalCheck, error) {
	var out []DismissalCheck
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		out = nil
		if employeeID != "" {
			if _, err := tx.Employee(ctx, tenant, employeeID); err != nil {
				return err
			}
		}
		rows, err := tx.DismissalChecks(ctx, tenant, employeeID, before, limit)
		if err != nil {
			return err
		}
		ids := make([]string, len(rows))
		for i, r := range rows {
			out = append(out, fromStored(r).For(who))
			ids[i] = r.ID
		}
		return auditList(ctx, tx, tenant, who, "dismissal_check.list", "dismissal_check", ids, map[string]any{"employee_id": employeeID})
	})
	return out, err
}

// DismissalCheckByID loads one stored check, as who may see it.
func (c *Cases) DismissalCheckByID(ctx context.Context, tenant string, who store.Who, id string) (DismissalCheck, error) {
	var out DismissalCheck
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		r, err := tx.DismissalCheck(ctx, tenant, id)
		if err != nil {
			return err
		}
		out = fromStored(r).For(who)
		return tx.Audit(ctx, tenant, who, "dismissal_check.read", "dismissal_check", id, map[string]any{"employee_id": r.EmployeeID})
	})
	return out, err
}
