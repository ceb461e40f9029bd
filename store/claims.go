package store

import (
	"context"
	"encoding/json"
	"time"

	"leaveguard/leave"
)

// AllowanceClaim is a maternity-allowance claim (生育津贴) for one birth or
// miscarriage: the computed result (JSON of payroll.AllowanceResult) and the
// facts it was computed from, its status and the dates and amounts of its
// lifecycle.
type AllowanceClaim struct {
	ID            string     `db:"id"`
	EmployeeID    string     `db:"employee_id"`
	BirthID       *string    `db:"birth_id"`
	MiscarriageID *string    `db:"miscarriage_id"`
	EventDate     leave.Date `db:"event_date"`
	LeaveStart    leave.Date `db:"leave_start"`
	Lifecycle
	Result      json.RawMessage `db:"result"`
	Facts       json.RawMessage `db:"facts"`
	AmountFen   int64           `db:"amount_fen"`
	TopUpFen    int64           `db:"top_up_fen"`
	PaidDays    int             `db:"paid_days"`
	Payee       string          `db:"payee"`
	Insured     bool            `db:"insured"`
	DecisionDue *leave.Date     `db:"decision_due"`
	CreatedAt   time.Time       `db:"created_at"`
	UpdatedAt   time.Time       `db:"updated_at"`
	CreatedBy   string          `db:"created_by"`
}

// Unique indexes of allowance_claims, for ConflictOn.
const (
	ClaimActiveBirth       = "allowance_claims_active_birth"
	ClaimActiveMiscarriage = "allowance_claims_active_miscarriage"
)

const claimCols = `id, employee_id, birth_id, miscarriage_id, event_date, leave_start, status, result, facts,
	amount_fen, top_up_fen, paid_days, payee, insured, submitted_on, decision_due, decided_on, reject_reason,
	paid_fen, paid_on, difference_fen, created_at, updated_at, created_by`

func claimArgs(tenant string, c AllowanceClaim) map[string]any {
	return c.Lifecycle.addArgs(map[string]any{"tenant_id": tenant, "id": c.ID, "employee_id": c.EmployeeID,
		"birth_id": c.BirthID, "miscarriage_id": c.MiscarriageID, "event_date": c.EventDate,
		"leave_start": c.LeaveStart, "result": []byte(c.Result), "facts": []byte(c.Facts),
		"amount_fen": c.AmountFen, "top_up_fen": c.TopUpFen, "paid_days": c.PaidDays, "payee": c.Payee,
		"insured": c.Insured, "decision_due": c.DecisionDue, "created_by": c.CreatedBy})
}

// CreateClaim stores a new draft claim and its first history row in one
// statement. A second active claim for the same event is a ConflictError on
// ClaimActiveBirth or ClaimActiveMiscarriage.
func (t *Tx) CreateClaim(ctx context.Context, tenant string, c AllowanceClaim) (AllowanceClaim, error) {
	if err := t.check(tenant); err != nil {
		return AllowanceClaim{}, err
	}
	const q = `
		WITH c AS (
			INSERT INTO allowance_claims (tenant_id, employee_id, birth_id, miscarriage_id, event_date, leave_start,
				status, result, facts, amount_fen, top_up_fen, paid_days, payee, insured, created_by)
			VALUES (:tenant_id, :employee_id, :birth_id, :miscarriage_id, :event_date, :leave_start, :status,
				:result, :facts, :amount_fen, :top_up_fen, :paid_days, :payee, :insured, :created_by)
			RETURNING ` + claimCols + `),
		tr AS (INSERT INTO allowance_claim_transitions (tenant_id, claim_id, action, from_status, to_status, by)
			SELECT :tenant_id, id, 'create', '', status, :created_by FROM c)
		SELECT ` + claimCols + ` FROM c`
	return namedOne[AllowanceClaim](ctx, t, "create claim", q, claimArgs(tenant, c))
}

// SaveClaim writes every mutable field of c and appends tr to its history
// in one statement; tr.From is the status before the change.
func (t *Tx) SaveClaim(ctx context.Context, tenant string, c AllowanceClaim, tr Transition) (AllowanceClaim, error) {
	if err := t.check(tenant); err != nil {
		return AllowanceClaim{}, err
	}
	q := `
		WITH c AS (
			UPDATE allowance_claims SET event_date = :event_date, leave_start = :leave_start,
				result = :result, facts = :facts, amount_fen = :amount_fen, top_up_fen = :top_up_fen,
				paid_days = :paid_days, payee = :payee, insured = :insured, decision_due = :decision_due,
				` + lifecycleSet + `, updated_at = now()
			WHERE tenant_id = :tenant_id AND id = :id
			RETURNING ` + claimCols + `),
		` + historyInsert("allowance_claim_transitions", "claim_id", "c") + `
		SELECT ` + claimCols + ` FROM c`
	args := claimArgs(tenant, c)
	tr.addArgs(args)
	return namedOne[AllowanceClaim](ctx, t, "save claim", q, args)
}

// Claim loads one claim; forUpdate locks it.
func (t *Tx) Claim(ctx context.Context, tenant, id string, forUpdate bool) (AllowanceClaim, error) {
	return loadOne[AllowanceClaim](ctx, t, "claim", claimCols, "allowance_claims", tenant, id, forUpdate)
}

// ClaimTransitions lists a claim's history, oldest first.
func (t *Tx) ClaimTransitions(ctx context.Context, tenant, claimID string) ([]Transition, error) {
	return t.transitions(ctx, "claim", "allowance_claim_transitions", "claim_id", tenant, claimID)
}
