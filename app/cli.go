package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
)

const usage = `用法 / usage: leaveguard <command>

  serve                      HTTP 服务与后台任务 (API, portal, webhooks, workers)
  migrate                    执行数据库迁移 (as LEAVEGUARD_MIGRATE_DATABASE_URL, the table owner)
  tenant create --name N --region CN-NM-XAM [--credit-code C] [--admin-email E --admin-password P]
                             创建租户，输出 {"tenant_id": "...", "api_key": "lg_..."}
  tenant delete --tenant ID [--now]
                             删除租户全部数据：默认 30 天等待期后由每日任务删除（可在门户/API 撤销）；
                             --now 立即删除。请先用 GET /api/v1/tenant/export 导出
  demo                       载入演示租户并打印登录方式
  calendar import FILE.json  导入某年官方节假日安排（含调休上班日），格式同 holiday-cn
  import employees FILE --tenant ID [--dry-run]
                             从 .xlsx/.csv（导入模板）导入员工，按员工编号新建或更新，逐行报告
  import family FILE --tenant ID [--dry-run]
                             导入家庭情况（怀孕、生育、结婚、已休的假），逐行报告

环境变量见 docs/configuration.md (LEAVEGUARD_DATABASE_URL, LEAVEGUARD_REDIS_URL,
LEAVEGUARD_ADDR, LEAVEGUARD_SECRET_KEY, LEAVEGUARD_ENV, ...).`

// ErrUsage is returned for an unknown command or bad flags.
var ErrUsage = errors.New("usage")

// Serve runs the HTTP server and the background workers until ctx ends
// (server.Serve: the wiring lives above app/, which knows no handlers).
type Serve func(ctx context.Context, cfg Config, log *slog.Logger) error

// Main runs the subcommand named by args[0], writing results to out;
// serve runs `leaveguard serve`.
func Main(ctx context.Context, args []string, out io.Writer, serve Serve) error {
	if len(args) == 0 {
		fmt.Fprintln(out, usage)
		return ErrUsage
	}
	cfg, err := ConfigFromEnv()
	if err != nil {
		return err
	}
	logs := NewLogBuffer(os.Stderr)
	defer logs.Flush() //nolint:errcheck // stderr is gone if this fails
	go logs.Run(ctx)
	log := NewLogger(logs)
	switch args[0] {
	case "serve":
		if serve == nil {
			return fmt.Errorf("%w: serve is not built into this program", ErrUsage)
		}
		return serve(ctx, cfg, log)
	case "migrate":
		applied, err := Migrate(ctx, cfg)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "migrations applied: %d %v\n", len(applied), applied)
		return nil
	case "tenant":
		switch {
		case len(args) >= 2 && args[1] == "create":
			return tenantCreateCmd(ctx, cfg, args[2:], out)
		case len(args) >= 2 && args[1] == "delete":
			return tenantDeleteCmd(ctx, cfg, args[2:], out)
		}
		fmt.Fprintln(out, usage)
		return ErrUsage
	case "calendar":
		if len(args) < 2 || args[1] != "import" {
			fmt.Fprintln(out, usage)
			return ErrUsage
		}
		return calendarImportCmd(ctx, cfg, args[2:], out)
	case "import":
		return importCmd(ctx, cfg, args[1:], out)
	case "demo":
		return demoCmd(ctx, cfg, out)
	case "help", "-h", "--help":
		fmt.Fprintln(out, usage)
		return nil
	}
	fmt.Fprintln(out, usage)
	return fmt.Errorf("%w: unknown command %q", ErrUsage, args[0])
}

func tenantCreateCmd(ctx context.Context, cfg Config, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("tenant create", flag.ContinueOnError)
	fs.SetOutput(out)
	var in NewTenant
	fs.StringVar(&in.Name, "name", "", "employer name (required)")
	fs.StringVar(&in.Region, "region", "CN-NM-XAM", "jurisdiction code")
	fs.StringVar(&in.CreditCode, "credit-code", "", "unified social credit code (GB 32100)")
	fs.StringVar(&in.AdminEmail, "admin-email", "", "portal admin e-mail")
	fs.StringVar(&in.AdminPassword, "admin-password", "", "portal admin password (min 12 chars, not easily guessed)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", ErrUsage, err)
	}
	db, err := OpenDB(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := CreateTenant(ctx, db, in)
	if err != nil {
		return err
	}
	return writeJSON(out, res)
}
