package cases

import (
	"context"
	"encoding/json"
	"errors"
	"strings"

	"leaveguard/store"
)

// errRaced means a concurrent webhook created the same employee first.
var errRaced = errors.New("cases: employee created concurrently")

// upsertEmployeeEffect is employee.upserted: create the employee, or update
// the one with that external_id, with the API's validation.
func upsertEmployeeEffect(c *Cases, ctx context.Context, src WebhookSource, d store.Delivery, data json.RawMessage) (WebhookOutcome, error) {
	in, err := decodeUpsert(data)
	if err != nil {
		return WebhookOutcome{}, err
	}
	d.Status = store.DeliveryProcessed
	var out WebhookOutcome
	for try := 0; try < 3; try++ {
		err = c.Store.InTx(ctx, src.Tenant, func(tx *store.Tx) error {
			if err := claimDelivery(ctx, tx, src, d); err != nil {
				return err
			}
			u, err := c.prepareUpsert(ctx, tx, src.Tenant, in)
			if err != nil {
				return err
			}
			e, err := u.write(ctx, tx, src.Tenant)
			if err != nil {
				return err
			}
			result := u.result(e)
			if err := tx.SetDeliveryResult(ctx, src.Tenant, d.IntegrationID, d.WebhookID, result); err != nil {
				return err
			}
			out = WebhookOutcome{Status: WebhookProcessed, Result: result}
			return u.audit(ctx, tx, src, d.WebhookID, e.ID)
		})
		if !errors.Is(err, errRaced) {
			break
		}
	}
	return out, dataFields(err)
}

// decodeUpsert reads and checks the data of employee.upserted.
func decodeUpsert(data json.RawMessage) (EmployeeInput, error) {
	var in EmployeeInput
	if err := decodeWebhookData(data, &in); err != nil {
		return in, err
	}
	if in.ExternalID == nil || strings.TrimSpace(*in.ExternalID) == "" {
		return in, Fields{"data.external_id": "必填：员工在工资系统中的编号"}.Err()
	}
	return in, nil
}

// upsert is a validated employee.upserted, ready to write.
type upsert struct {
	e       store.Employee
	create  bool
	changed []string
}

// prepareUpsert loads the employee in.ExternalID (locked) and applies in to
// it (or to a new one) with the API's validation, writing nothing.
func (c *Cases) prepareUpsert(ctx context.Context, tx *store.Tx, tenant string, in EmployeeInput) (upsert, error) {
	found, err := tx.EmployeeByExternalID(ctx, tenant, strings.TrimSpace(*in.ExternalID))
	if errors.Is(err, store.ErrNotFound) {
		return c.applyUpsert(nil, in)
	}
	if err != nil {
		return upsert{}, err
	}
	if found, err = tx.EmployeeForUpdate(ctx, tenant, found.ID); err != nil {
		return upsert{}, err
	}
	if err := refuseAnonymised(found); err != nil {
		return upsert{}, err
	}
	return c.applyUpsert(&found, in)
}

// applyUpsert applies in to the (locked) employee found, or to a new one
// when found is nil.
func (c *Cases) applyUpsert(found *store.Employee, in EmployeeInput) (upsert, error) {
	u := upsert{create: found == nil}
	if found != nil {
		u.e = *found
	}
	var err error
	u.changed, err = in.Apply(&u.e, u.create, c)
	return u, err
}

// write saves the prepared employee.
func (u upsert) write(ctx context.Context, tx *store.Tx, tenant string) (store.Employee, error) {
	if !u.create {
		e, err := tx.UpdateEmployee(ctx, tenant, u.e)
		return e, EmployeeConflict(err)
	}
	e, err := tx.CreateEmployee(ctx, tenant, u.e)
	if store.ConflictOn(err, "employees_external_id") {
		return store.Employee{}, errRaced
	}
	return e, EmployeeConflict(err)
}

// result is what the sender is told (and told again on a duplicate).
func (u upsert) result(e store.Employee) json.RawMessage {
	b, _ := json.Marshal(map[string]any{"employee_id": e.ID, "created": u.create})
	return b
}

// audit records the effect, by the integration, naming fields only.
func (u upsert) audit(ctx context.Context, tx *store.Tx, src WebhookSource, webhookID, employeeID string) error {
	r := u.auditRecord(src, webhookID, employeeID)
	return tx.Audit(ctx, src.Tenant, r.Who, r.Action, r.ObjectType, r.ObjectID, r.Detail)
}

func (u upsert) auditRecord(src WebhookSource, webhookID, employeeID string) store.AuditRecord {
	action := "employee.update"
	if u.create {
		action = "employee.create"
	}
	return store.AuditRecord{Who: src.who(), Action: action, ObjectType: "employee", ObjectID: employeeID,
		Detail: map[string]any{"fields": u.changed, "webhook_id": webhookID}}
}
