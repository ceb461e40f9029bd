package store

import (
	"context"
	"fmt"
	"time"

	"github.com/lib/pq"

	"leaveguard/leave"
)

// EmployeeFilter narrows an employee listing. After* is the keyset cursor:
// the (created_at, id) of the last row of the previous page.
type EmployeeFilter struct {
	ExternalID string
	Query      string // substring of the name or external id
	Gender     string
	Status     string     // "current" (still employed on Today), "former" (last day before Today); "" or "all": both
	Today      leave.Date // the day Status is judged on
	OnlyIDs    bool       // keep only the employees in IDs (none when it is empty)
	IDs        []string
	AfterTime  time.Time
	AfterID    string
	Limit      int
}

// Employees lists the tenant's employees in creation order, one page at a time.
func (t *Tx) Employees(ctx context.Context, tenant string, f EmployeeFilter) ([]Employee, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT ` + employeeCols + ` FROM employees
		WHERE tenant_id = :tenant_id
		  AND (:external_id = '' OR external_id = :external_id)
		  AND (:gender = '' OR gender = :gender)
		  AND (:status IN ('', 'all') OR (:status = 'former') = COALESCE(separated_on < CAST(:today AS date), false))
		  AND (NOT :only_ids OR id = ANY(CAST(:ids AS uuid[])))
		  AND (:query = '' OR name ILIKE '%' || :query || '%' OR external_id ILIKE '%' || :query || '%')
		  AND (:after_id = '' OR (created_at, id) > (:after_time, CAST(NULLIF(:after_id, '') AS uuid)))
		ORDER BY created_at, id
		LIMIT :limit`
	args := map[string]any{
		"tenant_id": tenant, "external_id": f.ExternalID, "gender": f.Gender, "status": f.Status, "today": f.Today,
		"query": escapeLike(f.Query), "after_time": f.AfterTime, "after_id": f.AfterID, "limit": f.Limit,
		"only_ids": f.OnlyIDs, "ids": pq.Array(f.IDs),
	}
	rows, err := sqlxNamedQuery(ctx, t, q, args)
	if err != nil {
		return nil, fmt.Errorf("store: employees: %w", mapErr(err))
	}
	defer rows.Close()
	var out []Employee
	for rows.Next() {
		var e Employee
		if err := rows.StructScan(&e); err != nil {
			return nil, fmt.Errorf("store: scan employees: %w", err)
		}
		out = append(out, e)
	}
	return out, mapErr(rows.Err())
}

// CountEmployees counts the tenant's employees.
func (t *Tx) CountEmployees(ctx context.Context, tenant string) (int, error) {
	if err := t.check(tenant); err != nil {
		return 0, err
	}
	const q = `SELECT count(*) FROM employees WHERE tenant_id = $1`
	var n int
	if err := t.tx.GetContext(ctx, &n, q, tenant); err != nil {
		return 0, fmt.Errorf("store: count employees: %w", err)
	}
	return n, nil
}

func escapeLike(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r == '%' || r == '_' || r == '\\' {
			out = append(out, '\\')
		}
		out = append(out, r)
	}
	return string(out)
}
