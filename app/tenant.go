package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/mail"
	"strings"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"

	"leaveguard/app/auth"
	"leaveguard/app/pii"
	"leaveguard/leave"
	"leaveguard/store"
)

// NewTenant is what `leaveguard tenant create` takes.
type NewTenant struct {
	ID            string // optional; a new UUID when empty
	Name          string
	Region        string
	CreditCode    string
	AdminEmail    string
	AdminPassword string
}

// CreatedTenant is what it prints.
type CreatedTenant struct {
	TenantID string `json:"tenant_id"`
	APIKey   string `json:"api_key"`
}

// CreateTenant validates in and creates the tenant, an admin API key and,
// when an e-mail is given, an admin portal user, in one transaction.
func CreateTenant(ctx context.Context, db *sqlx.DB, in NewTenant) (CreatedTenant, error) {
	if err := in.validate(); err != nil {
		return CreatedTenant{}, err
	}
	id := in.ID
	if id == "" {
		id = uuid.NewString()
	}
	key, hash, err := auth.NewAPIKey(id)
	if err != nil {
		return CreatedTenant{}, err
	}
	st := store.New(db)
	err = st.InTx(ctx, id, func(tx *store.Tx) error {
		if err := tx.CreateTenant(ctx, id, store.Tenant{Name: in.Name, CreditCode: in.CreditCode, Region: in.Region}); err != nil {
			return err
		}
		keyID, err := tx.CreateAPIKey(ctx, id, "初始管理员密钥", auth.Admin, hash)
		if err != nil {
			return err
		}
		who := store.Who{ActorType: "system", ActorID: "cli"}
		if err := tx.Audit(ctx, id, who, "api_key.create", "api_key", keyID, map[string]any{"role": auth.Admin}); err != nil {
			return err
		}
		if in.AdminEmail == "" {
			return nil
		}
		return createAdminUser(ctx, tx, id, in.AdminEmail, in.AdminPassword)
	})
	if err != nil {
		return CreatedTenant{}, fmt.Errorf("create tenant: %w", err)
	}
	return CreatedTenant{TenantID: id, APIKey: key}, nil
}

func createAdminUser(ctx context.Context, tx *store.Tx, tenant, email, password string) error {
	h, err := auth.HashPassword(password)
	if err != nil {
		return err
	}
	uid, err := tx.CreateUser(ctx, tenant, store.User{Email: strings.ToLower(email), Name: "管理员", PasswordHash: h, Role: auth.Admin})
	if err != nil {
		return err
	}
	return tx.Audit(ctx, tenant, store.Who{ActorType: "system", ActorID: "cli"}, "user.create", "user", uid, map[string]any{"role": auth.Admin})
}

func (in NewTenant) validate() error {
	var problems []string
	if n := len([]rune(strings.TrimSpace(in.Name))); n == 0 || n > 200 {
		problems = append(problems, "--name 必填（单位名称，最多200字）")
	}
	known := false
	for _, j := range leave.DefaultRuleBook().Jurisdictions() {
		known = known || j.Code == in.Region
	}
	if !known {
		problems = append(problems, fmt.Sprintf("--region %q 不是已支持的地区代码（如 CN-NM-XAM）", in.Region))
	}
	if in.CreditCode != "" {
		if err := pii.ValidateCreditCode(in.CreditCode); err != nil {
			problems = append(problems, "--credit-code: "+err.Error())
		}
	}
	if in.AdminEmail != "" {
		if _, err := mail.ParseAddress(in.AdminEmail); err != nil {
			problems = append(problems, "--admin-email 不是有效的邮箱地址")
		}
		if msg := auth.PasswordProblem(in.AdminPassword, in.AdminEmail, in.Name); msg != "" {
			problems = append(problems, "--admin-password: "+msg)
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: %s", ErrUsage, strings.Join(problems, "；"))
	}
	return nil
}

func writeJSON(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
