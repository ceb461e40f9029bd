package cases

import (
	"context"

	"leaveguard/leave"
	"leaveguard/store"
)

// CorrectMiscarriage replaces a miscarriage's date and gestation (the
// hospital's certificate differs from what was first reported), replans its
// leave (15 or 42 days), rebooks the ledger, follows its allowance claims
// and keeps every version.
func (c *Cases) CorrectMiscarriage(ctx context.Context, tenant string, who store.Who, id string, in MiscarriageInput) (MiscarriageRecord, error) {
	m, err := in.parse()
	if err != nil {
		return MiscarriageRecord{}, err
	}
	var rec MiscarriageRecord
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		old, oldV, err := tx.MiscarriageForUpdate(ctx, tenant, id)
		if err != nil {
			return err
		}
		s, err := c.load(ctx, tx, tenant, old.EmployeeID, true)
		if err != nil {
			return err
		}
		if rec.Plan, err = s.Rules.PlanMiscarriage(m); err != nil {
			return fromDomain(err)
		}
		rec.Miscarriage = old
		rec.Miscarriage.Date, rec.Miscarriage.GestationWeeks, rec.Miscarriage.Plan = m.Date, m.GestationWeeks, mustJSON(rec.Plan)
		if rec.Version, err = tx.CorrectMiscarriage(ctx, tenant, old, oldV, rec.Miscarriage, actor(who)); err != nil {
			return err
		}
		rec.Miscarriage.Version = rec.Version
		corr, err := c.rebook(ctx, tx, tenant, old.EmployeeID, c.creditsOn(m.Date, leave.LeaveMiscarriage))
		if err != nil {
			return err
		}
		if err := c.followClaims(ctx, tx, tenant, "", id, "miscarriage.corrected", who, &corr); err != nil {
			return err
		}
		rec.Correction = &corr
		ev := map[string]any{"miscarriage_id": id, "employee_id": old.EmployeeID, "version": rec.Version,
			"old_date": old.Date, "new_date": m.Date, "old_gestation_weeks": old.GestationWeeks,
			"new_gestation_weeks": m.GestationWeeks, "moved_requests": len(corr.Moved), "flagged_requests": len(corr.Flagged),
			"claims_needing_amendment": len(corr.NeedAmending)}
		if err := tx.Emit(ctx, tenant, "miscarriage.corrected", ev); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "miscarriage.correct", "employee", old.EmployeeID,
			map[string]any{"miscarriage_id": id, "version": rec.Version, "ledger_entries": len(corr.Ledger)})
	})
	return rec, err
}

// MarriageCorrection is a corrected marriage and what the correction changed.
type MarriageCorrection struct {
	Marriage   store.Marriage
	Version    int
	Correction Correction
}

// CorrectMarriage replaces a marriage's registration date: the marriage
// leave of the old date is withdrawn, the new date's credited, approved
// marriage leave moved or flagged; every version is kept.
func (c *Cases) CorrectMarriage(ctx context.Context, tenant string, who store.Who, id string, in MarriageInput) (MarriageCorrection, error) {
	f := Fields{}
	on := f.Date("registered_on", in.RegisteredOn, true)
	if err := f.Err(); err != nil {
		return MarriageCorrection{}, err
	}
	var out MarriageCorrection
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		old, oldV, err := tx.MarriageForUpdate(ctx, tenant, id)
		if err != nil {
			return err
		}
		if _, err := tx.EmployeeForUpdate(ctx, tenant, old.EmployeeID); err != nil {
			return err
		}
		if out.Version, err = tx.CorrectMarriage(ctx, tenant, old, oldV, on, actor(who)); err != nil {
			return err
		}
		out.Marriage = old
		out.Marriage.RegisteredOn = on
		if out.Correction, err = c.rebook(ctx, tx, tenant, old.EmployeeID, c.creditsOn(on, leave.LeaveMarriage)); err != nil {
			return err
		}
		corr := out.Correction
		ev := map[string]any{"marriage_id": id, "employee_id": old.EmployeeID, "version": out.Version,
			"old_registered_on": old.RegisteredOn, "new_registered_on": on,
			"moved_requests": len(corr.Moved), "flagged_requests": len(corr.Flagged)}
		if err := tx.Emit(ctx, tenant, "marriage.corrected", ev); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "marriage.correct", "employee", old.EmployeeID,
			map[string]any{"marriage_id": id, "version": out.Version, "ledger_entries": len(corr.Ledger)})
	})
	return out, err
}

// CorrectPregnancy replaces a pregnancy's dates. It posts nothing to the
// ledger; the protection dates, computed from the facts, follow (the daily
// protection job corrects notices already given); every version is kept.
func (c *Cases) CorrectPregnancy(ctx context.Context, tenant string, who store.Who, id string, in PregnancyInput) (store.Pregnancy, int, error) {
	p, err := in.parse("")
	if err != nil {
		return store.Pregnancy{}, 0, err
	}
	var v int
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		old, oldV, err := tx.PregnancyForUpdate(ctx, tenant, id)
		if err != nil {
			return err
		}
		if _, err := tx.EmployeeForUpdate(ctx, tenant, old.EmployeeID); err != nil {
			return err
		}
		if v, err = tx.CorrectPregnancy(ctx, tenant, old, oldV, p, actor(who)); err != nil {
			return err
		}
		p.ID, p.EmployeeID, p.CreatedAt = old.ID, old.EmployeeID, old.CreatedAt
		ev := map[string]any{"pregnancy_id": id, "employee_id": old.EmployeeID, "version": v,
			"old_reported_on": old.ReportedOn, "new_reported_on": p.ReportedOn,
			"old_expected_due_date": old.ExpectedDueDate, "new_expected_due_date": p.ExpectedDueDate,
			"old_confirmed_start": old.ConfirmedStart, "new_confirmed_start": p.ConfirmedStart}
		if err := tx.Emit(ctx, tenant, "pregnancy.corrected", ev); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "pregnancy.correct", "employee", old.EmployeeID,
			map[string]any{"pregnancy_id": id, "version": v})
	})
	return p, v, err
}
