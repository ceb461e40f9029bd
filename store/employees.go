package store

import (
	"context"
	"fmt"
	"time"

	"leaveguard/leave"
)

// Employee is a person employed by a tenant. The national ID number is held
// only encrypted (NationalIDEnc), as a keyed hash for lookup, and masked.
type Employee struct {
	ID               string      `db:"id"`
	ExternalID       string      `db:"external_id"`
	Name             string      `db:"name"`
	Gender           string      `db:"gender"`
	NationalIDEnc    []byte      `db:"national_id_enc"`
	NationalIDHash   []byte      `db:"national_id_hash"`
	NationalIDMasked string      `db:"national_id_masked"`
	HiredOn          leave.Date  `db:"hired_on"`
	ContractEnd      *leave.Date `db:"contract_end"`
	MonthlyWageFen   int64       `db:"monthly_wage_fen"`
	MaternityInsured bool        `db:"maternity_insured"`
	Region           *string     `db:"region"`
	Department       string      `db:"department"`    // 部门, free text ("" when not given)
	SeparatedOn      *leave.Date `db:"separated_on"`  // last day of employment; nil while employed
	AnonymisedOn     *leave.Date `db:"anonymised_on"` // set by the retention job (retention.go)
	CreatedAt        time.Time   `db:"created_at"`
	UpdatedAt        time.Time   `db:"updated_at"`
}

const employeeCols = `id, external_id, name, gender, national_id_enc, national_id_hash,
	national_id_masked, hired_on, contract_end, monthly_wage_fen, maternity_insured,
	region, department, separated_on, anonymised_on, created_at, updated_at`

// CreateEmployee inserts e and returns it as stored.
func (t *Tx) CreateEmployee(ctx context.Context, tenant string, e Employee) (Employee, error) {
	if err := t.check(tenant); err != nil {
		return Employee{}, err
	}
	const q = `
		INSERT INTO employees (tenant_id, external_id, name, gender, national_id_enc,
			national_id_hash, national_id_masked, hired_on, contract_end,
			monthly_wage_fen, maternity_insured, region, department)
		VALUES (:tenant_id, :external_id, :name, :gender, :national_id_enc,
			:national_id_hash, :national_id_masked, :hired_on, :contract_end,
			:monthly_wage_fen, :maternity_insured, :region, :department)
		RETURNING ` + employeeCols
	args := map[string]any{
		"tenant_id": tenant, "external_id": e.ExternalID, "name": e.Name, "gender": e.Gender,
		"national_id_enc": e.NationalIDEnc, "national_id_hash": e.NationalIDHash,
		"national_id_masked": e.NationalIDMasked, "hired_on": e.HiredOn, "contract_end": e.ContractEnd,
		"monthly_wage_fen": e.MonthlyWageFen, "maternity_insured": e.MaternityInsured, "region": e.Region,
		"department": e.Department,
	}
	return namedOne[Employee](ctx, t, "create employee", q, args)
}

// Employee loads one employee by id.
func (t *Tx) Employee(ctx context.Context, tenant, id string) (Employee, error) {
	if err := t.check(tenant); err != nil {
		return Employee{}, err
	}
	q := `SELECT ` + employeeCols + ` FROM employees WHERE tenant_id = $1 AND id = $2`
	var e Employee
	if err := t.tx.GetContext(ctx, &e, q, tenant, id); err != nil {
		return Employee{}, fmt.Errorf("store: employee: %w", mapErr(err))
	}
	return e, nil
}

// EmployeeForUpdate loads one employee and locks its row until the
// transaction ends.
func (t *Tx) EmployeeForUpdate(ctx context.Context, tenant, id string) (Employee, error) {
	if err := t.check(tenant); err != nil {
		return Employee{}, err
	}
	q := `SELECT ` + employeeCols + ` FROM employees WHERE tenant_id = $1 AND id = $2 FOR UPDATE`
	var e Employee
	if err := t.tx.GetContext(ctx, &e, q, tenant, id); err != nil {
		return Employee{}, fmt.Errorf("store: employee for update: %w", mapErr(err))
	}
	return e, nil
}

// EmployeeByExternalID loads one employee by the employer's own id.
func (t *Tx) EmployeeByExternalID(ctx context.Context, tenant, externalID string) (Employee, error) {
	if err := t.check(tenant); err != nil {
		return Employee{}, err
	}
	q := `SELECT ` + employeeCols + ` FROM employees WHERE tenant_id = $1 AND external_id = $2`
	var e Employee
	if err := t.tx.GetContext(ctx, &e, q, tenant, externalID); err != nil {
		return Employee{}, fmt.Errorf("store: employee by external id: %w", mapErr(err))
	}
	return e, nil
}

// UpdateEmployee saves every mutable field of e.
func (t *Tx) UpdateEmployee(ctx context.Context, tenant string, e Employee) (Employee, error) {
	if err := t.check(tenant); err != nil {
		return Employee{}, err
	}
	const q = `
		UPDATE employees SET external_id = :external_id, name = :name, gender = :gender,
			national_id_enc = :national_id_enc, national_id_hash = :national_id_hash,
			national_id_masked = :national_id_masked, hired_on = :hired_on,
			contract_end = :contract_end, monthly_wage_fen = :monthly_wage_fen,
			maternity_insured = :maternity_insured, region = :region, department = :department,
			updated_at = now()
		WHERE tenant_id = :tenant_id AND id = :id
		RETURNING ` + employeeCols
	args := map[string]any{
		"tenant_id": tenant, "id": e.ID, "external_id": e.ExternalID, "name": e.Name, "gender": e.Gender,
		"national_id_enc": e.NationalIDEnc, "national_id_hash": e.NationalIDHash,
		"national_id_masked": e.NationalIDMasked, "hired_on": e.HiredOn, "contract_end": e.ContractEnd,
		"monthly_wage_fen": e.MonthlyWageFen, "maternity_insured": e.MaternityInsured, "region": e.Region,
		"department": e.Department,
	}
	return namedOne[Employee](ctx, t, "update employee", q, args)
}
