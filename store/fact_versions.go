package store

import (
	"context"
	"encoding/json"
	"fmt"

	"leaveguard/leave"
)

// The corrections of a pregnancy, a miscarriage or a marriage: each bumps
// the fact's version and keeps both the version replaced (if not yet kept:
// facts recorded before versioning) and the new one in fact_versions.

// PregnancyForUpdate loads one pregnancy, locked, with its version.
func (t *Tx) PregnancyForUpdate(ctx context.Context, tenant, id string) (Pregnancy, int, error) {
	if err := t.check(tenant); err != nil {
		return Pregnancy{}, 0, err
	}
	var row struct {
		Pregnancy
		Version int `db:"version"`
	}
	q := `SELECT ` + pregnancyCols + `, version FROM pregnancies WHERE tenant_id = $1 AND id = $2 FOR UPDATE`
	if err := t.tx.GetContext(ctx, &row, q, tenant, id); err != nil {
		return Pregnancy{}, 0, fmt.Errorf("store: pregnancy: %w", mapErr(err))
	}
	return row.Pregnancy, row.Version, nil
}

// CorrectPregnancy saves a pregnancy's corrected dates as its next version.
func (t *Tx) CorrectPregnancy(ctx context.Context, tenant string, old Pregnancy, oldVersion int, p Pregnancy, by string) (int, error) {
	if err := t.check(tenant); err != nil {
		return 0, err
	}
	const q = `UPDATE pregnancies SET reported_on = $3, expected_due_date = $4, confirmed_start = $5, version = version + 1
		WHERE tenant_id = $1 AND id = $2 RETURNING version`
	var v int
	if err := t.tx.GetContext(ctx, &v, q, tenant, old.ID, p.ReportedOn, p.ExpectedDueDate, p.ConfirmedStart); err != nil {
		return 0, fmt.Errorf("store: correct pregnancy: %w", mapErr(err))
	}
	facts := func(p Pregnancy) any {
		return map[string]any{"reported_on": p.ReportedOn, "expected_due_date": p.ExpectedDueDate, "confirmed_start": p.ConfirmedStart}
	}
	return v, t.addFactVersions(ctx, tenant, "pregnancy", old.ID, oldVersion, facts(old), v, facts(p), by)
}

// MiscarriageForUpdate loads one miscarriage, locked, with its version.
func (t *Tx) MiscarriageForUpdate(ctx context.Context, tenant, id string) (Miscarriage, int, error) {
	if err := t.check(tenant); err != nil {
		return Miscarriage{}, 0, err
	}
	var row struct {
		Miscarriage
		Version int `db:"version"`
	}
	const q = `SELECT id, employee_id, date, gestation_weeks, plan, created_at, version
		FROM miscarriages WHERE tenant_id = $1 AND id = $2 FOR UPDATE`
	if err := t.tx.GetContext(ctx, &row, q, tenant, id); err != nil {
		return Miscarriage{}, 0, fmt.Errorf("store: miscarriage: %w", mapErr(err))
	}
	return row.Miscarriage, row.Version, nil
}

// CorrectMiscarriage saves a miscarriage's corrected facts and plan as its
// next version.
func (t *Tx) CorrectMiscarriage(ctx context.Context, tenant string, old Miscarriage, oldVersion int, m Miscarriage, by string) (int, error) {
	if err := t.check(tenant); err != nil {
		return 0, err
	}
	const q = `UPDATE miscarriages SET date = $3, gestation_weeks = $4, plan = $5, version = version + 1
		WHERE tenant_id = $1 AND id = $2 RETURNING version`
	var v int
	if err := t.tx.GetContext(ctx, &v, q, tenant, old.ID, m.Date, m.GestationWeeks, []byte(m.Plan)); err != nil {
		return 0, fmt.Errorf("store: correct miscarriage: %w", mapErr(err))
	}
	facts := func(m Miscarriage) any {
		return map[string]any{"date": m.Date, "gestation_weeks": m.GestationWeeks, "plan": json.RawMessage(m.Plan)}
	}
	return v, t.addFactVersions(ctx, tenant, "miscarriage", old.ID, oldVersion, facts(old), v, facts(m), by)
}

// MarriageForUpdate loads one marriage, locked, with its version.
func (t *Tx) MarriageForUpdate(ctx context.Context, tenant, id string) (Marriage, int, error) {
	if err := t.check(tenant); err != nil {
		return Marriage{}, 0, err
	}
	var row struct {
		Marriage
		Version int `db:"version"`
	}
	const q = `SELECT id, employee_id, registered_on, created_at, version
		FROM marriages WHERE tenant_id = $1 AND id = $2 FOR UPDATE`
	if err := t.tx.GetContext(ctx, &row, q, tenant, id); err != nil {
		return Marriage{}, 0, fmt.Errorf("store: marriage: %w", mapErr(err))
	}
	return row.Marriage, row.Version, nil
}

// CorrectMarriage saves a marriage's corrected registration date as its
// next version.
func (t *Tx) CorrectMarriage(ctx context.Context, tenant string, old Marriage, oldVersion int, on leave.Date, by string) (int, error) {
	if err := t.check(tenant); err != nil {
		return 0, err
	}
	const q = `UPDATE marriages SET registered_on = $3, version = version + 1
		WHERE tenant_id = $1 AND id = $2 RETURNING version`
	var v int
	if err := t.tx.GetContext(ctx, &v, q, tenant, old.ID, on); err != nil {
		return 0, fmt.Errorf("store: correct marriage: %w", mapErr(err))
	}
	return v, t.addFactVersions(ctx, tenant, "marriage", old.ID, oldVersion, map[string]any{"registered_on": old.RegisteredOn},
		v, map[string]any{"registered_on": on}, by)
}

// FactVersion is one kept version of a corrected fact.
type FactVersion struct {
	Version    int             `db:"version" json:"version"`
	Facts      json.RawMessage `db:"facts" json:"facts"`
	RecordedAt string          `db:"recorded_at" json:"recorded_at"`
	RecordedBy string          `db:"recorded_by" json:"recorded_by"`
}

// FactVersions lists the kept versions of a fact, oldest first.
func (t *Tx) FactVersions(ctx context.Context, tenant, kind, id string) ([]FactVersion, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `SELECT version, facts, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS recorded_at, recorded_by
		FROM fact_versions WHERE tenant_id = $1 AND kind = $2 AND fact_id = $3 ORDER BY version`
	out := []FactVersion{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, kind, id); err != nil {
		return nil, fmt.Errorf("store: fact versions: %w", err)
	}
	return out, nil
}

// addFactVersions keeps the replaced version (unless kept already: the
// first version of a fact recorded before versioning is kept only when it
// is first corrected, with by "recorded") and the new one.
func (t *Tx) addFactVersions(ctx context.Context, tenant, kind, id string, oldV int, old any, newV int, cur any, by string) error {
	const q = `INSERT INTO fact_versions (tenant_id, kind, fact_id, version, facts, recorded_by)
		VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`
	if _, err := t.tx.ExecContext(ctx, q, tenant, kind, id, oldV, mustRaw(old), "recorded"); err != nil {
		return fmt.Errorf("store: %s version: %w", kind, mapErr(err))
	}
	if _, err := t.tx.ExecContext(ctx, q, tenant, kind, id, newV, mustRaw(cur), by); err != nil {
		return fmt.Errorf("store: %s version: %w", kind, mapErr(err))
	}
	return nil
}

func mustRaw(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only plain maps of dates and numbers are marshalled here
	}
	return b
}
