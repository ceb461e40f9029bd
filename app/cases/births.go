package cases

import (
	"context"
	"encoding/json"
	"slices"

	"leaveguard/leave"
	"leaveguard/store"
)

// BirthInput is the body of POST /employees/{id}/births and of a correction.
type BirthInput struct {
	BirthDate  *string      `json:"birth_date"`
	ChildOrder *int         `json:"child_order"`
	Babies     *int         `json:"babies"`
	Stillborn  *int         `json:"stillborn"`
	Dystocia   *bool        `json:"dystocia"`
	LeaveStart *string      `json:"leave_start"`
	Notice     *NoticeInput `json:"notice,omitempty"` // read when recorded, not on a correction
}

// BirthRecord is a recorded birth and its leave plan.
type BirthRecord struct {
	Birth      store.Birth
	Plan       leave.BirthPlan
	Correction *Correction // what a correction changed besides the birth
}

func (in BirthInput) parse() (leave.Birth, error) {
	f := Fields{}
	b := leave.Birth{Date: f.Date("birth_date", in.BirthDate, true), Babies: 1,
		LeaveStart: f.Date("leave_start", in.LeaveStart, false)}
	switch {
	case in.ChildOrder == nil:
		f["child_order"] = "必填：这是第几个孩子（1、2、3…）"
	case *in.ChildOrder < 1 || *in.ChildOrder > 20:
		f["child_order"] = "孩次须为 1 到 20 之间的整数"
	default:
		b.ChildOrder = *in.ChildOrder
	}
	if in.Babies != nil {
		if *in.Babies < 1 || *in.Babies > 9 {
			f["babies"] = "婴儿数须为 1 到 9 之间的整数"
		}
		b.Babies = *in.Babies
	}
	if in.Stillborn != nil {
		if *in.Stillborn < 0 || *in.Stillborn > b.Babies {
			f["stillborn"] = "死产婴儿数须为 0 到婴儿数之间的整数"
		}
		b.Stillborn = *in.Stillborn
	}
	if in.Dystocia != nil {
		b.Dystocia = *in.Dystocia
	}
	return b, f.Err()
}

// planBirth judges birth b of employee s by the rules in force on its date.
func planBirth(s Subject, b leave.Birth) (leave.BirthPlan, error) {
	b.Parent = leave.Mother
	if s.Employee.Gender == "male" {
		b.Parent = leave.Father
	}
	plan, err := s.Rules.PlanBirth(b)
	if err != nil {
		return leave.BirthPlan{}, fromDomain(err)
	}
	return plan, nil
}

// RecordBirth records a birth (hers, or his spouse's), freezes its leave
// plan with the rules used, adds the children and credits the ledger.
func (c *Cases) RecordBirth(ctx context.Context, tenant string, who store.Who, employeeID string, in BirthInput) (BirthRecord, error) {
	b, err := in.parse()
	if err != nil {
		return BirthRecord{}, err
	}
	nf := Fields{}
	notice := in.Notice.parse(nf, "notice.", c.Today())
	if err := nf.Err(); err != nil {
		return BirthRecord{}, err
	}
	var rec BirthRecord
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		s, err := c.load(ctx, tx, tenant, employeeID, true)
		if err != nil {
			return err
		}
		if rec.Plan, err = planBirth(s, b); err != nil {
			return err
		}
		row := store.Birth{EmployeeID: employeeID, BirthDate: b.Date, ChildOrder: b.ChildOrder, Babies: b.Babies,
			Stillborn: b.Stillborn, Dystocia: b.Dystocia, LeaveStart: optDate(b.LeaveStart), Plan: mustJSON(rec.Plan)}
		if rec.Birth, err = tx.CreateBirth(ctx, tenant, row, mustJSON(in), actor(who)); err != nil {
			return err
		}
		if _, err := addNotice(ctx, tx, tenant, who, employeeID, "birth", rec.Birth.ID, notice); err != nil {
			return err
		}
		for i := 0; i < b.Live(); i++ { // a baby born dead is not a child of the family register
			ch := store.Child{EmployeeID: employeeID, BirthID: &rec.Birth.ID, BirthDate: b.Date,
				ChildOrder: b.ChildOrder + i} // IIT share: none until the employee declares it
			if _, err := tx.CreateChild(ctx, tenant, ch); err != nil {
				return err
			}
		}
		// The birth's frozen plan joins the facts already loaded: the
		// credits are posted from them, without loading them again.
		if s, err = withBirth(s, rec.Birth, row.Plan); err != nil {
			return err
		}
		types := []leave.LeaveType{leave.LeaveMaternity, leave.LeaveSpousalNursing, leave.LeaveParental}
		if _, err := c.postCreditsOf(ctx, tx, tenant, s, b.Date, types...); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "birth.create", "employee", employeeID, map[string]any{"birth_id": rec.Birth.ID})
	})
	return rec, err
}

// CorrectBirth replaces a birth's facts (the real date differs from the
// due date, say), recomputes the plan and keeps every version.
func (c *Cases) CorrectBirth(ctx context.Context, tenant string, who store.Who, birthID string, in BirthInput) (BirthRecord, error) {
	b, err := in.parse()
	if err != nil {
		return BirthRecord{}, err
	}
	var rec BirthRecord
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		old, err := tx.Birth(ctx, tenant, birthID, true)
		if err != nil {
			return err
		}
		s, err := c.load(ctx, tx, tenant, old.EmployeeID, true)
		if err != nil {
			return err
		}
		if rec.Plan, err = planBirth(s, b); err != nil {
			return err
		}
		row := store.Birth{ID: birthID, BirthDate: b.Date, ChildOrder: b.ChildOrder, Babies: b.Babies,
			Stillborn: b.Stillborn, Dystocia: b.Dystocia, LeaveStart: optDate(b.LeaveStart), Plan: mustJSON(rec.Plan)}
		if rec.Birth, err = tx.CorrectBirth(ctx, tenant, row, mustJSON(in), actor(who)); err != nil {
			return err
		}
		removed, added, err := tx.SyncBirthChildren(ctx, tenant, rec.Birth, b.Live())
		if err != nil {
			return err
		}
		corr, err := c.rebook(ctx, tx, tenant, old.EmployeeID, c.birthCredits(b.Date))
		if err != nil {
			return err
		}
		if err := c.followClaims(ctx, tx, tenant, birthID, "", "birth.corrected", who, &corr); err != nil {
			return err
		}
		rec.Correction = &corr
		ev := map[string]any{"birth_id": birthID, "employee_id": old.EmployeeID, "version": rec.Birth.Version,
			"old_birth_date": old.BirthDate, "new_birth_date": b.Date, "moved_requests": len(corr.Moved),
			"flagged_requests": len(corr.Flagged), "claims_needing_amendment": len(corr.NeedAmending)}
		if err := tx.Emit(ctx, tenant, "birth.corrected", ev); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "birth.correct", "employee", old.EmployeeID,
			map[string]any{"birth_id": birthID, "version": rec.Birth.Version, "ledger_entries": len(corr.Ledger),
				"children_removed": removed, "children_added": added})
	})
	return rec, err
}

// Birth loads a birth with its version history.
func (c *Cases) Birth(ctx context.Context, tenant, id string) (BirthRecord, []store.BirthVersion, error) {
	var rec BirthRecord
	var versions []store.BirthVersion
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		if rec.Birth, err = tx.Birth(ctx, tenant, id, false); err != nil {
			return err
		}
		if err := json.Unmarshal(rec.Birth.Plan, &rec.Plan); err != nil {
			return err
		}
		versions, err = tx.BirthVersions(ctx, tenant, id)
		return err
	})
	return rec, versions, err
}

func optDate(d leave.Date) *leave.Date {
	if d.IsZero() {
		return nil
	}
	return &d
}

// withBirth adds a just-recorded birth (with its plan) to s's events, in
// date order, and rebuilds the facts from them. Its children need no entry:
// the facts take children of recorded births from the births.
func withBirth(s Subject, b store.Birth, plan json.RawMessage) (Subject, error) {
	b.Plan = plan
	births := make([]store.Birth, 0, len(s.Events.Births)+1)
	births = append(births, s.Events.Births...)
	i := len(births)
	for i > 0 && births[i-1].BirthDate.After(b.BirthDate) {
		i--
	}
	s.Events.Births = slices.Insert(births, i, b)
	var err error
	s.Facts, err = factsOf(s.Employee, s.Events)
	return s, err
}
