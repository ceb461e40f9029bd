package cases

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/google/uuid"

	"leaveguard/leave"
	"leaveguard/payroll"
	"leaveguard/store"
)

// ClaimInput is the body of POST /allowance-claims: exactly one event.
type ClaimInput struct {
	BirthID       *string `json:"birth_id"`
	MiscarriageID *string `json:"miscarriage_id"`
}

func (in ClaimInput) parse() (birthID, miscarriageID string, err error) {
	f := Fields{}
	birthID = f.Text("birth_id", in.BirthID, false, 64)
	miscarriageID = f.Text("miscarriage_id", in.MiscarriageID, false, 64)
	switch {
	case birthID == "" && miscarriageID == "":
		f["birth_id"] = "须提供 birth_id（生育）或 miscarriage_id（流产）之一"
	case birthID != "" && miscarriageID != "":
		f["miscarriage_id"] = "birth_id 与 miscarriage_id 只能提供一个"
	}
	for name, v := range map[string]string{"birth_id": birthID, "miscarriage_id": miscarriageID} {
		if _, perr := uuid.Parse(v); v != "" && perr != nil {
			f[name] = "不是有效的 id"
		}
	}
	return birthID, miscarriageID, f.Err()
}

// CreateClaim computes the maternity allowance of a birth or miscarriage
// and stores it as a draft claim. One active (not rejected) claim per event:
// a second is 409 claim_exists.
func (c *Cases) CreateClaim(ctx context.Context, tenant string, who store.Who, in ClaimInput) (Claim, error) {
	birthID, miscarriageID, err := in.parse()
	if err != nil {
		return Claim{}, err
	}
	var out store.AllowanceClaim
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		row, err := computeClaim(ctx, tx, tenant, birthID, miscarriageID)
		if err != nil {
			return err
		}
		row.Status, row.CreatedBy = StatusDraft, actor(who)
		if out, err = tx.CreateClaim(ctx, tenant, row); err != nil {
			if store.ConflictOn(err, store.ClaimActiveBirth) || store.ConflictOn(err, store.ClaimActiveMiscarriage) {
				return Fail(Conflict, "claim_exists", "该次生育（流产）已有未被驳回的生育津贴申领，不能重复申领")
			}
			return err
		}
		return tx.Audit(ctx, tenant, who, "allowance_claim.create", "allowance_claim", out.ID,
			map[string]any{"employee_id": out.EmployeeID, "status": out.Status})
	})
	if err != nil {
		return Claim{}, err
	}
	return claimOf(out, c.Today()), nil
}

// RecomputeClaim recomputes a draft claim from the current facts (a
// corrected birth, a new wage) and settings.
func (c *Cases) RecomputeClaim(ctx context.Context, tenant string, who store.Who, id string) (Claim, error) {
	var out store.AllowanceClaim
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		old, err := tx.Claim(ctx, tenant, id, true)
		if err != nil {
			return err
		}
		if err := checkTransition(claimWhat, old.Status, "recompute"); err != nil {
			return err
		}
		row, err := computeClaim(ctx, tx, tenant, deref(old.BirthID), deref(old.MiscarriageID))
		if err != nil {
			return err
		}
		row.ID, row.Status = old.ID, old.Status
		detail := mustJSON(map[string]any{"amount_fen_before": old.AmountFen, "amount_fen": row.AmountFen})
		tr := store.Transition{Action: "recompute", From: old.Status, Detail: detail, By: actor(who)}
		if out, err = tx.SaveClaim(ctx, tenant, row, tr); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "allowance_claim.recompute", "allowance_claim", id, nil)
	})
	if err != nil {
		return Claim{}, err
	}
	return claimOf(out, c.Today()), nil
}

const claimWhat = "生育津贴申领"

// computeClaim loads the event, its employee and the tenant's settings and
// computes the allowance (payroll.Allowance) as an unsaved claim row.
func computeClaim(ctx context.Context, tx *store.Tx, tenant, birthID, miscarriageID string) (store.AllowanceClaim, error) {
	facts, row, err := claimFacts(ctx, tx, tenant, birthID, miscarriageID)
	if err != nil {
		return store.AllowanceClaim{}, err
	}
	stored, err := tx.Settings(ctx, tenant)
	if err != nil {
		return store.AllowanceClaim{}, err
	}
	cfg, err := allowanceConfigFrom(stored)
	if err != nil {
		return store.AllowanceClaim{}, err
	}
	facts.AvgMonthlyWageFen, facts.Divisor, facts.PaidDaysMode = cfg.AvgWage, cfg.Divisor, cfg.Mode
	facts.FixedPaidDays, facts.TopUp, facts.Payee = cfg.FixedDays, cfg.TopUp, cfg.Payee
	res, err := payroll.Allowance(facts)
	if err != nil {
		return store.AllowanceClaim{}, fromPayroll(err)
	}
	row.Result, row.Facts = mustJSON(res), mustJSON(facts)
	row.AmountFen, row.TopUpFen, row.PaidDays = res.AmountFen, res.TopUpFen, res.PaidDays
	row.Payee, row.Insured = string(res.Payee), res.Payer == payroll.PayerFund
	return row, nil
}

// claimFacts reads the frozen leave plan of the event: the statutory days
// (extension, dystocia and multiples included) and the national days (every
// component but the regional extension), and the employee's wage and
// insurance. The allowance is the mother's: a father's record of his
// spouse's birth is not eligible.
func claimFacts(ctx context.Context, tx *store.Tx, tenant, birthID, miscarriageID string) (payroll.AllowanceFacts, store.AllowanceClaim, error) {
	var f payroll.AllowanceFacts
	var row store.AllowanceClaim
	if birthID != "" {
		b, err := tx.Birth(ctx, tenant, birthID, false)
		if err != nil {
			return f, row, err
		}
		var plan leave.BirthPlan
		if err := json.Unmarshal(b.Plan, &plan); err != nil {
			return f, row, fmt.Errorf("cases: birth %s plan: %w", b.ID, err)
		}
		if plan.MaternityLeave == nil || plan.Birth.Parent == leave.Father {
			return f, row, Fail(Unprocessable, "not_eligible",
				"生育津贴由生育的女职工本人享受；男职工配偶生育的，应由其配偶所在单位申领")
		}
		f.Event, f.EventDate, f.StatutoryDays = payroll.EventBirth, b.BirthDate, plan.MaternityLeave.Days
		for _, comp := range plan.MaternityLeave.Components {
			if comp.Code != leave.CompRegionalExtension {
				f.NationalDays += comp.Days
			}
		}
		row = store.AllowanceClaim{EmployeeID: b.EmployeeID, BirthID: &b.ID, EventDate: b.BirthDate,
			LeaveStart: plan.MaternityLeave.Start}
	} else {
		m, err := tx.Miscarriage(ctx, tenant, miscarriageID)
		if err != nil {
			return f, row, err
		}
		var plan leave.MiscarriagePlan
		if err := json.Unmarshal(m.Plan, &plan); err != nil {
			return f, row, fmt.Errorf("cases: miscarriage %s plan: %w", m.ID, err)
		}
		ml := plan.MiscarriageLeave
		f.Event, f.EventDate, f.StatutoryDays, f.NationalDays = payroll.EventMiscarriage, m.Date, ml.Days, ml.Days
		row = store.AllowanceClaim{EmployeeID: m.EmployeeID, MiscarriageID: &m.ID, EventDate: m.Date, LeaveStart: ml.Start}
	}
	e, err := tx.Employee(ctx, tenant, row.EmployeeID)
	if err != nil {
		return f, row, err
	}
	if e.Gender != "female" {
		return f, row, Fail(Unprocessable, "not_eligible", "生育津贴由生育的女职工本人享受；男职工配偶生育的，应由其配偶所在单位申领")
	}
	if e.MonthlyWageFen > MaxMonthlyWageFen { // stored before the bound existed
		return f, row, &Error{Kind: Unprocessable, Code: "out_of_range", Message: "该员工登记的月工资超出允许范围，请先修改员工资料",
			Fields: map[string]string{"monthly_wage_fen": "月工资不能超过 10,000,000 元（1,000,000,000 分）"}}
	}
	f.EmployeeMonthlyWageFen, f.MaternityInsured = e.MonthlyWageFen, e.MaternityInsured
	return f, row, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
