package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"leaveguard/leave"
	"leaveguard/store"
)

// operator is who the CLI acts as in the audit log.
var operator = store.Who{ActorType: "system", ActorID: "cli"}

// tenantDeleteCmd is `leaveguard tenant delete --tenant ID [--now]`: it
// schedules the tenant's deletion after the grace period (cancellable by
// an admin, DELETE /api/v1/tenant/deletion), or with --now removes every
// row of the tenant at once. It prints the request, or the rows removed.
func tenantDeleteCmd(ctx context.Context, cfg Config, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("tenant delete", flag.ContinueOnError)
	fs.SetOutput(out)
	tenant := fs.String("tenant", "", "tenant id (required)")
	now := fs.Bool("now", false, "delete at once, without the grace period")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", ErrUsage, err)
	}
	if *tenant == "" {
		return fmt.Errorf("%w: --tenant is required", ErrUsage)
	}
	db, err := OpenDB(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	cs := Deps{Store: store.New(db), Rules: leave.DefaultRuleBook(), Clock: cfg.Clock()}.Cases()
	err = cs.Store.ReadTx(ctx, *tenant, func(tx *store.Tx) error {
		_, err := tx.Tenant(ctx, *tenant)
		return err
	})
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrTenantMismatch) {
		return fmt.Errorf("no tenant %q", *tenant)
	}
	if err != nil {
		return err
	}
	if !*now {
		d, err := cs.ScheduleTenantDeletion(ctx, *tenant, operator)
		if err != nil {
			return err
		}
		return writeJSON(out, d)
	}
	rows, err := cs.DeleteTenantNow(ctx, *tenant, operator)
	if err != nil {
		return err
	}
	return writeJSON(out, map[string]any{"tenant_id": *tenant, "rows_deleted": rows})
}
