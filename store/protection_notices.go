package store

import (
	"context"
	"encoding/json"
	"fmt"

	"leaveguard/leave"
)

// Notice is a protected-period notice that stands (not superseded).
type Notice struct {
	EmployeeID string          `db:"employee_id"`
	Kind       string          `db:"kind"`
	PeriodFrom leave.Date      `db:"period_from"`
	Version    int             `db:"version"`
	Detail     json.RawMessage `db:"detail"`
}

// CurrentNotices loads the tenant's standing notices, by employee.
func (t *Tx) CurrentNotices(ctx context.Context, tenant string) (map[string][]Notice, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `SELECT employee_id, kind, period_from, version, detail FROM protection_notices
		WHERE tenant_id = $1 AND superseded_at IS NULL ORDER BY employee_id, kind, period_from`
	var rows []Notice
	if err := t.tx.SelectContext(ctx, &rows, q, tenant); err != nil {
		return nil, fmt.Errorf("store: current notices: %w", err)
	}
	out := map[string][]Notice{}
	for _, n := range rows {
		out[n.EmployeeID] = append(out[n.EmployeeID], n)
	}
	return out, nil
}

// CorrectNotice supersedes notice old and, with detail set, raises its
// correction as the next version of the notice of periodFrom; event is the
// outbox payload (of old's kind) announcing the correction or, with detail
// nil, the retraction. It reports false when old was already superseded.
func (t *Tx) CorrectNotice(ctx context.Context, tenant string, old Notice, periodFrom leave.Date, detail, event any) (bool, error) {
	if err := t.check(tenant); err != nil {
		return false, err
	}
	ev, err := json.Marshal(event)
	if err != nil {
		return false, fmt.Errorf("store: notice event: %w", err)
	}
	const supersede = `
		WITH s AS (
			UPDATE protection_notices SET superseded_at = now()
			WHERE tenant_id = $1 AND employee_id = $2 AND kind = $3 AND period_from = $4 AND version = $5
			  AND superseded_at IS NULL RETURNING 1
		)
		INSERT INTO outbox_events (tenant_id, type, payload) SELECT $1, $3, $6 FROM s`
	res, err := t.tx.ExecContext(ctx, supersede, tenant, old.EmployeeID, old.Kind, old.PeriodFrom, old.Version, ev)
	if err != nil {
		return false, fmt.Errorf("store: supersede notice: %w", mapErr(err))
	}
	if n, _ := res.RowsAffected(); n != 1 || detail == nil {
		return n == 1, nil
	}
	d, err := json.Marshal(detail)
	if err != nil {
		return false, fmt.Errorf("store: notice detail: %w", err)
	}
	const next = `
		INSERT INTO protection_notices (tenant_id, employee_id, kind, period_from, version, detail)
		SELECT $1, $2, $3, $4, COALESCE(max(version), 0) + 1, $5 FROM protection_notices
		WHERE tenant_id = $1 AND employee_id = $2 AND kind = $3 AND period_from = $4`
	if _, err := t.tx.ExecContext(ctx, next, tenant, old.EmployeeID, old.Kind, periodFrom, d); err != nil {
		return false, fmt.Errorf("store: corrected notice: %w", mapErr(err))
	}
	return true, nil
}
