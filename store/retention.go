package store

import (
	"context"
	"fmt"

	"leaveguard/leave"
)

// RetentionDue lists the employees of the tenant due for anonymisation on
// today: not yet anonymised, separated (in force: a withdrawal clears
// separated_on) with a last day more than years before today, and nothing
// open for her — an allowance claim neither paid nor rejected, a subsidy
// application under way with a line of hers, a submitted leave request.
func (t *Tx) RetentionDue(ctx context.Context, tenant string, years int, today leave.Date) ([]string, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT e.id FROM employees e
		WHERE e.tenant_id = $1 AND e.anonymised_on IS NULL AND e.separated_on IS NOT NULL
		  AND (e.separated_on + make_interval(years => $2))::date < $3::date
		  AND NOT EXISTS (SELECT 1 FROM allowance_claims c WHERE c.tenant_id = e.tenant_id
		        AND c.employee_id = e.id AND c.status NOT IN ('paid', 'rejected'))
		  AND NOT EXISTS (SELECT 1 FROM leave_requests r WHERE r.tenant_id = e.tenant_id
		        AND r.employee_id = e.id AND r.status = 'submitted')
		  AND NOT EXISTS (SELECT 1 FROM subsidy_lines l JOIN subsidy_applications a
		        ON a.tenant_id = l.tenant_id AND a.id = l.application_id
		        WHERE l.tenant_id = e.tenant_id AND l.employee_id = e.id AND a.status NOT IN ('paid', 'rejected'))
		ORDER BY e.id`
	out := []string{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, years, today); err != nil {
		return nil, fmt.Errorf("store: retention due: %w", mapErr(err))
	}
	return out, nil
}

// AnonymiseEmployee deletes the employee's encrypted ID number and its
// lookup hash, puts masked in place of the masked form and name in place of
// her name, and sets anonymised_on. It reports false when she was already
// anonymised (another run got there first).
func (t *Tx) AnonymiseEmployee(ctx context.Context, tenant, id, name, masked string, on leave.Date) (bool, error) {
	if err := t.check(tenant); err != nil {
		return false, err
	}
	const q = `
		UPDATE employees SET name = $3, national_id_enc = NULL, national_id_hash = NULL,
			national_id_masked = $4, anonymised_on = $5, updated_at = now()
		WHERE tenant_id = $1 AND id = $2 AND anonymised_on IS NULL`
	res, err := t.tx.ExecContext(ctx, q, tenant, id, name, masked, on)
	if err != nil {
		return false, fmt.Errorf("store: anonymise employee: %w", mapErr(err))
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// AnonymiseFilings replaces, in the data of the tenant's filings, every
// JSON string equal to name by pseudonym and equal to masked by
// placeholder, and deletes those filings' PDF bytes; number, version and
// SHA-256 stay. Only whole values match, so another person whose name
// merely contains hers is untouched. It returns how many filings changed.
func (t *Tx) AnonymiseFilings(ctx context.Context, tenant, name, masked, pseudonym, placeholder string) (int, error) {
	if err := t.check(tenant); err != nil {
		return 0, err
	}
	const q = `
		UPDATE filings SET bytes = '\x',
			data = replace(replace(data::text, to_jsonb($2::text)::text, to_jsonb($4::text)::text),
				to_jsonb($3::text)::text, to_jsonb($5::text)::text)::jsonb
		WHERE tenant_id = $1 AND (strpos(data::text, to_jsonb($2::text)::text) > 0
			OR strpos(data::text, to_jsonb($3::text)::text) > 0)`
	res, err := t.tx.ExecContext(ctx, q, tenant, name, masked, pseudonym, placeholder)
	if err != nil {
		return 0, fmt.Errorf("store: anonymise filings: %w", mapErr(err))
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}
