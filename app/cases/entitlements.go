package cases

import (
	"context"

	"leaveguard/leave"
	"leaveguard/store"
)

// Entitlements lists an employee's entitlements and balances as of asOf;
// the read of her family facts is audited.
func (c *Cases) Entitlements(ctx context.Context, tenant string, who store.Who, employeeID string, asOf leave.Date) ([]leave.Item, error) {
	var items []leave.Item
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		s, err := c.load(ctx, tx, tenant, employeeID, false)
		if err != nil {
			return err
		}
		if items, err = leave.Entitlements(s.Facts, s.Rules, s.books(c.Calendar), asOf); err != nil {
			return fromDomain(err)
		}
		return tx.Audit(ctx, tenant, who, "entitlements.read", "employee", employeeID, nil)
	})
	return items, err
}

// Protection is an employee's protected-period status as of asOf.
func (c *Cases) Protection(ctx context.Context, tenant string, who store.Who, employeeID string, asOf leave.Date) (leave.Protection, error) {
	var p leave.Protection
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		s, err := c.load(ctx, tx, tenant, employeeID, false)
		if err != nil {
			return err
		}
		p = leave.ProtectionOn(s.Facts, asOf)
		return tx.Audit(ctx, tenant, who, "protection.read", "employee", employeeID, nil)
	})
	return p, err
}

// Ledger lists an employee's leave ledger.
func (c *Cases) Ledger(ctx context.Context, tenant string, who store.Who, employeeID string) ([]store.LedgerEntry, error) {
	var out []store.LedgerEntry
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		if _, err := tx.Employee(ctx, tenant, employeeID); err != nil {
			return err
		}
		var err error
		if out, err = tx.Ledger(ctx, tenant, employeeID); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "ledger.read", "employee", employeeID, nil)
	})
	return out, err
}

// Events lists an employee's recorded family events.
func (c *Cases) Events(ctx context.Context, tenant string, who store.Who, employeeID string) (store.Events, error) {
	var ev store.Events
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		if _, err := tx.Employee(ctx, tenant, employeeID); err != nil {
			return err
		}
		var err error
		if ev, err = tx.EmployeeEvents(ctx, tenant, employeeID); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "events.read", "employee", employeeID, nil)
	})
	return ev, err
}
