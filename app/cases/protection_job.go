package cases

import (
	"context"
	"fmt"

	"leaveguard/leave"
	"leaveguard/store"
)

// ProtectionJob is the name of the daily protected-period job.
const ProtectionJob = "protection.daily"

// RunProtectionJob raises, once per employee and protected interval, the
// events protection.started, protection.ended and
// contract.extension_required, for every tenant not yet done today, after
// settling the wage changes scheduled for a day up to today and
// anonymising the former employees past retention (retention.go). A notice whose
// dates moved (corrected facts or rules) is corrected: the standing one is
// superseded and the correction raised as an event of the same type, so one
// answer stands (protection_correct.go). Several instances may run it at
// once: each tenant is claimed with SKIP LOCKED and the notices' unique key
// makes each event happen exactly once. It returns the number of events
// raised, corrections included.
func (c *Cases) RunProtectionJob(ctx context.Context, today leave.Date) (int, error) {
	tenants, err := c.Store.TenantIDs(ctx)
	if err != nil {
		return 0, err
	}
	total := 0
	for _, tenant := range tenants {
		n, err := c.protectionJobFor(ctx, tenant, today)
		if err != nil {
			return total, fmt.Errorf("protection job, tenant %s: %w", tenant, err)
		}
		total += n
	}
	return total, nil
}

// RunProtectionJobFor runs the daily job for one tenant only (tests that
// must not touch other tenants' runs); see RunProtectionJob.
func (c *Cases) RunProtectionJobFor(ctx context.Context, tenant string, today leave.Date) (int, error) {
	return c.protectionJobFor(ctx, tenant, today)
}

func (c *Cases) protectionJobFor(ctx context.Context, tenant string, today leave.Date) (int, error) {
	raised := 0
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		raised = 0 // the store may run this again after a deadlock
		mine, err := tx.ClaimTenantJob(ctx, tenant, ProtectionJob, today)
		if err != nil || !mine {
			return err
		}
		if _, err := c.applyDueWages(ctx, tx, tenant, today); err != nil {
			return err
		}
		if _, err := anonymiseDue(ctx, tx, tenant, today); err != nil {
			return err
		}
		rows, err := tx.ProtectedCandidates(ctx, tenant)
		if err != nil {
			return err
		}
		current, err := tx.CurrentNotices(ctx, tenant)
		if err != nil {
			return err
		}
		for _, pf := range rows {
			if leftBefore(pf.Employee, today) {
				continue // a former employee: no alerts after her last day
			}
			n, err := raiseNotices(ctx, tx, tenant, pf, today, current[pf.ID])
			if err != nil {
				return err
			}
			raised += n
		}
		return nil
	})
	return raised, err
}

// dueNotice is a notice the facts call for today: its kind, the first day
// of its protected interval (the key) and that interval's last day.
type dueNotice struct {
	kind     string
	from, to leave.Date
	payload  map[string]any
}

// raiseNotices raises the notices due for one employee as of today and
// corrects or retracts her standing ones (current) that no longer hold.
func raiseNotices(ctx context.Context, tx *store.Tx, tenant string, pf store.ProtectionFacts, today leave.Date, current []store.Notice) (int, error) {
	f, err := protectionFacts(pf)
	if err != nil {
		return 0, err
	}
	var due []dueNotice
	for _, iv := range leave.ProtectedIntervals(f) {
		base := map[string]any{"employee_id": pf.ID, "protected_from": iv.From, "protected_until": iv.To,
			"protected_until_estimated": iv.Estimated}
		if !iv.From.After(today) {
			due = append(due, dueNotice{"protection.started", iv.From, iv.To, base})
		}
		if iv.To.Before(today) {
			due = append(due, dueNotice{"protection.ended", iv.From, iv.To, base})
		}
	}
	if x, from, ok, err := extensionOf(pf, today); err != nil {
		return 0, err
	} else if ok {
		due = append(due, dueNotice{"contract.extension_required", from, x.ExtendedContractEnd, map[string]any{"employee_id": pf.ID,
			"contract_end": x.ContractEnd, "extended_contract_end": x.ExtendedContractEnd,
			"protected_until_estimated": x.UntilEstimated, "basis": x.Basis}})
	}
	extensionOpen := pf.ContractEnd != nil && !pf.ContractEnd.Before(today)
	return settleNotices(ctx, tx, tenant, pf.ID, due, current, extensionOpen)
}
