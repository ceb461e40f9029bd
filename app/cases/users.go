package cases

import (
	"context"
	"crypto/rand"
	"net/mail"
	"strings"

	"leaveguard/app/auth"
	"leaveguard/store"
)

// UserInput is the staff-invitation form: Password empty means "generate a
// one-time initial password".
type UserInput struct {
	Email    string
	Name     string
	Role     string
	Password string
}

// InviteUser creates a portal user in tenant. The initial password (given,
// or generated when in.Password is empty) must be changed at first login;
// it is returned so the admin can hand it over, and is never stored in clear.
func (c *Cases) InviteUser(ctx context.Context, tenant string, who store.Who, in UserInput) (id, password string, err error) {
	f := Fields{}
	email := strings.ToLower(strings.TrimSpace(in.Email))
	if a, err := mail.ParseAddress(email); email == "" || err != nil || a.Address != email || len(email) > 254 {
		f["email"] = "请输入有效的邮箱地址，如 hr@example.com"
	}
	name := f.Text("name", &in.Name, true, 100)
	if !auth.ValidRole(in.Role) {
		f["role"] = "请选择角色"
	}
	password = in.Password
	if password == "" {
		password = OneTimePassword()
	} else {
		checkNewPassword(f, "password", password, email, name)
	}
	if err := f.Err(); err != nil {
		return "", "", err
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return "", "", err
	}
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		u := store.StaffUser{User: store.User{Email: email, Name: name, PasswordHash: hash, Role: in.Role}, MustChangePassword: true}
		if id, err = tx.InviteUser(ctx, tenant, u); err != nil {
			if store.ConflictOn(err, "users_email") {
				return &Error{Kind: Conflict, Code: "user_exists", Message: "该邮箱在本单位已有账号",
					Fields: map[string]string{"email": "该邮箱在本单位已有账号"}}
			}
			return err
		}
		return tx.Audit(ctx, tenant, who, "user.create", "user", id, map[string]any{"role": in.Role})
	})
	if err != nil {
		return "", "", err
	}
	return id, password, nil
}

// SetUserRole gives user id the role. Nobody changes their own role, and
// the last enabled admin stays an admin.
func (c *Cases) SetUserRole(ctx context.Context, tenant string, who store.Who, id, role string) error {
	if !auth.ValidRole(role) {
		return &Error{Kind: Invalid, Code: "validation_failed", Message: "请选择角色", Fields: map[string]string{"role": "请选择角色"}}
	}
	if id == who.ActorID {
		return Fail(Unprocessable, "own_account", "不能修改自己的角色，请让另一位管理员操作")
	}
	return c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		u, err := tx.StaffUser(ctx, tenant, id)
		if err != nil {
			return err
		}
		if u.Role == role {
			return nil
		}
		if err := keepAnAdmin(ctx, tx, tenant, u); err != nil {
			return err
		}
		if err := tx.SetUserRole(ctx, tenant, id, role); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "user.role_change", "user", id, map[string]any{"from": u.Role, "to": role})
	})
}

// SetUserDisabled disables (or re-enables) user id. Nobody disables their
// own account, and the last enabled admin stays enabled. The caller ends the
// user's sessions.
func (c *Cases) SetUserDisabled(ctx context.Context, tenant string, who store.Who, id string, disabled bool) error {
	if id == who.ActorID && disabled {
		return Fail(Unprocessable, "own_account", "不能停用自己的账号，请让另一位管理员操作")
	}
	return c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		u, err := tx.StaffUser(ctx, tenant, id)
		if err != nil {
			return err
		}
		if u.Disabled == disabled {
			return nil
		}
		if disabled {
			if err := keepAnAdmin(ctx, tx, tenant, u); err != nil {
				return err
			}
		}
		if err := tx.SetUserDisabled(ctx, tenant, id, disabled); err != nil {
			return err
		}
		action := map[bool]string{true: "user.disable", false: "user.enable"}[disabled]
		return tx.Audit(ctx, tenant, who, action, "user", id, nil)
	})
}

// ResetPassword gives user id a new one-time password (returned, to be
// handed over) that must be changed at the next login.
func (c *Cases) ResetPassword(ctx context.Context, tenant string, who store.Who, id string) (string, error) {
	pw := OneTimePassword()
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return "", err
	}
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		if err := tx.SetUserPassword(ctx, tenant, id, hash, true); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "user.password_reset", "user", id, nil)
	})
	if err != nil {
		return "", err
	}
	return pw, nil
}

func keepAnAdmin(ctx context.Context, tx *store.Tx, tenant string, u store.StaffUser) error {
	if u.Role != auth.Admin || u.Disabled {
		return nil
	}
	n, err := tx.CountActiveAdmins(ctx, tenant)
	if err != nil {
		return err
	}
	if n <= 1 {
		return Fail(Unprocessable, "last_admin", "这是本单位唯一的管理员账号，请先指定另一位管理员")
	}
	return nil
}

// OneTimePassword returns a random initial password like "k7Qm-3xPz-9aRt-Wn4e"
// (about 95 bits, no look-alike characters).
func OneTimePassword() string {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
	var sb strings.Builder
	buf := make([]byte, 1)
	for n := 0; n < 16; {
		_, _ = rand.Read(buf)
		if int(buf[0]) >= 256/len(alphabet)*len(alphabet) {
			continue // rejection keeps every character equally likely
		}
		if n > 0 && n%4 == 0 {
			sb.WriteByte('-')
		}
		sb.WriteByte(alphabet[int(buf[0])%len(alphabet)])
		n++
	}
	return sb.String()
}
