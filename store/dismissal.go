package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"leaveguard/leave"
)

// ProtectionFacts is an employee with the events that decide her protected
// periods, loaded in one query: pregnancies, and the frozen plans of births
// and miscarriages, as JSON arrays.
type ProtectionFacts struct {
	Employee
	Pregnancies  json.RawMessage `db:"pregnancies"`
	Births       json.RawMessage `db:"births"`
	Miscarriages json.RawMessage `db:"miscarriages"`
	Deaths       json.RawMessage `db:"deaths"` // deaths of children of recorded births
}

const protectionFactsQuery = `
	SELECT ` + employeeCols + `,
		COALESCE((SELECT json_agg(json_build_object('reported_on', p.reported_on,
			'expected_due_date', p.expected_due_date, 'confirmed_start', p.confirmed_start) ORDER BY p.reported_on)
			FROM pregnancies p WHERE p.tenant_id = e.tenant_id AND p.employee_id = e.id), '[]') AS pregnancies,
		COALESCE((SELECT json_agg(b.plan ORDER BY b.birth_date)
			FROM births b WHERE b.tenant_id = e.tenant_id AND b.employee_id = e.id), '[]') AS births,
		COALESCE((SELECT json_agg(m.plan ORDER BY m.date)
			FROM miscarriages m WHERE m.tenant_id = e.tenant_id AND m.employee_id = e.id), '[]') AS miscarriages,
		COALESCE((SELECT json_agg(json_build_object('birth_date', c.birth_date, 'child_order', c.child_order,
			'died_on', c.died_on) ORDER BY c.birth_date, c.child_order)
			FROM children c WHERE c.tenant_id = e.tenant_id AND c.employee_id = e.id
			  AND c.birth_id IS NOT NULL AND c.died_on IS NOT NULL), '[]') AS deaths
	FROM employees e`

// ProtectionFacts loads one employee's protection facts by id, or by the
// employer's external id when id is empty.
func (t *Tx) ProtectionFacts(ctx context.Context, tenant, id, externalID string) (ProtectionFacts, error) {
	if err := t.check(tenant); err != nil {
		return ProtectionFacts{}, err
	}
	q := protectionFactsQuery + ` WHERE e.tenant_id = $1 AND e.id = $2`
	arg := id
	if id == "" {
		q, arg = protectionFactsQuery+` WHERE e.tenant_id = $1 AND e.external_id = $2`, externalID
	}
	var out ProtectionFacts
	if err := t.tx.GetContext(ctx, &out, q, tenant, arg); err != nil {
		return ProtectionFacts{}, fmt.Errorf("store: protection facts: %w", mapErr(err))
	}
	return out, nil
}

// DismissalCheck is a stored dismissal check.
type DismissalCheck struct {
	ID                  string          `db:"id"`
	EmployeeID          string          `db:"employee_id"`
	Action              string          `db:"action"`
	Ground              string          `db:"ground"`
	EffectiveDate       leave.Date      `db:"effective_date"`
	Verdict             string          `db:"verdict"`
	ProtectedUntil      *leave.Date     `db:"protected_until"`
	ExtendedContractEnd *leave.Date     `db:"extended_contract_end"`
	Result              json.RawMessage `db:"result"`
	Facts               json.RawMessage `db:"facts"`
	Source              string          `db:"source"`
	CreatedAt           time.Time       `db:"created_at"`
	CreatedBy           string          `db:"created_by"`
}

// SaveDismissalCheck stores a check, its outbox event
// (dismissal_check.completed with payload) and its audit row in one statement.
func (t *Tx) SaveDismissalCheck(ctx context.Context, tenant string, who Who, d DismissalCheck, payload any) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	e, err := t.newEntry(who, "dismissal_check.create", "employee", d.EmployeeID,
		map[string]any{"check_id": d.ID, "verdict": d.Verdict})
	if err != nil {
		return err
	}
	p, err := json.Marshal(payload)
	if err != nil {
		return fmt.Errorf("store: dismissal payload: %w", err)
	}
	const ctes = `
		chk AS (INSERT INTO dismissal_checks (tenant_id, id, employee_id, action, ground, effective_date, verdict,
			protected_until, extended_contract_end, result, facts, source, created_at, created_by)
			VALUES ($1, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $3, $22)),
		ev AS (INSERT INTO outbox_events (tenant_id, type, payload) VALUES ($1, 'dismissal_check.completed', $23)),`
	args := append(auditArgs(tenant, e), d.ID, d.EmployeeID, d.Action, d.Ground, d.EffectiveDate, d.Verdict,
		d.ProtectedUntil, d.ExtendedContractEnd, []byte(d.Result), []byte(d.Facts), d.Source, d.CreatedBy, p)
	if _, err := t.tx.ExecContext(ctx, t.auditSQL(ctes), args...); err != nil {
		return fmt.Errorf("store: save dismissal check: %w", mapErr(err))
	}
	return nil
}

const dismissalCols = `id, employee_id, action, ground, effective_date, verdict, protected_until,
	extended_contract_end, result, facts, source, created_at, created_by`

// DismissalCheck loads one stored check.
func (t *Tx) DismissalCheck(ctx context.Context, tenant, id string) (DismissalCheck, error) {
	if err := t.check(tenant); err != nil {
		return DismissalCheck{}, err
	}
	q := `SELECT ` + dismissalCols + ` FROM dismissal_checks WHERE tenant_id = $1 AND id = $2`
	var out DismissalCheck
	if err := t.tx.GetContext(ctx, &out, q, tenant, id); err != nil {
		return DismissalCheck{}, fmt.Errorf("store: dismissal check: %w", mapErr(err))
	}
	return out, nil
}

// DismissalChecks lists checks, newest first, optionally of one employee.
func (t *Tx) DismissalChecks(ctx context.Context, tenant, employeeID string, before time.Time, limit int) ([]DismissalCheck, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	q := `SELECT ` + dismissalCols + ` FROM dismissal_checks
		WHERE tenant_id = $1 AND ($2 = '' OR employee_id = CAST(NULLIF($2, '') AS uuid))
		  AND created_at < $3 ORDER BY created_at DESC LIMIT $4`
	var out []DismissalCheck
	if err := t.tx.SelectContext(ctx, &out, q, tenant, employeeID, before, limit); err != nil {
		return nil, fmt.Errorf("store: dismissal checks: %w", mapErr(err))
	}
	return out, nil
}
