package cases

import (
	"context"
	"errors"
	"fmt"

	"leaveguard/leave"
	"leaveguard/store"
)

// TenantDeletionGraceDays is how long after an admin asks for the tenant's
// deletion its data stays (to be exported, or the request cancelled)
// before the daily job removes it.
const TenantDeletionGraceDays = 30

// TenantExportPath is where an admin downloads the tenant's full export.
const TenantExportPath = "/api/v1/tenant/export"

// TenantDeletionInput is the body of POST /tenant/deletion: the tenant's
// name typed again, so that a deletion is never asked for by mistake.
type TenantDeletionInput struct {
	ConfirmName *string `json:"confirm_name"`
}

// TenantDeletionView is a deletion request as the API shows it.
type TenantDeletionView struct {
	ID          string      `json:"id"`
	Status      string      `json:"status"` // scheduled or cancelled
	RequestedOn leave.Date  `json:"requested_on"`
	RequestedBy string      `json:"requested_by"`
	PurgeOn     leave.Date  `json:"purge_on"`
	CancelledOn *leave.Date `json:"cancelled_on"`
	CancelledBy string      `json:"cancelled_by"`
	ExportURL   string      `json:"export_url"`
}

func viewTenantDeletion(d store.TenantDeletion) TenantDeletionView {
	status := "scheduled"
	if d.CancelledOn != nil {
		status = "cancelled"
	}
	return TenantDeletionView{ID: d.ID, Status: status, RequestedOn: d.RequestedOn, RequestedBy: d.RequestedBy,
		PurgeOn: d.PurgeOn, CancelledOn: d.CancelledOn, CancelledBy: d.CancelledBy, ExportURL: TenantExportPath}
}

// RequestTenantDeletion schedules the removal of every row of the tenant
// TenantDeletionGraceDays after today, audited as tenant.deletion_request.
// The confirmation must repeat the tenant's name.
func (c *Cases) RequestTenantDeletion(ctx context.Context, tenant string, who store.Who, in TenantDeletionInput) (TenantDeletionView, error) {
	var out TenantDeletionView
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		t, err := tx.Tenant(ctx, tenant)
		if err != nil {
			return err
		}
		if in.ConfirmName == nil || *in.ConfirmName != t.Name {
			return &Error{Kind: Invalid, Code: "validation_failed", Message: "请求内容有误，请按字段提示修改后重试",
				Fields: map[string]string{"confirm_name": "请输入本单位的名称以确认删除全部数据"}}
		}
		out, err = scheduleTenantDeletion(ctx, tx, tenant, who, c.Today(), TenantDeletionGraceDays)
		return err
	})
	return out, err
}

// ScheduleTenantDeletion is the operator's RequestTenantDeletion (the CLI,
// on the customer's written request): no name to confirm.
func (c *Cases) ScheduleTenantDeletion(ctx context.Context, tenant string, who store.Who) (TenantDeletionView, error) {
	var out TenantDeletionView
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		out, err = scheduleTenantDeletion(ctx, tx, tenant, who, c.Today(), TenantDeletionGraceDays)
		return err
	})
	return out, err
}

// DeleteTenantNow removes every row of the tenant at once, without a grace
// period (the operator's --now): a request in force is replaced by one due
// today, and the tenant is purged in the same transaction. It returns the
// number of rows removed.
func (c *Cases) DeleteTenantNow(ctx context.Context, tenant string, who store.Who) (int64, error) {
	var rows int64
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		today := c.Today()
		if d, err := tx.OpenTenantDeletion(ctx, tenant, true); err == nil {
			if _, err := tx.CancelTenantDeletion(ctx, tenant, d.ID, today, actor(who)); err != nil {
				return err
			}
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if _, err := scheduleTenantDeletion(ctx, tx, tenant, who, today, 0); err != nil {
			return err
		}
		var err error
		rows, err = tx.PurgeTenant(ctx, tenant, today)
		return err
	})
	return rows, err
}

func scheduleTenantDeletion(ctx context.Context, tx *store.Tx, tenant string, who store.Who, today leave.Date,
	graceDays int) (TenantDeletionView, error) {
	d, err := tx.AddTenantDeletion(ctx, tenant, store.TenantDeletion{RequestedOn: today,
		PurgeOn: today.AddDays(graceDays), RequestedBy: actor(who)})
	if errors.Is(err, store.ErrConflict) {
		return TenantDeletionView{}, Fail(Conflict, "deletion_already_requested", "已申请删除本单位数据，尚在等待期内")
	}
	if err != nil {
		return TenantDeletionView{}, err
	}
	return viewTenantDeletion(d), tx.Audit(ctx, tenant, who, "tenant.deletion_request", "tenant", tenant,
		map[string]any{"deletion_id": d.ID, "purge_on": d.PurgeOn})
}

// TenantDeletion shows the deletion request in force; NotFound when none.
func (c *Cases) TenantDeletion(ctx context.Context, tenant string) (TenantDeletionView, error) {
	var out TenantDeletionView
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		d, err := tx.OpenTenantDeletion(ctx, tenant, false)
		out = viewTenantDeletion(d)
		return err
	})
	return out, err
}

// CancelTenantDeletion withdraws the request in force during its grace
// period, audited as tenant.deletion_cancel.
func (c *Cases) CancelTenantDeletion(ctx context.Context, tenant string, who store.Who) (TenantDeletionView, error) {
	var out TenantDeletionView
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		d, err := tx.OpenTenantDeletion(ctx, tenant, true)
		if err != nil {
			return err
		}
		if d, err = tx.CancelTenantDeletion(ctx, tenant, d.ID, c.Today(), actor(who)); err != nil {
			return err
		}
		out = viewTenantDeletion(d)
		return tx.Audit(ctx, tenant, who, "tenant.deletion_cancel", "tenant", tenant, map[string]any{"deletion_id": d.ID})
	})
	return out, err
}

// PurgedTenant is a tenant the daily job removed: its id and how many rows.
type PurgedTenant struct {
	ID   string
	Rows int64
}

// RunTenantDeletions removes, as part of the daily job, every tenant whose
// deletion request in force is due today (tenant_purge, migration 00081).
// Each request row is claimed with SKIP LOCKED, so of several instances one
// purges and the others pass. Nothing of a removed tenant is left to audit
// into: the caller logs the ids and counts returned.
func (c *Cases) RunTenantDeletions(ctx context.Context, today leave.Date) ([]PurgedTenant, error) {
	tenants, err := c.Store.TenantIDs(ctx)
	if err != nil {
		return nil, err
	}
	var out []PurgedTenant
	for _, tenant := range tenants {
		var rows int64
		err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
			mine, err := tx.ClaimDueTenantDeletion(ctx, tenant, today)
			if err != nil || !mine {
				return err
			}
			rows, err = tx.PurgeTenant(ctx, tenant, today)
			return err
		})
		if err != nil {
			return out, fmt.Errorf("tenant deletion, tenant %s: %w", tenant, err)
		}
		if rows > 0 {
			out = append(out, PurgedTenant{ID: tenant, Rows: rows})
		}
	}
	return out, nil
}
