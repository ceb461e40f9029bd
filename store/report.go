package store

import (
	"context"
	"time"

	"leaveguard/leave"
)

// UnclaimedEvent is a birth or miscarriage of the period with no active
// allowance claim, and whether the employee is maternity-insured.
type UnclaimedEvent struct {
	EmployeeID string     `db:"employee_id"`
	Name       string     `db:"name"`
	ExternalID string     `db:"external_id"`
	IDMasked   string     `db:"national_id_masked"`
	Event      string     `db:"event"`
	Date       leave.Date `db:"event_date"`
	Insured    bool       `db:"maternity_insured"`
}

// EachUnclaimedEvent calls fn with every birth and miscarriage of a female
// employee dated from..to that has no allowance claim other than rejected
// ones, by date (a father's recorded birth claims nothing).
func (t *Tx) EachUnclaimedEvent(ctx context.Context, tenant string, from, to leave.Date, fn func(UnclaimedEvent) error) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `
		SELECT e.id AS employee_id, e.name, e.external_id, e.national_id_masked, x.event, x.event_date, e.maternity_insured
		FROM (SELECT tenant_id, id, employee_id, 'birth' AS event, birth_date AS event_date FROM births
			WHERE tenant_id = $1 AND birth_date BETWEEN $2 AND $3 AND NOT EXISTS (SELECT 1 FROM allowance_claims c
				WHERE c.tenant_id = births.tenant_id AND c.birth_id = births.id AND c.status <> 'rejected')
			UNION ALL
			SELECT tenant_id, id, employee_id, 'miscarriage', date FROM miscarriages
			WHERE tenant_id = $1 AND date BETWEEN $2 AND $3 AND NOT EXISTS (SELECT 1 FROM allowance_claims c
				WHERE c.tenant_id = miscarriages.tenant_id AND c.miscarriage_id = miscarriages.id AND c.status <> 'rejected')
		) x JOIN employees e ON e.tenant_id = x.tenant_id AND e.id = x.employee_id
		WHERE e.tenant_id = $1 AND e.gender = 'female'
		ORDER BY x.event_date, e.name COLLATE "C", x.id`
	return each(ctx, t, "unclaimed events", q, fn, tenant, from, to)
}

// WageCut is a refused (or overridden) wage cut or a scheduled change that
// was refused, with its employee.
type WageCut struct {
	ID         string     `db:"id"`
	EmployeeID string     `db:"employee_id"`
	At         time.Time  `db:"at"`
	Name       string     `db:"name"`
	ExternalID string     `db:"external_id"`
	IDMasked   string     `db:"national_id_masked"`
	OldFen     int64      `db:"old_wage_fen"`
	NewFen     int64      `db:"new_wage_fen"`
	Effective  leave.Date `db:"effective_date"`
	Source     string     `db:"source"`
	Overridden bool       `db:"overridden"`
	Reason     string     `db:"reason"`
}

// EachWageCut calls fn with the refused wage cuts recorded in [from, until),
// oldest first.
func (t *Tx) EachWageCut(ctx context.Context, tenant string, from, until time.Time, fn func(WageCut) error) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `
		SELECT w.id::text, w.employee_id, w.created_at AS at, e.name, e.external_id, e.national_id_masked, w.old_wage_fen,
			w.new_wage_fen, (w.created_at AT TIME ZONE 'Asia/Shanghai')::date AS effective_date, w.source,
			w.overridden, w.reason
		FROM wage_violation_attempts w JOIN employees e ON e.tenant_id = w.tenant_id AND e.id = w.employee_id
		WHERE w.tenant_id = $1 AND w.created_at >= $2 AND w.created_at < $3
		ORDER BY w.created_at, w.id`
	return each(ctx, t, "wage cuts", q, fn, tenant, from, until)
}

// ExtensionNotice is the latest 劳动合同顺延通知书 issued to an employee.
type ExtensionNotice struct {
	DocumentNo string    `db:"document_no"`
	IssuedAt   time.Time `db:"created_at"`
}

// LatestExtensionNotice is the newest contract-extension notice of an
// employee; ErrNotFound when none was issued.
func (t *Tx) LatestExtensionNotice(ctx context.Context, tenant, employeeID string) (ExtensionNotice, error) {
	if err := t.check(tenant); err != nil {
		return ExtensionNotice{}, err
	}
	const q = `SELECT document_no, created_at FROM filings
		WHERE tenant_id = $1 AND kind = 'contract_extension' AND subject_id = $2 ORDER BY version DESC LIMIT 1`
	var n ExtensionNotice
	if err := t.tx.GetContext(ctx, &n, q, tenant, employeeID); err != nil {
		return ExtensionNotice{}, mapErr(err)
	}
	return n, nil
}

// BirthLeave is the maternity leave of a recorded birth that was never
// entered as a leave request.
type BirthLeave struct {
	EmployeeID string     `db:"employee_id"`
	Name       string     `db:"name"`
	ExternalID string     `db:"external_id"`
	IDMasked   string     `db:"national_id_masked"`
	Start      leave.Date `db:"start_date"`
	End        leave.Date `db:"end_date"`
	Days       int        `db:"days"`
}

// EachBirthWithoutLeave calls fn with each birth whose planned maternity
// leave overlaps from..to and has no approved request in its bucket, by
// start.
func (t *Tx) EachBirthWithoutLeave(ctx context.Context, tenant string, from, to leave.Date, fn func(BirthLeave) error) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `
		SELECT b.employee_id, e.name, e.external_id, e.national_id_masked, (b.plan #>> '{maternity_leave,start}')::date AS start_date,
			(b.plan #>> '{maternity_leave,end}')::date AS end_date, (b.plan #>> '{maternity_leave,days}')::int AS days
		FROM births b JOIN employees e ON e.tenant_id = b.tenant_id AND e.id = b.employee_id
		WHERE b.tenant_id = $1 AND e.gender = 'female' AND b.plan ? 'maternity_leave'
		  AND (b.plan #>> '{maternity_leave,end}')::date >= $2 AND (b.plan #>> '{maternity_leave,start}')::date <= $3
		  AND NOT EXISTS (SELECT 1 FROM leave_requests l WHERE l.tenant_id = b.tenant_id AND l.employee_id = b.employee_id
			AND l.status = 'approved' AND l.bucket = 'maternity:' || b.birth_date::text)
		ORDER BY start_date, e.name COLLATE "C", b.id`
	return each(ctx, t, "births without leave", q, fn, tenant, from, to)
}

// NameChanges are the days (Beijing time) each employee's name was last
// changed, from the audit log; employees never renamed are absent.
func (t *Tx) NameChanges(ctx context.Context, tenant string) (map[string]leave.Date, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT object_id, max(at AT TIME ZONE 'Asia/Shanghai')::date AS day FROM audit_log
		WHERE tenant_id = $1 AND action = 'employee.update' AND object_type = 'employee'
		  AND (detail::jsonb -> 'fields') ? 'name'
		GROUP BY object_id`
	out := map[string]leave.Date{}
	err := each(ctx, t, "name changes", q, func(r struct {
		ID  string     `db:"object_id"`
		Day leave.Date `db:"day"`
	}) error {
		out[r.ID] = r.Day
		return nil
	}, tenant)
	return out, err
}
