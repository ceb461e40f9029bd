package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"leaveguard/leave"
)

// Pregnancy is a pregnancy reported to the employer.
type Pregnancy struct {
	ID              string      `db:"id" json:"id"`
	EmployeeID      string      `db:"employee_id" json:"employee_id"`
	ReportedOn      leave.Date  `db:"reported_on" json:"reported_on"`
	ExpectedDueDate *leave.Date `db:"expected_due_date" json:"expected_due_date"`
	ConfirmedStart  *leave.Date `db:"confirmed_start" json:"confirmed_start"` // medically confirmed start, if known
	CreatedAt       time.Time   `db:"created_at" json:"created_at"`
}

const pregnancyCols = `id, employee_id, reported_on, expected_due_date, confirmed_start, created_at`

// Birth is a recorded birth with its frozen leave plan (JSON of leave.BirthPlan).
type Birth struct {
	ID         string          `db:"id"`
	EmployeeID string          `db:"employee_id"`
	BirthDate  leave.Date      `db:"birth_date"`
	ChildOrder int             `db:"child_order"`
	Babies     int             `db:"babies"`
	Stillborn  int             `db:"stillborn"`
	Dystocia   bool            `db:"dystocia"`
	LeaveStart *leave.Date     `db:"leave_start"`
	Plan       json.RawMessage `db:"plan"`
	Version    int             `db:"version"`
	CreatedAt  time.Time       `db:"created_at"`
	UpdatedAt  time.Time       `db:"updated_at"`
}

// Miscarriage is a recorded miscarriage with its frozen plan.
type Miscarriage struct {
	ID             string          `db:"id"`
	EmployeeID     string          `db:"employee_id"`
	Date           leave.Date      `db:"date"`
	GestationWeeks int             `db:"gestation_weeks"`
	Plan           json.RawMessage `db:"plan"`
	Version        int             `db:"version"`
	CreatedAt      time.Time       `db:"created_at"`
}

// Marriage is a recorded marriage registration.
type Marriage struct {
	ID           string     `db:"id" json:"id"`
	EmployeeID   string     `db:"employee_id" json:"employee_id"`
	RegisteredOn leave.Date `db:"registered_on" json:"registered_on"`
	CreatedAt    time.Time  `db:"created_at" json:"created_at"`
}

// Child is a child of an employee (from a recorded birth or entered directly).
type Child struct {
	ID              string      `db:"id" json:"id"`
	EmployeeID      string      `db:"employee_id" json:"employee_id"`
	BirthID         *string     `db:"birth_id" json:"birth_id"`
	BirthDate       leave.Date  `db:"birth_date" json:"birth_date"`
	ChildOrder      int         `db:"child_order" json:"child_order"`
	IITSharePercent *int        `db:"iit_share_percent" json:"iit_share_percent"` // nil until declared
	DiedOn          *leave.Date `db:"died_on" json:"died_on"`
	CreatedAt       time.Time   `db:"created_at" json:"created_at"`
}

// CreatePregnancy records a pregnancy.
func (t *Tx) CreatePregnancy(ctx context.Context, tenant string, p Pregnancy) (Pregnancy, error) {
	if err := t.check(tenant); err != nil {
		return Pregnancy{}, err
	}
	const q = `
		INSERT INTO pregnancies (tenant_id, employee_id, reported_on, expected_due_date, confirmed_start)
		VALUES ($1, $2, $3, $4, $5) RETURNING ` + pregnancyCols
	var out Pregnancy
	if err := t.tx.GetContext(ctx, &out, q, tenant, p.EmployeeID, p.ReportedOn, p.ExpectedDueDate, p.ConfirmedStart); err != nil {
		return Pregnancy{}, fmt.Errorf("store: create pregnancy: %w", mapErr(err))
	}
	return out, nil
}

// CreateMiscarriage records a miscarriage and its plan.
func (t *Tx) CreateMiscarriage(ctx context.Context, tenant string, m Miscarriage) (Miscarriage, error) {
	if err := t.check(tenant); err != nil {
		return Miscarriage{}, err
	}
	const q = `
		INSERT INTO miscarriages (tenant_id, employee_id, date, gestation_weeks, plan)
		VALUES ($1, $2, $3, $4, $5) RETURNING id, employee_id, date, gestation_weeks, plan, version, created_at`
	var out Miscarriage
	if err := t.tx.GetContext(ctx, &out, q, tenant, m.EmployeeID, m.Date, m.GestationWeeks, []byte(m.Plan)); err != nil {
		return Miscarriage{}, fmt.Errorf("store: create miscarriage: %w", mapErr(err))
	}
	return out, nil
}

// Miscarriage loads one miscarriage.
func (t *Tx) Miscarriage(ctx context.Context, tenant, id string) (Miscarriage, error) {
	if err := t.check(tenant); err != nil {
		return Miscarriage{}, err
	}
	const q = `SELECT id, employee_id, date, gestation_weeks, plan, version, created_at
		FROM miscarriages WHERE tenant_id = $1 AND id = $2`
	var out Miscarriage
	if err := t.tx.GetContext(ctx, &out, q, tenant, id); err != nil {
		return Miscarriage{}, fmt.Errorf("store: miscarriage: %w", mapErr(err))
	}
	return out, nil
}

// CreateMarriage records a marriage.
func (t *Tx) CreateMarriage(ctx context.Context, tenant string, m Marriage) (Marriage, error) {
	if err := t.check(tenant); err != nil {
		return Marriage{}, err
	}
	const q = `
		INSERT INTO marriages (tenant_id, employee_id, registered_on)
		VALUES ($1, $2, $3) RETURNING id, employee_id, registered_on, created_at`
	var out Marriage
	if err := t.tx.GetContext(ctx, &out, q, tenant, m.EmployeeID, m.RegisteredOn); err != nil {
		return Marriage{}, fmt.Errorf("store: create marriage: %w", mapErr(err))
	}
	return out, nil
}
