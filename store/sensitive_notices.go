package store

import (
	"context"
	"fmt"
	"time"

	"leaveguard/leave"
)

// SensitiveNotice records whether the employee was told the purpose and
// necessity of processing one sensitive fact of hers (a pregnancy, birth
// or miscarriage; 《个人信息保护法》第二十八至三十条). A newer record of
// the same fact supersedes an older one.
type SensitiveNotice struct {
	ID         string      `db:"id"`
	EmployeeID string      `db:"employee_id"`
	FactType   string      `db:"fact_type"`
	FactID     string      `db:"fact_id"`
	Status     string      `db:"status"` // informed, not_informed, not_recorded
	InformedOn *leave.Date `db:"informed_on"`
	Method     string      `db:"method"`
	CreatedAt  time.Time   `db:"created_at"`
	CreatedBy  string      `db:"created_by"`
}

const sensitiveNoticeCols = `id, employee_id, fact_type, fact_id, status, informed_on, method, created_at, created_by`

// AddSensitiveNotice stores a notice record.
func (t *Tx) AddSensitiveNotice(ctx context.Context, tenant string, n SensitiveNotice) (SensitiveNotice, error) {
	if err := t.check(tenant); err != nil {
		return SensitiveNotice{}, err
	}
	q := `INSERT INTO sensitive_notices (tenant_id, employee_id, fact_type, fact_id, status, informed_on, method, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ` + sensitiveNoticeCols
	var out SensitiveNotice
	err := t.tx.GetContext(ctx, &out, q, tenant, n.EmployeeID, n.FactType, n.FactID, n.Status, n.InformedOn, n.Method, n.CreatedBy)
	if err != nil {
		return SensitiveNotice{}, fmt.Errorf("store: add sensitive notice: %w", mapErr(err))
	}
	return out, nil
}

// SensitiveNotices lists one employee's notice records, oldest first.
func (t *Tx) SensitiveNotices(ctx context.Context, tenant, employeeID string) ([]SensitiveNotice, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	q := `SELECT ` + sensitiveNoticeCols + ` FROM sensitive_notices WHERE tenant_id = $1 AND employee_id = $2
		ORDER BY created_at, id`
	var out []SensitiveNotice
	if err := t.tx.SelectContext(ctx, &out, q, tenant, employeeID); err != nil {
		return nil, fmt.Errorf("store: sensitive notices: %w", err)
	}
	return out, nil
}

// FactOwner returns the employee a pregnancy, birth or miscarriage of the
// tenant belongs to; ErrNotFound when there is no such fact.
func (t *Tx) FactOwner(ctx context.Context, tenant, factType, factID string) (string, error) {
	if err := t.check(tenant); err != nil {
		return "", err
	}
	table := map[string]string{"pregnancy": "pregnancies", "birth": "births", "miscarriage": "miscarriages"}[factType]
	if table == "" {
		return "", ErrNotFound
	}
	var out string
	q := `SELECT employee_id FROM ` + table + ` WHERE tenant_id = $1 AND id = $2`
	if err := t.tx.GetContext(ctx, &out, q, tenant, factID); err != nil {
		return "", fmt.Errorf("store: fact owner: %w", mapErr(err))
	}
	return out, nil
}
