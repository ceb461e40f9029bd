package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/lib/pq"

	"leaveguard/leave"
)

// SubsidyLine is one employee-month-leave-type line of an application
// (payroll.SubsidyLine as stored; Month is the first day of the month and
// Reasons a JSON array).
type SubsidyLine struct {
	LineNo                  int             `db:"line_no"`
	EmployeeID              string          `db:"employee_id"`
	Month                   leave.Date      `db:"month"`
	LeaveType               string          `db:"leave_type"`
	LeaveDays               int             `db:"leave_days"`
	DaysInMonth             int             `db:"days_in_month"`
	WageFen                 int64           `db:"wage_fen"`
	BaseFen                 int64           `db:"base_fen"`
	EmployerRateBP          int64           `db:"employer_rate_bp"`
	RatioBP                 int64           `db:"ratio_bp"`
	EmployerContributionFen int64           `db:"employer_contribution_fen"`
	ClaimableFen            int64           `db:"claimable_fen"`
	Eligible                bool            `db:"eligible"`
	Reasons                 json.RawMessage `db:"reasons"`
}

// ReplaceSubsidyLines deletes an application's lines and inserts lines (in
// one statement, as arrays, however many there are).
func (t *Tx) ReplaceSubsidyLines(ctx context.Context, tenant, applicationID string, lines []SubsidyLine) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const del = `DELETE FROM subsidy_lines WHERE tenant_id = $1 AND application_id = $2`
	if _, err := t.tx.ExecContext(ctx, del, tenant, applicationID); err != nil {
		return fmt.Errorf("store: delete subsidy lines: %w", mapErr(err))
	}
	if len(lines) == 0 {
		return nil
	}
	n := len(lines)
	no, days, dim := make([]int64, n), make([]int64, n), make([]int64, n)
	emp, month, typ, reasons := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	wage, base, rate, ratio, contrib, claim := make([]int64, n), make([]int64, n), make([]int64, n),
		make([]int64, n), make([]int64, n), make([]int64, n)
	elig := make([]bool, n)
	for i, l := range lines {
		no[i], emp[i], month[i], typ[i] = int64(l.LineNo), l.EmployeeID, l.Month.String(), l.LeaveType
		days[i], dim[i], wage[i], base[i] = int64(l.LeaveDays), int64(l.DaysInMonth), l.WageFen, l.BaseFen
		rate[i], ratio[i], contrib[i], claim[i] = l.EmployerRateBP, l.RatioBP, l.EmployerContributionFen, l.ClaimableFen
		elig[i], reasons[i] = l.Eligible, string(detailJSON(l.Reasons))
	}
	// Positional parameters: one array per column, in column order.
	const q = `
		INSERT INTO subsidy_lines (tenant_id, application_id, line_no, employee_id, month, leave_type, leave_days,
			days_in_month, wage_fen, base_fen, employer_rate_bp, ratio_bp, employer_contribution_fen,
			claimable_fen, eligible, reasons)
		SELECT $1, $2, u.no, u.emp, u.month, u.typ, u.days, u.dim, u.wage, u.base, u.rate, u.ratio, u.contrib,
			u.claim, u.elig, CAST(u.reasons AS jsonb)
		FROM unnest($3::int[], $4::uuid[], $5::date[], $6::text[], $7::int[], $8::int[], $9::int8[], $10::int8[],
			$11::int8[], $12::int8[], $13::int8[], $14::int8[], $15::bool[], $16::text[])
			AS u(no, emp, month, typ, days, dim, wage, base, rate, ratio, contrib, claim, elig, reasons)`
	_, err := t.tx.ExecContext(ctx, q, tenant, applicationID, pq.Array(no), pq.Array(emp), pq.Array(month),
		pq.Array(typ), pq.Array(days), pq.Array(dim), pq.Array(wage), pq.Array(base), pq.Array(rate),
		pq.Array(ratio), pq.Array(contrib), pq.Array(claim), pq.Array(elig), pq.Array(reasons))
	if err != nil {
		return fmt.Errorf("store: insert subsidy lines: %w", mapErr(err))
	}
	return nil
}

// SubsidyLines loads an application's lines in line order.
func (t *Tx) SubsidyLines(ctx context.Context, tenant, applicationID string) ([]SubsidyLine, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT line_no, employee_id, month, leave_type, leave_days, days_in_month, wage_fen, base_fen,
			employer_rate_bp, ratio_bp, employer_contribution_fen, claimable_fen, eligible, reasons
		FROM subsidy_lines WHERE tenant_id = $1 AND application_id = $2 ORDER BY line_no`
	out := []SubsidyLine{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, applicationID); err != nil {
		return nil, fmt.Errorf("store: subsidy lines: %w", mapErr(err))
	}
	return out, nil
}

// SubsidyFilter narrows a listing of applications; After* is the keyset
// cursor (created_at, id) of the last row of the previous page.
type SubsidyFilter struct {
	Status    string
	From, To  leave.Date // periods overlapping these months, when set
	AfterTime time.Time
	AfterID   string
	Limit     int
}

// Subsidies lists applications (without lines) in creation order.
func (t *Tx) Subsidies(ctx context.Context, tenant string, f SubsidyFilter) ([]SubsidyApplication, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT ` + subsidyCols + ` FROM subsidy_applications
		WHERE tenant_id = :tenant_id AND (:status = '' OR status = :status)
		  AND (CAST(:from AS date) IS NULL OR period_to >= date_trunc('month', CAST(:from AS date)))
		  AND (CAST(:to AS date) IS NULL OR period_from <= :to)
		  AND (:after_id = '' OR (created_at, id) > (:after_time, CAST(NULLIF(:after_id, '') AS uuid)))
		ORDER BY created_at, id LIMIT :limit`
	rows, err := sqlxNamedQuery(ctx, t, q, map[string]any{"tenant_id": tenant, "status": f.Status,
		"from": f.From, "to": f.To, "after_time": f.AfterTime, "after_id": f.AfterID, "limit": f.Limit})
	if err != nil {
		return nil, fmt.Errorf("store: subsidies: %w", mapErr(err))
	}
	defer rows.Close()
	out := []SubsidyApplication{}
	for rows.Next() {
		var a SubsidyApplication
		if err := rows.StructScan(&a); err != nil {
			return nil, fmt.Errorf("store: scan subsidy: %w", err)
		}
		out = append(out, a)
	}
	return out, mapErr(rows.Err())
}
