package app

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/jmoiron/sqlx"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/store"
)

// The demo tenant has a fixed id so `leaveguard demo` can run again and again.
const (
	DemoTenantID = "d3e0d3e0-0000-4000-8000-000000000001"
	DemoEmail    = "demo@leaveguard.cn"
	DemoPassword = "Grassland-Horse-2026"
)

func demoCmd(ctx context.Context, cfg Config, out io.Writer) error {
	db, cs, err := openCases(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	key, err := LoadDemo(ctx, db, cs)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, `LeaveGuard 演示租户已就绪：兴安盟示范企业有限公司（%s）
  门户登录：http://localhost%s/login  邮箱 %s  密码 %s
  API 密钥（admin，仅显示这一次）：%s
  试一试：
    curl -H "Authorization: Bearer %s" http://localhost%s/api/v1/employees
    curl -H "Authorization: Bearer %s" http://localhost%s/api/v1/alerts/contract-extensions
    curl -H "Authorization: Bearer %s" http://localhost%s/api/v1/dismissal-checks
  门户中其其格（XA-004）的页面列出政府发放的生育相关待遇清单（含办理期限）和个税扣除比例提醒；
  合规检查记录中有一次依劳动合同法第四十四条（提前解散）终止的检查：产期内需复核，并须支付经济补偿。
  导入员工：门户 员工 → 导入，上传示例文件 docs/samples/employees-import.xlsx（先“检查”，再“导入”），
    或 leaveguard import employees docs/samples/employees-import.xlsx --tenant %s --dry-run
`, DemoTenantID, cfg.Addr, DemoEmail, DemoPassword, key, key, cfg.Addr, key, cfg.Addr, key, cfg.Addr, DemoTenantID)
	return nil
}

// LoadDemo creates the demo tenant and its data when absent and returns a
// fresh admin API key for it.
func LoadDemo(ctx context.Context, db *sqlx.DB, cs *cases.Cases) (string, error) {
	err := cs.Store.ReadTx(ctx, DemoTenantID, func(tx *store.Tx) error {
		_, err := tx.Tenant(ctx, DemoTenantID)
		return err
	})
	if errors.Is(err, store.ErrNotFound) {
		res, err := CreateTenant(ctx, db, NewTenant{ID: DemoTenantID, Name: "兴安盟示范企业有限公司", Region: "CN-NM-XAM",
			CreditCode: "91152200MA0N000011", AdminEmail: DemoEmail, AdminPassword: DemoPassword})
		if err != nil {
			return "", err
		}
		if err := seedDemo(ctx, cs); err != nil {
			return "", fmt.Errorf("demo data: %w", err)
		}
		return res.APIKey, nil
	}
	if err != nil {
		return "", err
	}
	key, hash, err := auth.NewAPIKey(DemoTenantID)
	if err != nil {
		return "", err
	}
	err = cs.Store.InTx(ctx, DemoTenantID, func(tx *store.Tx) error {
		_, err := tx.CreateAPIKey(ctx, DemoTenantID, "演示密钥", auth.Admin, hash)
		return err
	})
	return key, err
}
