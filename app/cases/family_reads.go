package cases

import (
	"context"

	"leaveguard/store"
)

// ViewBirth is Birth for a person's eyes: the birth, its plan and its
// versions, with the read audited on the employee (birth.read).
func (c *Cases) ViewBirth(ctx context.Context, tenant string, who store.Who, id string) (BirthRecord, []store.BirthVersion, error) {
	rec, versions, err := c.Birth(ctx, tenant, id)
	if err != nil {
		return BirthRecord{}, nil, err
	}
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		return tx.Audit(ctx, tenant, who, "birth.read", "employee", rec.Birth.EmployeeID, map[string]any{"birth_id": id})
	})
	return rec, versions, err
}

// ViewMiscarriage is Miscarriage with the read audited on the employee.
func (c *Cases) ViewMiscarriage(ctx context.Context, tenant string, who store.Who, id string) (MiscarriageRecord, error) {
	rec, err := c.Miscarriage(ctx, tenant, id)
	if err != nil {
		return MiscarriageRecord{}, err
	}
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		return tx.Audit(ctx, tenant, who, "miscarriage.read", "employee", rec.Miscarriage.EmployeeID,
			map[string]any{"miscarriage_id": id})
	})
	return rec, err
}
