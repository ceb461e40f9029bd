package store

import (
	"context"
	"fmt"
	"time"

	"leaveguard/leave"
)

// CorrectionRequest is an employee's request to correct her data
// (《个人信息保护法》第四十六条) and, once decided, its outcome.
type CorrectionRequest struct {
	ID          string      `db:"id"`
	EmployeeID  string      `db:"employee_id"`
	Subject     string      `db:"subject"`
	ReceivedOn  leave.Date  `db:"received_on"`
	Channel     string      `db:"channel"`
	Outcome     *string     `db:"outcome"`
	OutcomeNote string      `db:"outcome_note"`
	DecidedOn   *leave.Date `db:"decided_on"`
	DecidedBy   string      `db:"decided_by"`
	CreatedAt   time.Time   `db:"created_at"`
	CreatedBy   string      `db:"created_by"`
}

const correctionRequestCols = `id, employee_id, subject, received_on, channel, outcome, outcome_note,
	decided_on, decided_by, created_at, created_by`

// AddCorrectionRequest stores a received request (no outcome yet).
func (t *Tx) AddCorrectionRequest(ctx context.Context, tenant string, r CorrectionRequest) (CorrectionRequest, error) {
	if err := t.check(tenant); err != nil {
		return CorrectionRequest{}, err
	}
	q := `INSERT INTO correction_requests (tenant_id, employee_id, subject, received_on, channel, created_by)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING ` + correctionRequestCols
	var out CorrectionRequest
	if err := t.tx.GetContext(ctx, &out, q, tenant, r.EmployeeID, r.Subject, r.ReceivedOn, r.Channel, r.CreatedBy); err != nil {
		return CorrectionRequest{}, fmt.Errorf("store: add correction request: %w", mapErr(err))
	}
	return out, nil
}

// CorrectionRequestForUpdate loads one request, locked.
func (t *Tx) CorrectionRequestForUpdate(ctx context.Context, tenant, id string) (CorrectionRequest, error) {
	if err := t.check(tenant); err != nil {
		return CorrectionRequest{}, err
	}
	q := `SELECT ` + correctionRequestCols + ` FROM correction_requests WHERE tenant_id = $1 AND id = $2 FOR UPDATE`
	var out CorrectionRequest
	if err := t.tx.GetContext(ctx, &out, q, tenant, id); err != nil {
		return CorrectionRequest{}, fmt.Errorf("store: correction request: %w", mapErr(err))
	}
	return out, nil
}

// DecideCorrectionRequest sets the outcome of a request not yet decided.
func (t *Tx) DecideCorrectionRequest(ctx context.Context, tenant string, r CorrectionRequest) (CorrectionRequest, error) {
	if err := t.check(tenant); err != nil {
		return CorrectionRequest{}, err
	}
	q := `UPDATE correction_requests SET outcome = $3, outcome_note = $4, decided_on = $5, decided_by = $6
		WHERE tenant_id = $1 AND id = $2 AND outcome IS NULL RETURNING ` + correctionRequestCols
	var out CorrectionRequest
	if err := t.tx.GetContext(ctx, &out, q, tenant, r.ID, r.Outcome, r.OutcomeNote, r.DecidedOn, r.DecidedBy); err != nil {
		return CorrectionRequest{}, fmt.Errorf("store: decide correction request: %w", mapErr(err))
	}
	return out, nil
}

// AnonymiseCorrectionRequests replaces the free text of one employee's
// requests (what she asked, the outcome's note) by placeholder; dates,
// channel and outcome stay. It returns how many requests changed.
func (t *Tx) AnonymiseCorrectionRequests(ctx context.Context, tenant, employeeID, placeholder string) (int, error) {
	if err := t.check(tenant); err != nil {
		return 0, err
	}
	const q = `UPDATE correction_requests SET subject = $3,
			outcome_note = CASE WHEN outcome_note = '' THEN '' ELSE $3 END
		WHERE tenant_id = $1 AND employee_id = $2`
	res, err := t.tx.ExecContext(ctx, q, tenant, employeeID, placeholder)
	if err != nil {
		return 0, fmt.Errorf("store: anonymise correction requests: %w", mapErr(err))
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// CorrectionRequests lists one employee's requests, oldest first.
func (t *Tx) CorrectionRequests(ctx context.Context, tenant, employeeID string) ([]CorrectionRequest, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	q := `SELECT ` + correctionRequestCols + ` FROM correction_requests WHERE tenant_id = $1 AND employee_id = $2
		ORDER BY received_on, created_at, id`
	var out []CorrectionRequest
	if err := t.tx.SelectContext(ctx, &out, q, tenant, employeeID); err != nil {
		return nil, fmt.Errorf("store: correction requests: %w", err)
	}
	return out, nil
}
