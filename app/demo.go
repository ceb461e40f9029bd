package app

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/jmoiron/sqlx"

	"leaveguard/app/auth"
	"leaveguard/app/pii"
	"leaveguard/leave"
	"leaveguard/store"
)

// The demo tenant has a fixed id so `leaveguard demo` can run again and again.
const (
	DemoTenantID = "d3e0d3e0-0000-4000-8000-000000000001"
	DemoEmail    = "demo@leaveguard.cn"
	DemoPassword = "LeaveGuard-2026"
)

type demoEmployee struct {
	ext, name, gender, birth string
	wage                     int64
	insured                  bool
	contractEnd              string
}

var demoEmployees = []demoEmployee{
	{"XA-001", "乌兰托娅", "female", "19930412", 720000, true, "2027-03-31"},
	{"XA-002", "李海燕", "female", "19900218", 900000, true, ""},
	{"XA-003", "张伟", "male", "19880705", 650000, true, "2028-06-30"},
	{"XA-004", "其其格", "female", "19951123", 560000, false, "2026-12-31"},
	{"XA-005", "王丽娜", "female", "19870901", 810000, true, ""},
	{"XA-006", "巴特尔", "male", "19920310", 700000, true, ""},
}

func demoCmd(ctx context.Context, cfg Config, out io.Writer) error {
	db, err := OpenDB(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	cipher, err := pii.NewCipher(cfg.SecretKey)
	if err != nil {
		return err
	}
	key, err := LoadDemo(ctx, db, cipher)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, `LeaveGuard 演示租户已就绪：兴安盟示范企业（%s）
  门户登录：http://localhost%s/  邮箱 %s  密码 %s
  API 密钥（admin）：%s
  试一试：curl -H "Authorization: Bearer %s" http://localhost%s/api/v1/employees
`, DemoTenantID, cfg.Addr, DemoEmail, DemoPassword, key, key, cfg.Addr)
	return nil
}

// LoadDemo creates the demo tenant and its data when absent and returns a
// fresh admin API key for it.
func LoadDemo(ctx context.Context, db *sqlx.DB, cipher *pii.Cipher) (string, error) {
	st := store.New(db)
	err := st.ReadTx(ctx, DemoTenantID, func(tx *store.Tx) error {
		_, err := tx.Tenant(ctx, DemoTenantID)
		return err
	})
	if errors.Is(err, store.ErrNotFound) {
		res, err := CreateTenant(ctx, db, NewTenant{ID: DemoTenantID, Name: "兴安盟示范企业有限公司", Region: "CN-NM-XAM",
			CreditCode: "91152200MA0N000011", AdminEmail: DemoEmail, AdminPassword: DemoPassword})
		if err != nil {
			return "", err
		}
		return res.APIKey, seedDemo(ctx, st, cipher)
	}
	if err != nil {
		return "", err
	}
	key, hash, err := auth.NewAPIKey(DemoTenantID)
	if err != nil {
		return "", err
	}
	err = st.InTx(ctx, DemoTenantID, func(tx *store.Tx) error {
		_, err := tx.CreateAPIKey(ctx, DemoTenantID, "演示密钥", "admin", hash)
		return err
	})
	return key, err
}

func seedDemo(ctx context.Context, st *store.Store, cipher *pii.Cipher) error {
	who := store.Who{ActorType: "system", ActorID: "demo"}
	return st.InTx(ctx, DemoTenantID, func(tx *store.Tx) error {
		for i, d := range demoEmployees {
			id := pii.MakeNationalID("152201", d.birth, 10+i*2+map[string]int{"female": 0, "male": 1}[d.gender])
			enc, err := cipher.Encrypt([]byte(id))
			if err != nil {
				return err
			}
			e := store.Employee{ExternalID: d.ext, Name: d.name, Gender: d.gender, NationalIDEnc: enc,
				NationalIDHash: cipher.Hash(id), NationalIDMasked: pii.MaskNationalID(id),
				HiredOn: leave.MustDate("2019-03-01"), MonthlyWageFen: d.wage, MaternityInsured: d.insured}
			if d.contractEnd != "" {
				ce := leave.MustDate(d.contractEnd)
				e.ContractEnd = &ce
			}
			created, err := tx.CreateEmployee(ctx, DemoTenantID, e)
			if err != nil {
				return fmt.Errorf("demo employee %s: %w", d.ext, err)
			}
			if err := tx.Audit(ctx, DemoTenantID, who, "employee.create", "employee", created.ID, nil); err != nil {
				return err
			}
		}
		return nil
	})
}
