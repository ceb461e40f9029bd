package store

import (
	"context"
	"fmt"

	"github.com/lib/pq"

	"leaveguard/leave"
)

// FeedEmployee is an employee as the payroll feed and the subsidy need it.
type FeedEmployee struct {
	ID             string      `db:"id"`
	ExternalID     string      `db:"external_id"`
	MonthlyWageFen int64       `db:"monthly_wage_fen"`
	Insured        bool        `db:"maternity_insured"`
	SeparatedOn    *leave.Date `db:"separated_on"` // last day of employment, if she has left
}

// FeedEmployees returns a page of employees in id order, after afterID.
func (t *Tx) FeedEmployees(ctx context.Context, tenant, afterID string, limit int) ([]FeedEmployee, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT id, external_id, monthly_wage_fen, maternity_insured, separated_on FROM employees
		WHERE tenant_id = $1 AND ($2 = '' OR id > CAST(NULLIF($2, '') AS uuid))
		ORDER BY id LIMIT $3`
	out := []FeedEmployee{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, afterID, limit); err != nil {
		return nil, fmt.Errorf("store: feed employees: %w", mapErr(err))
	}
	return out, nil
}

// LeaveSpan is an approved leave as the feed and the subsidy count it.
type LeaveSpan struct {
	ID         string     `db:"id"`
	EmployeeID string     `db:"employee_id"`
	LeaveType  string     `db:"leave_type"`
	Start      leave.Date `db:"start_date"`
	End        leave.Date `db:"end_date"`
	Days       int        `db:"days"`
	Unit       string     `db:"unit"`
}

// FeedLeave loads the approved leave of the given employees overlapping
// first..last, in one query.
func (t *Tx) FeedLeave(ctx context.Context, tenant string, employeeIDs []string, first, last leave.Date) ([]LeaveSpan, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT id, employee_id, leave_type, start_date, end_date, days, unit FROM leave_requests
		WHERE tenant_id = $1 AND employee_id = ANY($2::uuid[]) AND status = 'approved'
		  AND end_date >= $3 AND start_date <= $4
		ORDER BY employee_id, start_date, id`
	out := []LeaveSpan{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, pq.Array(employeeIDs), first, last); err != nil {
		return nil, fmt.Errorf("store: feed leave: %w", mapErr(err))
	}
	return out, nil
}

// PeriodLeave is an approved leave overlapping a period, with its employee's
// wage (the subsidy's contribution base before clamping).
type PeriodLeave struct {
	LeaveSpan
	MonthlyWageFen int64 `db:"monthly_wage_fen"`
}

// PeriodLeave loads every approved leave overlapping first..last with the
// employee's monthly wage, ordered by employee, in one query.
func (t *Tx) PeriodLeave(ctx context.Context, tenant string, first, last leave.Date) ([]PeriodLeave, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT l.id, l.employee_id, l.leave_type, l.start_date, l.end_date, l.days, l.unit, e.monthly_wage_fen
		FROM leave_requests l
		JOIN employees e ON e.tenant_id = l.tenant_id AND e.id = l.employee_id
		WHERE l.tenant_id = $1 AND l.status = 'approved' AND l.end_date >= $2 AND l.start_date <= $3
		ORDER BY l.employee_id, l.start_date, l.id`
	out := []PeriodLeave{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, first, last); err != nil {
		return nil, fmt.Errorf("store: period leave: %w", mapErr(err))
	}
	return out, nil
}

// FeedChildren loads the children of the given employees born on or before
// last whose IIT infant-care share is not 0, in one query.
func (t *Tx) FeedChildren(ctx context.Context, tenant string, employeeIDs []string, last leave.Date) ([]Child, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT ` + childCols + ` FROM children
		WHERE tenant_id = $1 AND employee_id = ANY($2::uuid[]) AND iit_share_percent > 0
		  AND birth_date <= $3 AND birth_date > $3 - interval '4 years'
		ORDER BY employee_id, birth_date, id`
	out := []Child{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, pq.Array(employeeIDs), last); err != nil {
		return nil, fmt.Errorf("store: feed children: %w", mapErr(err))
	}
	return out, nil
}
