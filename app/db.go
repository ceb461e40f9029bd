package app

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq" // the PostgreSQL driver

	"leaveguard/migrations"
)

// OpenDB connects to url with a bounded pool and checks it answers.
func OpenDB(ctx context.Context, url string) (*sqlx.DB, error) {
	db, err := sqlx.Open("postgres", url)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(20)
	db.SetConnMaxIdleTime(5 * time.Minute)
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("无法连接 PostgreSQL（%s）：%w", maskURL(url), err)
	}
	return db, nil
}

// CheckAppRole refuses a role that would bypass row-level security.
func CheckAppRole(ctx context.Context, db *sqlx.DB) error {
	var super, bypass bool
	var name string
	const q = `SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`
	if err := db.QueryRowxContext(ctx, q).Scan(&name, &super, &bypass); err != nil {
		return fmt.Errorf("check database role: %w", err)
	}
	if super || bypass {
		return fmt.Errorf("拒绝启动：数据库角色 %q 是超级用户或拥有 BYPASSRLS，会绕过行级安全（租户隔离）。"+
			"请让 LEAVEGUARD_DATABASE_URL 使用普通角色（如 leaveguard，见 scripts/services.sh），"+
			"迁移则用 LEAVEGUARD_MIGRATE_DATABASE_URL 的表属主角色", name)
	}
	var owned int
	const q2 = `SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`
	if err := db.GetContext(ctx, &owned, q2); err != nil {
		return fmt.Errorf("check table ownership: %w", err)
	}
	if owned > 0 {
		return fmt.Errorf("拒绝启动：数据库角色 %q 拥有 %d 张表；表属主可绕过行级安全。请用表属主角色执行迁移，用另一个普通角色运行服务", name, owned)
	}
	return nil
}

// CheckMigrations refuses to serve a schema that lacks migrations.
func CheckMigrations(ctx context.Context, db *sqlx.DB) error {
	pending, err := migrations.Pending(ctx, db.DB)
	if err != nil {
		return fmt.Errorf("无法读取迁移状态（是否尚未执行 leaveguard migrate？）：%w", err)
	}
	if pending {
		return fmt.Errorf("拒绝启动：数据库有未执行的迁移。请先运行 `leaveguard migrate`")
	}
	return nil
}

// Migrate applies the embedded migrations as the table owner.
func Migrate(ctx context.Context, cfg Config) ([]int64, error) {
	db, err := OpenDB(ctx, cfg.MigrateDatabaseURL)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return migrations.Up(ctx, db.DB)
}
