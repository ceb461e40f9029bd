package cases

import (
	"context"
	"errors"

	"leaveguard/leave"
	"leaveguard/store"
)

// applyDueWages settles the tenant's scheduled wage changes due by today,
// in the order they take effect. Each is applied, unless it cuts the wage of
// an employee who is protected on its effective day (as known now): then it
// is refused and recorded as a violation attempt, as a cut made that day
// would have been. It returns how many it settled.
func (c *Cases) applyDueWages(ctx context.Context, tx *store.Tx, tenant string, today leave.Date) (int, error) {
	due, err := tx.DueWages(ctx, tenant, today)
	if err != nil {
		return 0, err
	}
	who := store.Who{ActorType: "system", ActorID: ProtectionJob}
	for _, w := range due {
		before, err := tx.EmployeeForUpdate(ctx, tenant, w.EmployeeID)
		if err != nil {
			return 0, err
		}
		after := before
		after.MonthlyWageFen = w.NewWageFen
		detail := map[string]any{"scheduled_change_id": w.ID, "effective_date": w.EffectiveDate, "webhook_id": w.WebhookID}
		// Announced before its day, the cut is judged on that day alone.
		err = c.wageCutCheck(ctx, who, nil, w.EffectiveDate, w.EffectiveDate)(tx, before, after)
		var refused *Error
		switch {
		case errors.As(err, &refused):
			if err := recordRefusedCut(ctx, tx, who, w.Source, w.CreatedBy, before, w.NewWageFen, detail); err != nil {
				return 0, err
			}
			err = tx.SettleWage(ctx, tenant, w.ID, store.WageRefused)
		case err != nil:
			return 0, err
		default:
			if _, err := tx.UpdateEmployee(ctx, tenant, after); err != nil {
				return 0, err
			}
			detail["fields"] = []string{"monthly_wage_fen"}
			if err := tx.Audit(ctx, tenant, who, "employee.update", "employee", before.ID, detail); err != nil {
				return 0, err
			}
			err = tx.SettleWage(ctx, tenant, w.ID, store.WageApplied)
		}
		if err != nil {
			return 0, err
		}
	}
	return len(due), nil
}

// PendingWages lists an employee's wage changes scheduled for a later day
// and not yet settled.
func (c *Cases) PendingWages(ctx context.Context, tenant, employeeID string) ([]store.ScheduledWage, error) {
	var out []store.ScheduledWage
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		out, err = tx.PendingWages(ctx, tenant, employeeID)
		return err
	})
	return out, err
}
