package store

import (
	"context"
	"fmt"
	"time"
)

// LoginCandidate is one enabled user with a given e-mail, in some tenant:
// only ids, from the login_lookup function.
type LoginCandidate struct {
	TenantID string `db:"tenant_id"`
	UserID   string `db:"user_id"`
}

// LoginCandidates returns the enabled users with this e-mail across tenants
// (at most 10). It is the portal login's one cross-tenant query and goes
// through the narrow SECURITY DEFINER function login_lookup.
func (s *Store) LoginCandidates(ctx context.Context, email string) ([]LoginCandidate, error) {
	const q = `SELECT tenant_id, user_id FROM login_lookup($1)`
	var out []LoginCandidate
	if err := s.db.SelectContext(ctx, &out, q, email); err != nil {
		return nil, fmt.Errorf("store: login lookup: %w", err)
	}
	return out, nil
}

// StaffUser is a user as the portal sees it, with its first-login flag.
type StaffUser struct {
	User
	MustChangePassword bool `db:"must_change_password"`
}

const staffCols = `id, email, name, password_hash, role, disabled, created_at, must_change_password`

// StaffUser loads one user of the tenant.
func (t *Tx) StaffUser(ctx context.Context, tenant, id string) (StaffUser, error) {
	if err := t.check(tenant); err != nil {
		return StaffUser{}, err
	}
	const q = `SELECT ` + staffCols + ` FROM users WHERE tenant_id = $1 AND id = $2`
	var u StaffUser
	if err := t.tx.GetContext(ctx, &u, q, tenant, id); err != nil {
		return StaffUser{}, fmt.Errorf("store: user: %w", mapErr(err))
	}
	return u, nil
}

// UserFilter narrows a user listing. After* is the keyset cursor.
type UserFilter struct {
	Query     string // substring of the e-mail or name
	Role      string
	Status    string // "", "enabled" or "disabled"
	AfterTime time.Time
	AfterID   string
	Limit     int
}

// StaffUsers lists the tenant's users in creation order, one page at a time.
func (t *Tx) StaffUsers(ctx context.Context, tenant string, f UserFilter) ([]StaffUser, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT ` + staffCols + ` FROM users
		WHERE tenant_id = :tenant_id
		  AND (:role = '' OR role = :role)
		  AND (:status = '' OR disabled = (:status = 'disabled'))
		  AND (:query = '' OR email ILIKE '%' || :query || '%' OR name ILIKE '%' || :query || '%')
		  AND (:after_id = '' OR (created_at, id) > (:after_time, CAST(NULLIF(:after_id, '') AS uuid)))
		ORDER BY created_at, id
		LIMIT :limit`
	args := map[string]any{"tenant_id": tenant, "role": f.Role, "status": f.Status, "query": escapeLike(f.Query),
		"after_time": f.AfterTime, "after_id": f.AfterID, "limit": f.Limit}
	rows, err := sqlxNamedQuery(ctx, t, q, args)
	if err != nil {
		return nil, fmt.Errorf("store: users: %w", mapErr(err))
	}
	defer rows.Close()
	var out []StaffUser
	for rows.Next() {
		var u StaffUser
		if err := rows.StructScan(&u); err != nil {
			return nil, fmt.Errorf("store: scan users: %w", err)
		}
		out = append(out, u)
	}
	return out, mapErr(rows.Err())
}

// UserNames maps the ids of every user of the tenant to a display name
// (name, else e-mail), for audit trails.
func (t *Tx) UserNames(ctx context.Context, tenant string) (map[string]string, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `SELECT id, CASE WHEN name = '' THEN email ELSE name END AS name FROM users WHERE tenant_id = $1`
	var rows []struct {
		ID   string `db:"id"`
		Name string `db:"name"`
	}
	if err := t.tx.SelectContext(ctx, &rows, q, tenant); err != nil {
		return nil, fmt.Errorf("store: user names: %w", err)
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.ID] = r.Name
	}
	return out, nil
}

// InviteUser inserts a user whose password must be changed at first login.
func (t *Tx) InviteUser(ctx context.Context, tenant string, u StaffUser) (string, error) {
	if err := t.check(tenant); err != nil {
		return "", err
	}
	const q = `
		INSERT INTO users (tenant_id, email, name, password_hash, role, must_change_password)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`
	var id string
	err := t.tx.QueryRowxContext(ctx, q, tenant, u.Email, u.Name, u.PasswordHash, u.Role, u.MustChangePassword).Scan(&id)
	if err != nil {
		return "", fmt.Errorf("store: invite user: %w", mapErr(err))
	}
	return id, nil
}

// SetUserRole changes a user's role.
func (t *Tx) SetUserRole(ctx context.Context, tenant, id, role string) error {
	const q = `UPDATE users SET role = $3 WHERE tenant_id = $1 AND id = $2`
	return t.execOne(ctx, "set user role", q, tenant, id, role)
}

// SetUserDisabled disables or re-enables a user.
func (t *Tx) SetUserDisabled(ctx context.Context, tenant, id string, disabled bool) error {
	const q = `UPDATE users SET disabled = $3 WHERE tenant_id = $1 AND id = $2`
	return t.execOne(ctx, "set user disabled", q, tenant, id, disabled)
}

// SetUserPassword stores a new password hash and whether it must be changed
// at the next login.
func (t *Tx) SetUserPassword(ctx context.Context, tenant, id, hash string, mustChange bool) error {
	const q = `UPDATE users SET password_hash = $3, must_change_password = $4 WHERE tenant_id = $1 AND id = $2`
	return t.execOne(ctx, "set user password", q, tenant, id, hash, mustChange)
}

// CountActiveAdmins counts the tenant's enabled admins.
func (t *Tx) CountActiveAdmins(ctx context.Context, tenant string) (int, error) {
	if err := t.check(tenant); err != nil {
		return 0, err
	}
	const q = `SELECT count(*) FROM users WHERE tenant_id = $1 AND role = 'admin' AND NOT disabled`
	var n int
	if err := t.tx.GetContext(ctx, &n, q, tenant); err != nil {
		return 0, fmt.Errorf("store: count admins: %w", err)
	}
	return n, nil
}

// execOne runs a tenant-first UPDATE that must touch exactly one row.
func (t *Tx) execOne(ctx context.Context, op, q, tenant string, args ...any) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	res, err := t.tx.ExecContext(ctx, q, append([]any{tenant}, args...)...)
	if err != nil {
		return fmt.Errorf("store: %s: %w", op, mapErr(err))
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("store: %s: %w", op, ErrNotFound)
	}
	return nil
}
