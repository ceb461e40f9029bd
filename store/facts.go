package store

import (
	"context"
	"fmt"
)

// Events is everything recorded about one employee's family.
type Events struct {
	Pregnancies  []Pregnancy
	Births       []Birth
	Miscarriages []Miscarriage
	Marriages    []Marriage
	Children     []Child
}

// EmployeeEvents loads every family event of one employee, in date order.
func (t *Tx) EmployeeEvents(ctx context.Context, tenant, employeeID string) (Events, error) {
	if err := t.check(tenant); err != nil {
		return Events{}, err
	}
	var ev Events
	queries := []struct {
		dst any
		q   string
	}{
		{&ev.Pregnancies, `SELECT ` + pregnancyCols + `
			FROM pregnancies WHERE tenant_id = $1 AND employee_id = $2 ORDER BY reported_on, id`},
		{&ev.Births, `SELECT ` + birthCols + ` FROM births WHERE tenant_id = $1 AND employee_id = $2 ORDER BY birth_date, id`},
		{&ev.Miscarriages, `SELECT id, employee_id, date, gestation_weeks, plan, version, created_at
			FROM miscarriages WHERE tenant_id = $1 AND employee_id = $2 ORDER BY date, id`},
		{&ev.Marriages, `SELECT id, employee_id, registered_on, created_at
			FROM marriages WHERE tenant_id = $1 AND employee_id = $2 ORDER BY registered_on, id`},
		{&ev.Children, `SELECT ` + childCols + `
			FROM children WHERE tenant_id = $1 AND employee_id = $2 ORDER BY birth_date, id`},
	}
	for _, x := range queries {
		if err := t.tx.SelectContext(ctx, x.dst, x.q, tenant, employeeID); err != nil {
			return Events{}, fmt.Errorf("store: employee events: %w", err)
		}
	}
	return ev, nil
}
