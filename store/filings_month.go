package store

import (
	"context"
	"fmt"
	"time"
)

// FilingSubject is an object a filing is made of: its kind of filing
// (filings.kind) and its id.
type FilingSubject struct {
	Kind string `db:"kind"`
	ID   string `db:"id"`
}

// MonthSubjects lists the allowance claims, then the subsidy applications,
// created in [from, to), each oldest first.
func (t *Tx) MonthSubjects(ctx context.Context, tenant string, from, to time.Time) ([]FilingSubject, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT kind, id FROM (
			SELECT 'allowance_claim' AS kind, id, created_at FROM allowance_claims
			WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3
			UNION ALL
			SELECT 'subsidy_application', id, created_at FROM subsidy_applications
			WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3) s
		ORDER BY kind, created_at, id`
	var out []FilingSubject
	if err := t.tx.SelectContext(ctx, &out, q, tenant, from, to); err != nil {
		return nil, fmt.Errorf("store: month subjects: %w", err)
	}
	return out, nil
}
