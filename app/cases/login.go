package cases

import (
	"context"
	"errors"
	"sync"

	"leaveguard/app/auth"
	"leaveguard/store"
)

// LoginMatch is a user whose password was proven at login, with the tenant
// it belongs to.
type LoginMatch struct {
	Tenant store.Tenant
	User   store.StaffUser
}

// maxLoginCandidates bounds the password checks one login attempt may cost.
const maxLoginCandidates = 5

// MinPasswordLen is the shortest password a portal user may choose.
const MinPasswordLen = auth.MinPasswordLen

var (
	dummyOnce sync.Once
	dummyHash string
)

// Login checks email and password against every enabled user with that
// e-mail (found across tenants by the login_lookup function, then loaded in
// its own tenant's transaction) and returns those whose password matches:
// none, one, or several when the same person has accounts at several
// employers. An unknown e-mail costs one password check too, so the answer
// time does not tell whether the e-mail exists.
func (c *Cases) Login(ctx context.Context, email, password string) ([]LoginMatch, error) {
	cands, err := c.Store.LoginCandidates(ctx, email)
	if err != nil {
		return nil, err
	}
	if len(cands) == 0 {
		dummyOnce.Do(func() { dummyHash, _ = auth.HashPassword("leaveguard-timing-equaliser") })
		_, _ = auth.CheckPassword(dummyHash, password)
		return nil, nil
	}
	var out []LoginMatch
	for i, cand := range cands {
		if i == maxLoginCandidates {
			break
		}
		var m LoginMatch
		err := c.Store.ReadTx(ctx, cand.TenantID, func(tx *store.Tx) error {
			var err error
			if m.User, err = tx.StaffUser(ctx, cand.TenantID, cand.UserID); err != nil {
				return err
			}
			m.Tenant, err = tx.Tenant(ctx, cand.TenantID)
			return err
		})
		if errors.Is(err, store.ErrNotFound) {
			continue // disabled or removed since the lookup
		}
		if err != nil {
			return nil, err
		}
		if ok, _ := auth.CheckPassword(m.User.PasswordHash, password); ok && !m.User.Disabled {
			m.User.PasswordHash = ""
			out = append(out, m)
		}
	}
	return out, nil
}

// RecordLogin audits a successful login (or logout, with action
// "user.logout") of user in tenant.
func (c *Cases) RecordLogin(ctx context.Context, tenant string, who store.Who, action string) error {
	return c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		return tx.Audit(ctx, tenant, who, action, "user", who.ActorID, nil)
	})
}

// SessionUser loads a signed-in user for the portal's periodic check that
// the account still exists and is enabled (and its current role).
func (c *Cases) SessionUser(ctx context.Context, tenant, id string) (store.StaffUser, error) {
	var u store.StaffUser
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		u, err = tx.StaffUser(ctx, tenant, id)
		return err
	})
	u.PasswordHash = ""
	return u, err
}

// ChangePassword replaces the password of the signed-in user (who) after
// checking the current one; the new one must pass auth.PasswordProblem.
func (c *Cases) ChangePassword(ctx context.Context, tenant string, who store.Who, current, next, confirm string) error {
	var me store.StaffUser
	if err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		me, err = tx.StaffUser(ctx, tenant, who.ActorID)
		return err
	}); err != nil {
		return err
	}
	f := Fields{}
	if current == "" {
		f["current_password"] = "请输入当前密码"
	}
	checkNewPassword(f, "new_password", next, me.Email, me.Name)
	if next != confirm && f["new_password"] == "" {
		f["confirm_password"] = "两次输入的新密码不一致"
	}
	if err := f.Err(); err != nil {
		return err
	}
	hash, err := auth.HashPassword(next)
	if err != nil {
		return err
	}
	return c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		u, err := tx.StaffUser(ctx, tenant, who.ActorID)
		if err != nil {
			return err
		}
		if ok, _ := auth.CheckPassword(u.PasswordHash, current); !ok {
			return &Error{Kind: Invalid, Code: "wrong_password", Message: "当前密码不正确",
				Fields: map[string]string{"current_password": "当前密码不正确"}}
		}
		if ok, _ := auth.CheckPassword(u.PasswordHash, next); ok {
			return &Error{Kind: Invalid, Code: "same_password", Message: "新密码不能与当前密码相同",
				Fields: map[string]string{"new_password": "新密码不能与当前密码相同"}}
		}
		if err := tx.SetUserPassword(ctx, tenant, u.ID, hash, false); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "user.password_change", "user", u.ID, nil)
	})
}

// checkNewPassword applies the password policy (auth.PasswordProblem) to
// a password being set, with the words it must not lean on.
func checkNewPassword(f Fields, field, pw string, related ...string) {
	if msg := auth.PasswordProblem(pw, related...); msg != "" {
		f[field] = msg
	}
}
