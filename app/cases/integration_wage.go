package cases

import (
	"context"
	"encoding/json"
	"errors"

	"leaveguard/leave"
	"leaveguard/store"
)

// wageChange is the data of wage.changed.
type wageChange struct {
	ExternalID     *string `json:"external_id"`
	MonthlyWageFen *int64  `json:"monthly_wage_fen"`
	EffectiveDate  *string `json:"effective_date"`
}

// wageChangedEffect is wage.changed. A change effective today or earlier is
// applied through UpdateEmployee, whose check claims the delivery in the
// same transaction; one effective later is scheduled (the daily job applies
// it on that day). A cut refused by a rule is not applied: it is recorded
// as a violation attempt (stored with the delivery and audited) and
// reported.
func wageChangedEffect(c *Cases, ctx context.Context, src WebhookSource, d store.Delivery, data json.RawMessage) (WebhookOutcome, error) {
	ext, wage, effective, err := parseWageChange(data)
	if err != nil {
		return WebhookOutcome{}, err
	}
	var emp store.Employee
	err = c.Store.ReadTx(ctx, src.Tenant, func(tx *store.Tx) error {
		var err error
		emp, err = tx.EmployeeByExternalID(ctx, src.Tenant, ext)
		return err
	})
	if errors.Is(err, store.ErrNotFound) {
		return WebhookOutcome{}, Fields{"data.external_id": "未找到该编号的员工，请先发送 employee.upserted"}.Err()
	}
	if err != nil {
		return WebhookOutcome{}, err
	}
	d.Status = store.DeliveryProcessed
	if effective.After(c.Today()) {
		err = c.scheduleWage(ctx, src, &d, emp, wage, effective)
	} else {
		d.Result = wageResult(emp.ID, effective)
		check := func(tx *store.Tx, before, after store.Employee) error {
			if err := claimDelivery(ctx, tx, src, d); err != nil {
				return err
			}
			return c.WageCutCheck(ctx, src.who(), nil, effective)(tx, before, after)
		}
		_, err = c.UpdateEmployee(ctx, src.Tenant, src.who(), emp.ID, EmployeeInput{MonthlyWageFen: &wage}, check)
	}
	var refused *Error
	if errors.As(err, &refused) && refused.Code == "wage_reduction_prohibited" {
		return c.webhookWageRefusal(ctx, src, d, emp, wage, effective, refused)
	}
	if err != nil {
		return WebhookOutcome{}, dataFields(err)
	}
	return WebhookOutcome{Status: WebhookProcessed, Result: d.Result}, nil
}

// scheduleWage keeps a wage change for its effective day, claiming the
// delivery in the same transaction. A cut that the protection already known
// forbids on that day is refused now (the daily job judges it again then).
func (c *Cases) scheduleWage(ctx context.Context, src WebhookSource, d *store.Delivery, emp store.Employee, wage int64, effective leave.Date) error {
	who := src.who()
	return c.Store.InTx(ctx, src.Tenant, func(tx *store.Tx) error {
		before, err := tx.EmployeeForUpdate(ctx, src.Tenant, emp.ID)
		if err != nil {
			return err
		}
		after := before
		after.MonthlyWageFen = wage
		if err := c.WageCutCheck(ctx, who, nil, effective)(tx, before, after); err != nil {
			return err
		}
		id, err := tx.ScheduleWage(ctx, src.Tenant, store.ScheduledWage{EmployeeID: emp.ID, NewWageFen: wage,
			EffectiveDate: effective, Source: who.ActorType, WebhookID: d.WebhookID, CreatedBy: actor(who)})
		if err != nil {
			return err
		}
		d.Result, _ = json.Marshal(map[string]any{"employee_id": emp.ID, "applied": false, "scheduled": true,
			"scheduled_change_id": id, "effective_date": effective})
		if err := claimDelivery(ctx, tx, src, *d); err != nil {
			return err
		}
		return tx.Audit(ctx, src.Tenant, who, "wage_change.scheduled", "employee", emp.ID,
			map[string]any{"scheduled_change_id": id, "effective_date": effective, "webhook_id": d.WebhookID})
	})
}

// webhookWageRefusal stores a refused wage cut as a violation attempt (as
// the API does: wage_violation_attempts, audited "wage_reduction.refused"),
// claiming the delivery, with the refusal as its result, in the same
// transaction.
func (c *Cases) webhookWageRefusal(ctx context.Context, src WebhookSource, d store.Delivery, emp store.Employee, newFen int64,
	effective leave.Date, refused *Error) (WebhookOutcome, error) {
	d.Result, _ = json.Marshal(map[string]any{"employee_id": emp.ID, "applied": false, "effective_date": effective,
		"refusal": map[string]any{"code": refused.Code, "message": refused.Message}})
	who := src.who()
	err := c.Store.InTx(ctx, src.Tenant, func(tx *store.Tx) error {
		if err := claimDelivery(ctx, tx, src, d); err != nil {
			return err
		}
		return recordRefusedCut(ctx, tx, who, who.ActorType, actor(who), emp, newFen,
			map[string]any{"webhook_id": d.WebhookID})
	})
	return WebhookOutcome{Status: WebhookProcessed, Result: d.Result}, err
}

// parseWageChange reads and checks the data of wage.changed.
func parseWageChange(data json.RawMessage) (string, int64, leave.Date, error) {
	var in wageChange
	if err := decodeWebhookData(data, &in); err != nil {
		return "", 0, leave.Date{}, err
	}
	f := Fields{}
	ext := f.Text("data.external_id", in.ExternalID, true, 64)
	effective := f.Date("data.effective_date", in.EffectiveDate, true)
	wage := f.Wage("data.monthly_wage_fen", in.MonthlyWageFen, true)
	if err := f.Err(); err != nil {
		return "", 0, leave.Date{}, err
	}
	return ext, wage, effective, nil
}

// wageResult is the result of an applied wage change.
func wageResult(employeeID string, effective leave.Date) json.RawMessage {
	b, _ := json.Marshal(map[string]any{"employee_id": employeeID, "applied": true, "effective_date": effective})
	return b
}
