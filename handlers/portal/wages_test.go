package portal_test

import (
	"context"
	"strings"
	"testing"

	"leaveguard/leave"
	"leaveguard/store"
)

// TestPendingWageShown: a wage change the payroll system announced for a
// later day is listed on the employee page until it is settled.
func TestPendingWageShown(t *testing.T) {
	b := admin(t, 0)
	id := createEmployee(t, b, "WAGE-1")
	ctx := context.Background()
	err := env.Store.InTx(ctx, env.A.ID, func(tx *store.Tx) error {
		_, err := tx.ScheduleWage(ctx, env.A.ID, store.ScheduledWage{EmployeeID: id, NewWageFen: 512345,
			EffectiveDate: leave.MustDate("2099-01-01"), Source: "webhook", WebhookID: "msg_1", CreatedBy: "webhook:test"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	mustHave(t, "employee page", b.get("/employees/"+id), 200, `data-testid="pending-wages"`, "待生效的工资调整",
		"2099-01-01", "5,123.45")
	if other := b.get("/employees/" + createEmployee(t, b, "WAGE-2")); strings.Contains(other.Body, "待生效的工资调整") {
		t.Fatal("another employee's page shows the change")
	}
}
