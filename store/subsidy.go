package store

import (
	"context"
	"encoding/json"
	"time"

	"leaveguard/leave"
)

// SubsidyApplication is a social-insurance cost-subsidy application for a
// period of whole months (PeriodFrom and PeriodTo are the first days of the
// first and last month). Result holds the parameters and notes of the
// computation (its lines are rows of subsidy_lines).
type SubsidyApplication struct {
	ID         string     `db:"id"`
	PeriodFrom leave.Date `db:"period_from"`
	PeriodTo   leave.Date `db:"period_to"`
	Lifecycle
	TotalClaimableFen int64           `db:"total_claimable_fen"`
	LineCount         int             `db:"line_count"`
	Result            json.RawMessage `db:"result"`
	CreatedAt         time.Time       `db:"created_at"`
	UpdatedAt         time.Time       `db:"updated_at"`
	CreatedBy         string          `db:"created_by"`
}

// SubsidyMonthTaken is the unique key that refuses a second active
// application covering the same month.
const SubsidyMonthTaken = "subsidy_application_months_pkey"

const subsidyCols = `id, period_from, period_to, status, total_claimable_fen, line_count, result, submitted_on,
	decided_on, reject_reason, paid_fen, paid_on, difference_fen, created_at, updated_at, created_by`

func subsidyArgs(tenant string, a SubsidyApplication) map[string]any {
	return a.Lifecycle.addArgs(map[string]any{"tenant_id": tenant, "id": a.ID, "period_from": a.PeriodFrom,
		"period_to": a.PeriodTo, "total_claimable_fen": a.TotalClaimableFen, "line_count": a.LineCount,
		"result": []byte(a.Result), "created_by": a.CreatedBy})
}

// CreateSubsidy stores a new application, claims its months and writes its
// first history row in one statement. A month already covered by another
// active application is a ConflictError on SubsidyMonthTaken.
func (t *Tx) CreateSubsidy(ctx context.Context, tenant string, a SubsidyApplication) (SubsidyApplication, error) {
	if err := t.check(tenant); err != nil {
		return SubsidyApplication{}, err
	}
	const q = `
		WITH a AS (
			INSERT INTO subsidy_applications (tenant_id, period_from, period_to, status, total_claimable_fen,
				line_count, result, created_by)
			VALUES (:tenant_id, :period_from, :period_to, :status, :total_claimable_fen, :line_count, :result,
				:created_by)
			RETURNING ` + subsidyCols + `),
		m AS (INSERT INTO subsidy_application_months (tenant_id, month, application_id)
			SELECT :tenant_id, CAST(g AS date), a.id
			FROM a, generate_series(CAST(:period_from AS timestamp), CAST(:period_to AS timestamp), interval '1 month') g),
		tr AS (INSERT INTO subsidy_application_transitions (tenant_id, application_id, action, from_status,
				to_status, by)
			SELECT :tenant_id, id, 'create', '', status, :created_by FROM a)
		SELECT ` + subsidyCols + ` FROM a`
	return namedOne[SubsidyApplication](ctx, t, "create subsidy", q, subsidyArgs(tenant, a))
}

// SaveSubsidy writes every mutable field of a and appends tr to its history
// in one statement. A rejected application frees its months.
func (t *Tx) SaveSubsidy(ctx context.Context, tenant string, a SubsidyApplication, tr Transition) (SubsidyApplication, error) {
	if err := t.check(tenant); err != nil {
		return SubsidyApplication{}, err
	}
	q := `
		WITH a AS (
			UPDATE subsidy_applications SET total_claimable_fen = :total_claimable_fen, line_count = :line_count,
				result = :result, ` + lifecycleSet + `, updated_at = now()
			WHERE tenant_id = :tenant_id AND id = :id
			RETURNING ` + subsidyCols + `),
		freed AS (DELETE FROM subsidy_application_months m USING a
			WHERE m.tenant_id = :tenant_id AND m.application_id = a.id AND a.status = 'rejected'),
		` + historyInsert("subsidy_application_transitions", "application_id", "a") + `
		SELECT ` + subsidyCols + ` FROM a`
	args := subsidyArgs(tenant, a)
	tr.addArgs(args)
	return namedOne[SubsidyApplication](ctx, t, "save subsidy", q, args)
}

// Subsidy loads one application; forUpdate locks it.
func (t *Tx) Subsidy(ctx context.Context, tenant, id string, forUpdate bool) (SubsidyApplication, error) {
	return loadOne[SubsidyApplication](ctx, t, "subsidy", subsidyCols, "subsidy_applications", tenant, id, forUpdate)
}

// SubsidyOverlap returns the active application covering a month of
// first..last (months as first days), or ErrNotFound.
func (t *Tx) SubsidyOverlap(ctx context.Context, tenant string, first, last leave.Date) (SubsidyApplication, error) {
	if err := t.check(tenant); err != nil {
		return SubsidyApplication{}, err
	}
	const q = `
		SELECT ` + subsidyCols + ` FROM subsidy_applications
		WHERE tenant_id = :tenant_id AND id = (SELECT application_id FROM subsidy_application_months
			WHERE tenant_id = :tenant_id AND month BETWEEN :first AND :last ORDER BY month LIMIT 1)`
	return namedOne[SubsidyApplication](ctx, t, "subsidy overlap", q, map[string]any{"tenant_id": tenant, "first": first, "last": last})
}

// SubsidyTransitions lists an application's history, oldest first.
func (t *Tx) SubsidyTransitions(ctx context.Context, tenant, id string) ([]Transition, error) {
	return t.transitions(ctx, "subsidy", "subsidy_application_transitions", "application_id", tenant, id)
}
