package cases

import (
	"context"

	"leaveguard/leave"
	"leaveguard/store"
)

// ChildPatch is the body of PATCH /children/{id}: the IIT infant-care share
// the employee declares, and/or the day the child died.
type ChildPatch struct {
	IITSharePercent *int    `json:"iit_share_percent"`
	DiedOn          *string `json:"died_on"`
}

func (in ChildPatch) parse(today leave.Date) (share *int, died leave.Date, err error) {
	f := Fields{}
	if p := in.IITSharePercent; p != nil && *p != 100 && *p != 50 && *p != 0 {
		f["iit_share_percent"] = "只能是 100、50 或 0"
	}
	died = f.Date("died_on", in.DiedOn, false)
	if !died.IsZero() && died.After(today) {
		f["died_on"] = "日期不能晚于今天"
	}
	return in.IITSharePercent, died, f.Err()
}

// PatchChild records the share of the IIT infant-care deduction this
// employee declares for the child: 100 (all), 50 (each parent half) or 0
// (the other parent claims it all); and/or the day the child died, which
// ends the nursing period (unless another child under 1 remains), parental
// leave for the child and, after that month, the IIT deduction (rules.md §2).
// The change is audited; the daily protection job corrects any notice whose
// date moves.
func (c *Cases) PatchChild(ctx context.Context, tenant string, who store.Who, id string, in ChildPatch) (store.Child, error) {
	share, died, err := in.parse(c.Today())
	if err != nil {
		return store.Child{}, err
	}
	var out store.Child
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		old, err := tx.Child(ctx, tenant, id, true)
		if err != nil {
			return err
		}
		out = old
		if share == nil && died.IsZero() { // checked after the load: another tenant's child is a 404
			return Fields{"iit_share_percent": "请填写 iit_share_percent（100 本人全额扣除、50 双方各半、0 由另一方全额扣除）或 died_on"}.Err()
		}
		var fields []string
		if share != nil {
			if out, err = tx.SetChildIITShare(ctx, tenant, id, *share); err != nil {
				return err
			}
			fields = append(fields, "iit_share_percent")
		}
		if !died.IsZero() {
			if died.Before(old.BirthDate) {
				return Fields{"died_on": "日期不能早于出生日期"}.Err()
			}
			if out, err = tx.SetChildDiedOn(ctx, tenant, id, &died); err != nil {
				return err
			}
			fields = append(fields, "died_on")
			// The books follow: parental leave for the child ends, so its
			// later credits are withdrawn and approved leave after the death
			// is flagged for HR (never cancelled silently).
			corr, err := c.rebook(ctx, tx, tenant, old.EmployeeID, func(Subject) ([]leave.Item, error) { return nil, nil })
			if err != nil {
				return err
			}
			if err := tx.Emit(ctx, tenant, "child.death_recorded", map[string]any{"child_id": id, "employee_id": old.EmployeeID,
				"died_on": died, "moved_requests": len(corr.Moved), "flagged_requests": len(corr.Flagged)}); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, tenant, who, "child.update", "child", id,
			map[string]any{"employee_id": old.EmployeeID, "fields": fields})
	})
	return out, err
}
