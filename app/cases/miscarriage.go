package cases

import (
	"context"
	"encoding/json"

	"leaveguard/leave"
	"leaveguard/store"
)

// MiscarriageInput is the body of POST /employees/{id}/miscarriages.
type MiscarriageInput struct {
	Date           *string      `json:"date"`
	GestationWeeks *int         `json:"gestation_weeks"`
	Notice         *NoticeInput `json:"notice,omitempty"` // read when recorded, not on a correction
}

// MiscarriageRecord is a recorded miscarriage and its leave plan.
type MiscarriageRecord struct {
	Miscarriage store.Miscarriage
	Plan        leave.MiscarriagePlan
	Version     int
	History     []store.FactVersion // every version, once corrected (none before)
	Correction  *Correction         // what a correction changed besides the miscarriage
}

func (in MiscarriageInput) parse() (leave.Miscarriage, error) {
	f := Fields{}
	m := leave.Miscarriage{Date: f.Date("date", in.Date, true)}
	switch {
	case in.GestationWeeks == nil:
		f["gestation_weeks"] = "必填：孕周（整数）"
	case *in.GestationWeeks < 1 || *in.GestationWeeks > 45:
		f["gestation_weeks"] = "孕周须为 1 到 45 之间的整数"
	default:
		m.GestationWeeks = *in.GestationWeeks
	}
	return m, f.Err()
}

// RecordMiscarriage records a miscarriage of a female employee and freezes
// her miscarriage-leave plan (15 days under 16 weeks, else 42).
func (c *Cases) RecordMiscarriage(ctx context.Context, tenant string, who store.Who, employeeID string, in MiscarriageInput) (MiscarriageRecord, error) {
	m, err := in.parse()
	if err != nil {
		return MiscarriageRecord{}, err
	}
	nf := Fields{}
	notice := in.Notice.parse(nf, "notice.", c.Today())
	if err := nf.Err(); err != nil {
		return MiscarriageRecord{}, err
	}
	var rec MiscarriageRecord
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		s, err := c.load(ctx, tx, tenant, employeeID, true)
		if err != nil {
			return err
		}
		if s.Employee.Gender != "female" {
			return Fail(Unprocessable, "not_eligible", "只能为女职工登记流产")
		}
		if rec.Plan, err = s.Rules.PlanMiscarriage(m); err != nil {
			return fromDomain(err)
		}
		row := store.Miscarriage{EmployeeID: employeeID, Date: m.Date, GestationWeeks: m.GestationWeeks, Plan: mustJSON(rec.Plan)}
		if rec.Miscarriage, err = tx.CreateMiscarriage(ctx, tenant, row); err != nil {
			return err
		}
		if _, err := addNotice(ctx, tx, tenant, who, employeeID, "miscarriage", rec.Miscarriage.ID, notice); err != nil {
			return err
		}
		if _, err := c.postCredits(ctx, tx, tenant, employeeID, m.Date, leave.LeaveMiscarriage); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "miscarriage.create", "employee", employeeID,
			map[string]any{"miscarriage_id": rec.Miscarriage.ID})
	})
	return rec, err
}

// Miscarriage loads one miscarriage with its plan and version history.
func (c *Cases) Miscarriage(ctx context.Context, tenant, id string) (MiscarriageRecord, error) {
	var rec MiscarriageRecord
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		if rec.Miscarriage, err = tx.Miscarriage(ctx, tenant, id); err != nil {
			return err
		}
		rec.Version = rec.Miscarriage.Version
		if rec.History, err = tx.FactVersions(ctx, tenant, "miscarriage", id); err != nil {
			return err
		}
		return json.Unmarshal(rec.Miscarriage.Plan, &rec.Plan)
	})
	return rec, err
}
