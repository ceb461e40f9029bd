package cases

import (
	"context"

	"leaveguard/leave"
	"leaveguard/store"
)

// Timeline is what an employee's page draws of her family events: the
// events as recorded (births and miscarriages with their frozen plans), her
// protected intervals (三期, with their phases), her leave requests and her
// entitlements and balances as of a day.
type Timeline struct {
	Events       store.Events
	Births       []leave.BirthPlan       // in the order of Events.Births
	Miscarriages []leave.MiscarriagePlan // in the order of Events.Miscarriages
	Intervals    []leave.Interval
	Leaves       []store.LeaveRequest
	Entitlements []leave.Item
}

// Timeline loads an employee's family events, protected intervals, leave
// requests and entitlements as of asOf in one transaction (one commit for
// the employee page); the reads of her family facts and of her balances are
// audited, as Events and Entitlements audit them.
func (c *Cases) Timeline(ctx context.Context, tenant string, who store.Who, employeeID string, asOf leave.Date) (Timeline, error) {
	var out Timeline
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		s, err := c.load(ctx, tx, tenant, employeeID, false)
		if err != nil {
			return err
		}
		out.Events, out.Births, out.Miscarriages = s.Events, s.Facts.Births, s.Facts.Miscarriages
		out.Intervals = leave.ProtectedIntervals(s.Facts)
		if out.Leaves, err = tx.LeaveRequests(ctx, tenant, store.LeaveFilter{EmployeeID: employeeID, Limit: 500}); err != nil {
			return err
		}
		if out.Entitlements, err = leave.Entitlements(s.Facts, s.Rules, s.books(c.Calendar), asOf); err != nil {
			return fromDomain(err)
		}
		if err := tx.Audit(ctx, tenant, who, "events.read", "employee", employeeID, nil); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "entitlements.read", "employee", employeeID, nil)
	})
	return out, err
}
