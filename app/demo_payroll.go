package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"leaveguard/app/cases"
	"leaveguard/payroll"
	"leaveguard/store"
)

// demoWho is the audit actor of the demo's payroll data.
var demoWho = store.Who{ActorType: "system", ActorID: "demo"}

// demoPayrollSettings are illustrative figures for the demo tenant: the
// employer's average monthly wage per year (the allowance basis) and
// national-frame contribution rates with local-looking base limits, left
// unconfirmed so every result says they must be checked.
var demoPayrollSettings = map[string]any{
	"avg_monthly_wage_fen": map[string]int64{"2024": 720000, "2025": 750000, "2026": 780000},
	"contribution_rates": map[string]any{
		"2025": map[string]any{"pension_bp": 1600, "medical_bp": 700, "unemployment_bp": 50, "work_injury_class": 1,
			"base_floor_fen": 450000, "base_ceiling_fen": 2250000, "confirmed": false, "source": "演示数据"},
		"2026": map[string]any{"pension_bp": 1600, "medical_bp": 700, "unemployment_bp": 50, "work_injury_class": 1,
			"base_floor_fen": 470000, "base_ceiling_fen": 2350000, "confirmed": false, "source": "演示数据"},
	},
}

// seedDemoPayroll sets the demo tenant's allowance basis (2024–2026) and
// contribution rates (2025–2026) where the tenant has not set them, then
// creates one allowance claim (for the first birth of a female employee)
// and one subsidy application (for the quarter starting with the earliest
// approved leave), and closes that first month's payroll. It is tolerant: what its prerequisites do not allow (no
// such birth, no approved leave) or what exists already is skipped.
func seedDemoPayroll(ctx context.Context, cs *cases.Cases, tenant string) error {
	current, err := cs.Settings(ctx, tenant)
	if err != nil {
		return fmt.Errorf("demo payroll: settings: %w", err)
	}
	patch := map[string]json.RawMessage{}
	for _, s := range current {
		if v, ok := demoPayrollSettings[s.Key]; ok && !s.Overridden {
			patch[s.Key], _ = json.Marshal(v)
		}
	}
	if len(patch) > 0 {
		if _, err := cs.PutSettings(ctx, tenant, demoWho, patch); err != nil {
			return fmt.Errorf("demo payroll: put settings: %w", err)
		}
	}
	births, first, err := demoPayrollFacts(ctx, cs, tenant)
	if err != nil {
		return err
	}
	if err := demoClaim(ctx, cs, tenant, births); err != nil {
		return err
	}
	if first.IsZero() {
		return nil
	}
	from, to := first.String(), first.AddMonths(2).String()
	_, err = cs.CreateSubsidy(ctx, tenant, demoWho, cases.SubsidyInput{PeriodFrom: &from, PeriodTo: &to})
	if err != nil && !skippable(err) {
		return fmt.Errorf("demo payroll: subsidy application: %w", err)
	}
	// That first month's payroll is closed: its feed lines are frozen and a
	// later correction shows up as an adjustment line.
	if _, err = cs.ClosePayrollMonth(ctx, tenant, demoWho, first); err != nil && !skippable(err) {
		return fmt.Errorf("demo payroll: close %s: %w", first, err)
	}
	return nil
}

// demoClaim creates a claim for the first birth that allows one; a claim
// that exists already ends the search.
func demoClaim(ctx context.Context, cs *cases.Cases, tenant string, births []string) error {
	for _, b := range births {
		id := b
		_, err := cs.CreateClaim(ctx, tenant, demoWho, cases.ClaimInput{BirthID: &id})
		var ce *cases.Error
		switch {
		case err == nil, errors.As(err, &ce) && ce.Kind == cases.Conflict:
			return nil
		case !skippable(err):
			return fmt.Errorf("demo payroll: claim: %w", err)
		}
	}
	return nil
}

// demoPayrollFacts returns the births of the tenant's female employees and
// the month of its earliest approved leave (zero when there is none).
func demoPayrollFacts(ctx context.Context, cs *cases.Cases, tenant string) ([]string, payroll.Month, error) {
	var births []string
	var first payroll.Month
	err := cs.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		emps, err := tx.Employees(ctx, tenant, store.EmployeeFilter{Gender: "female", Limit: 1000})
		if err != nil {
			return err
		}
		for _, e := range emps {
			ev, err := tx.EmployeeEvents(ctx, tenant, e.ID)
			if err != nil {
				return err
			}
			for _, b := range ev.Births {
				births = append(births, b.ID)
			}
		}
		leaves, err := tx.LeaveRequests(ctx, tenant, store.LeaveFilter{Status: "approved", Limit: 1000})
		for _, l := range leaves {
			if mo := payroll.MonthOf(l.Start); first.IsZero() || mo.Before(first) {
				first = mo
			}
		}
		return err
	})
	if err != nil {
		return nil, payroll.Month{}, fmt.Errorf("demo payroll: facts: %w", err)
	}
	return births, first, nil
}

// skippable reports a refusal the demo can live with: a duplicate, a
// missing prerequisite, an ineligible event.
func skippable(err error) bool {
	var ce *cases.Error
	return errors.As(err, &ce) && (ce.Kind == cases.Conflict || ce.Kind == cases.Unprocessable)
}
