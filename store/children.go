package store

import (
	"context"
	"fmt"

	"leaveguard/leave"
)

const childCols = `id, employee_id, birth_id, birth_date, child_order, iit_share_percent, died_on, created_at`

// Child loads one child; forUpdate locks it.
func (t *Tx) Child(ctx context.Context, tenant, id string, forUpdate bool) (Child, error) {
	if err := t.check(tenant); err != nil {
		return Child{}, err
	}
	q := `SELECT ` + childCols + ` FROM children WHERE tenant_id = $1 AND id = $2`
	if forUpdate {
		q += ` FOR UPDATE`
	}
	var out Child
	if err := t.tx.GetContext(ctx, &out, q, tenant, id); err != nil {
		return Child{}, fmt.Errorf("store: child: %w", mapErr(err))
	}
	return out, nil
}

// SetChildIITShare records the share (100, 50 or 0 percent) of the IIT
// infant-care deduction this employee claims for the child.
func (t *Tx) SetChildIITShare(ctx context.Context, tenant, id string, percent int) (Child, error) {
	if err := t.check(tenant); err != nil {
		return Child{}, err
	}
	const q = `UPDATE children SET iit_share_percent = $3 WHERE tenant_id = $1 AND id = $2 RETURNING ` + childCols
	var out Child
	if err := t.tx.GetContext(ctx, &out, q, tenant, id, percent); err != nil {
		return Child{}, fmt.Errorf("store: set child iit share: %w", mapErr(err))
	}
	return out, nil
}

// SetChildDiedOn records the day a child died (nil clears a mistaken entry).
func (t *Tx) SetChildDiedOn(ctx context.Context, tenant, id string, diedOn *leave.Date) (Child, error) {
	if err := t.check(tenant); err != nil {
		return Child{}, err
	}
	const q = `UPDATE children SET died_on = $3 WHERE tenant_id = $1 AND id = $2 RETURNING ` + childCols
	var out Child
	if err := t.tx.GetContext(ctx, &out, q, tenant, id, diedOn); err != nil {
		return Child{}, fmt.Errorf("store: set child died_on: %w", mapErr(err))
	}
	return out, nil
}
