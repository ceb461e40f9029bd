package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

const birthCols = `id, employee_id, birth_date, child_order, babies, stillborn, dystocia, leave_start, plan, version, created_at, updated_at`

// BirthVersion is one recorded version of a birth's facts and plan.
type BirthVersion struct {
	Version    int             `db:"version" json:"version"`
	Input      json.RawMessage `db:"input" json:"input"`
	Plan       json.RawMessage `db:"plan" json:"leave_plan"`
	RecordedAt time.Time       `db:"recorded_at" json:"recorded_at"`
	RecordedBy string          `db:"recorded_by" json:"recorded_by"`
}

// CreateBirth records a birth (version 1) and its history row.
func (t *Tx) CreateBirth(ctx context.Context, tenant string, b Birth, input json.RawMessage, by string) (Birth, error) {
	if err := t.check(tenant); err != nil {
		return Birth{}, err
	}
	const q = `
		INSERT INTO births (tenant_id, employee_id, birth_date, child_order, babies, dystocia, leave_start, plan, stillborn)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ` + birthCols
	var out Birth
	if err := t.tx.GetContext(ctx, &out, q, tenant, b.EmployeeID, b.BirthDate, b.ChildOrder, b.Babies,
		b.Dystocia, b.LeaveStart, []byte(b.Plan), b.Stillborn); err != nil {
		return Birth{}, fmt.Errorf("store: create birth: %w", mapErr(err))
	}
	return out, t.addBirthVersion(ctx, tenant, out, input, by)
}

// CorrectBirth saves corrected facts and plan as the next version.
func (t *Tx) CorrectBirth(ctx context.Context, tenant string, b Birth, input json.RawMessage, by string) (Birth, error) {
	if err := t.check(tenant); err != nil {
		return Birth{}, err
	}
	const q = `
		UPDATE births SET birth_date = $3, child_order = $4, babies = $5, dystocia = $6, leave_start = $7,
			plan = $8, stillborn = $9, version = version + 1, updated_at = now()
		WHERE tenant_id = $1 AND id = $2 RETURNING ` + birthCols
	var out Birth
	if err := t.tx.GetContext(ctx, &out, q, tenant, b.ID, b.BirthDate, b.ChildOrder, b.Babies,
		b.Dystocia, b.LeaveStart, []byte(b.Plan), b.Stillborn); err != nil {
		return Birth{}, fmt.Errorf("store: correct birth: %w", mapErr(err))
	}
	return out, t.addBirthVersion(ctx, tenant, out, input, by)
}

func (t *Tx) addBirthVersion(ctx context.Context, tenant string, b Birth, input json.RawMessage, by string) error {
	const q = `
		INSERT INTO birth_versions (tenant_id, birth_id, version, input, plan, recorded_by)
		VALUES ($1, $2, $3, $4, $5, $6)`
	if _, err := t.tx.ExecContext(ctx, q, tenant, b.ID, b.Version, []byte(input), []byte(b.Plan), by); err != nil {
		return fmt.Errorf("store: birth version: %w", mapErr(err))
	}
	return nil
}

// Birth loads one birth; forUpdate locks it.
func (t *Tx) Birth(ctx context.Context, tenant, id string, forUpdate bool) (Birth, error) {
	if err := t.check(tenant); err != nil {
		return Birth{}, err
	}
	q := `SELECT ` + birthCols + ` FROM births WHERE tenant_id = $1 AND id = $2`
	if forUpdate {
		q += ` FOR UPDATE`
	}
	var out Birth
	if err := t.tx.GetContext(ctx, &out, q, tenant, id); err != nil {
		return Birth{}, fmt.Errorf("store: birth: %w", mapErr(err))
	}
	return out, nil
}

// BirthVersions lists every version of a birth, oldest first.
func (t *Tx) BirthVersions(ctx context.Context, tenant, birthID string) ([]BirthVersion, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `SELECT version, input, plan, recorded_at, recorded_by FROM birth_versions
		WHERE tenant_id = $1 AND birth_id = $2 ORDER BY version`
	var out []BirthVersion
	if err := t.tx.SelectContext(ctx, &out, q, tenant, birthID); err != nil {
		return nil, fmt.Errorf("store: birth versions: %w", err)
	}
	return out, nil
}

// CreateChild records a child.
func (t *Tx) CreateChild(ctx context.Context, tenant string, c Child) (Child, error) {
	if err := t.check(tenant); err != nil {
		return Child{}, err
	}
	const q = `
		INSERT INTO children (tenant_id, employee_id, birth_id, birth_date, child_order, iit_share_percent)
		VALUES ($1, $2, $3, $4, $5, $6)
		RETURNING ` + childCols
	var out Child
	if err := t.tx.GetContext(ctx, &out, q, tenant, c.EmployeeID, c.BirthID, c.BirthDate, c.ChildOrder, c.IITSharePercent); err != nil {
		return Child{}, fmt.Errorf("store: create child: %w", mapErr(err))
	}
	return out, nil
}

// SyncBirthChildren makes the children of a corrected birth match it: the
// birth date and the child orders from b, and live rows (babies not born
// dead). Extra rows (the highest orders) are removed, missing ones added
// with no IIT share declared. It returns how many were removed and added.
func (t *Tx) SyncBirthChildren(ctx context.Context, tenant string, b Birth, live int) (removed, added int, err error) {
	if err := t.check(tenant); err != nil {
		return 0, 0, err
	}
	const del = `
		DELETE FROM children WHERE tenant_id = $1 AND id IN (
			SELECT id FROM children WHERE tenant_id = $1 AND birth_id = $2 ORDER BY child_order, id OFFSET $3)`
	res, err := t.tx.ExecContext(ctx, del, tenant, b.ID, live)
	if err != nil {
		return 0, 0, fmt.Errorf("store: remove children: %w", mapErr(err))
	}
	n, _ := res.RowsAffected()
	const renumber = `
		UPDATE children c SET birth_date = $3, child_order = $4 + r.n - 1
		FROM (SELECT id, row_number() OVER (ORDER BY child_order, id) AS n FROM children
		      WHERE tenant_id = $1 AND birth_id = $2) r
		WHERE c.tenant_id = $1 AND c.id = r.id`
	res, err = t.tx.ExecContext(ctx, renumber, tenant, b.ID, b.BirthDate, b.ChildOrder)
	if err != nil {
		return 0, 0, fmt.Errorf("store: renumber children: %w", mapErr(err))
	}
	kept, _ := res.RowsAffected()
	for i := int(kept); i < live; i++ {
		c := Child{EmployeeID: b.EmployeeID, BirthID: &b.ID, BirthDate: b.BirthDate, ChildOrder: b.ChildOrder + i}
		if _, err := t.CreateChild(ctx, tenant, c); err != nil {
			return int(n), added, err
		}
		added++
	}
	return int(n), added, nil
}
