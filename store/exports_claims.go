package store

import (
	"context"

	"leaveguard/leave"
)

// ExportClaim is an allowance claim with its employee and the figures an
// inspector checks: insurance, basis wage and year, divisor, days,
// computed, top-up, received and difference, and its dates.
type ExportClaim struct {
	EmployeeID   string      `db:"employee_id"`
	EmployeeName string      `db:"name"`
	ExternalID   string      `db:"external_id"`
	IDMasked     string      `db:"national_id_masked"`
	Event        string      `db:"event"`
	EventDate    leave.Date  `db:"event_date"`
	Insured      bool        `db:"insured"`
	BasisYear    int         `db:"basis_year"`
	BasisWageFen int64       `db:"basis_wage_fen"`
	Divisor      string      `db:"divisor"`
	PaidDays     int         `db:"paid_days"`
	AmountFen    int64       `db:"amount_fen"`
	TopUpFen     int64       `db:"top_up_fen"`
	PaidFen      *int64      `db:"paid_fen"`
	Status       string      `db:"status"`
	SubmittedOn  *leave.Date `db:"submitted_on"`
	DecisionDue  *leave.Date `db:"decision_due"`
	DecidedOn    *leave.Date `db:"decided_on"`
	Overdue      bool        `db:"overdue"`
}

// EachExportClaim calls fn with the allowance claims of from..to: those
// whose event, submission, decision or payment falls in it, and those of
// earlier events still open (draft, submitted, approved); overdue is judged
// on today.
func (t *Tx) EachExportClaim(ctx context.Context, tenant string, from, to, today leave.Date, fn func(ExportClaim) error) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `
		SELECT e.id AS employee_id, e.name, e.external_id, e.national_id_masked,
			CASE WHEN c.birth_id IS NULL THEN 'miscarriage' ELSE 'birth' END AS event,
			c.event_date, c.insured, COALESCE((c.result->>'basis_year')::int, 0) AS basis_year,
			COALESCE((c.result->>'basis_monthly_wage_fen')::bigint, 0) AS basis_wage_fen,
			COALESCE(c.result->>'divisor', '') AS divisor, c.paid_days, c.amount_fen, c.top_up_fen,
			c.paid_fen, c.status, c.submitted_on, c.decision_due, c.decided_on,
			(c.status = 'submitted' AND c.decision_due < $4) AS overdue
		FROM allowance_claims c JOIN employees e ON e.tenant_id = c.tenant_id AND e.id = c.employee_id
		WHERE c.tenant_id = $1
		  AND (c.event_date BETWEEN $2 AND $3
		    OR c.submitted_on BETWEEN $2 AND $3 OR c.decided_on BETWEEN $2 AND $3 OR c.paid_on BETWEEN $2 AND $3
		    OR (c.status IN ('draft', 'submitted', 'approved') AND c.event_date <= $3))
		ORDER BY c.event_date, e.name COLLATE "C", c.id`
	return each(ctx, t, "export claims", q, fn, tenant, from, to, today)
}
