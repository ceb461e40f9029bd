package cases

import (
	"context"
	"errors"

	"leaveguard/store"
)

// The reads below serve the portal's pages. They are not audited: they show
// counts, staff accounts, names and the audit log itself, or a record that a
// form is about to change (the change is audited).

// read runs fn in a read-only tenant transaction and returns its value.
func read[T any](ctx context.Context, c *Cases, tenant string, fn func(*store.Tx) (T, error)) (T, error) {
	var out T
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		out, err = fn(tx)
		return err
	})
	return out, err
}

// EmployeeCounts counts the tenant's employees, all and female.
func (c *Cases) EmployeeCounts(ctx context.Context, tenant string) (store.EmployeeCounts, error) {
	return read(ctx, c, tenant, func(tx *store.Tx) (store.EmployeeCounts, error) {
		return tx.CountEmployeesByGender(ctx, tenant)
	})
}

// EmployeeForEdit loads the employee that an edit form changes; the change
// itself (UpdateEmployee) is audited.
func (c *Cases) EmployeeForEdit(ctx context.Context, tenant, id string) (store.Employee, error) {
	return read(ctx, c, tenant, func(tx *store.Tx) (store.Employee, error) { return tx.Employee(ctx, tenant, id) })
}

// EmployeeIDByExternal returns the id of the employee whose 员工编号 is ext,
// or "" when there is none.
func (c *Cases) EmployeeIDByExternal(ctx context.Context, tenant, ext string) (string, error) {
	return read(ctx, c, tenant, func(tx *store.Tx) (string, error) {
		e, err := tx.EmployeeByExternalID(ctx, tenant, ext)
		if errors.Is(err, store.ErrNotFound) {
			return "", nil
		}
		return e.ID, err
	})
}

// EmployeeLabels names the tenant's employees among ids.
func (c *Cases) EmployeeLabels(ctx context.Context, tenant string, ids []string) (map[string]store.EmployeeLabel, error) {
	return read(ctx, c, tenant, func(tx *store.Tx) (map[string]store.EmployeeLabel, error) {
		return tx.EmployeeLabels(ctx, tenant, ids)
	})
}

// UserNames maps the tenant's user ids to their names.
func (c *Cases) UserNames(ctx context.Context, tenant string) (map[string]string, error) {
	return read(ctx, c, tenant, func(tx *store.Tx) (map[string]string, error) { return tx.UserNames(ctx, tenant) })
}

// StaffUsers lists the tenant's staff accounts matching f.
func (c *Cases) StaffUsers(ctx context.Context, tenant string, f store.UserFilter) ([]store.StaffUser, error) {
	return read(ctx, c, tenant, func(tx *store.Tx) ([]store.StaffUser, error) { return tx.StaffUsers(ctx, tenant, f) })
}

// StaffUser loads one staff account, without its password hash.
func (c *Cases) StaffUser(ctx context.Context, tenant, id string) (store.StaffUser, error) {
	u, err := read(ctx, c, tenant, func(tx *store.Tx) (store.StaffUser, error) { return tx.StaffUser(ctx, tenant, id) })
	u.PasswordHash = ""
	return u, err
}

// AuditLog returns the tenant's audit entries matching f with the names of
// the users among their actors.
func (c *Cases) AuditLog(ctx context.Context, tenant string, f store.AuditFilter) ([]store.AuditEntry, map[string]string, error) {
	var entries []store.AuditEntry
	var names map[string]string
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		if entries, err = tx.AuditLog(ctx, tenant, f); err != nil {
			return err
		}
		names, err = tx.UserNames(ctx, tenant)
		return err
	})
	return entries, names, err
}
