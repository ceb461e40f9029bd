package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"leaveguard/leave"
)

// AllowanceClaim is a maternity-allowance claim (生育津贴) for one birth or
// miscarriage: the computed result (JSON of payroll.AllowanceResult) and the
// facts it was computed from, its status and the dates and amounts of its
// lifecycle.
type AllowanceClaim struct {
	ID            string          `db:"id"`
	EmployeeID    string          `db:"employee_id"`
	BirthID       *string         `db:"birth_id"`
	MiscarriageID *string         `db:"miscarriage_id"`
	EventDate     leave.Date      `db:"event_date"`
	LeaveStart    leave.Date      `db:"leave_start"`
	Status        string          `db:"status"`
	Result        json.RawMessage `db:"result"`
	Facts         json.RawMessage `db:"facts"`
	AmountFen     int64           `db:"amount_fen"`
	TopUpFen      int64           `db:"top_up_fen"`
	PaidDays      int             `db:"paid_days"`
	Payee         string          `db:"payee"`
	Insured       bool            `db:"insured"`
	SubmittedOn   *leave.Date     `db:"submitted_on"`
	DecisionDue   *leave.Date     `db:"decision_due"`
	DecidedOn     *leave.Date     `db:"decided_on"`
	RejectReason  string          `db:"reject_reason"`
	PaidFen       *int64          `db:"paid_fen"`
	PaidOn        *leave.Date     `db:"paid_on"`
	DifferenceFen *int64          `db:"difference_fen"`
	CreatedAt     time.Time       `db:"created_at"`
	UpdatedAt     time.Time       `db:"updated_at"`
	CreatedBy     string          `db:"created_by"`
}

// Transition is one step of a claim's or an application's history: the
// action, the status before it, the date it records (submitted, decided or
// paid on) and a detail object (field names and amounts, no personal data).
type Transition struct {
	Seq    int64           `db:"seq" json:"seq"`
	Action string          `db:"action" json:"action"`
	From   string          `db:"from_status" json:"from_status"`
	To     string          `db:"to_status" json:"to_status"`
	On     *leave.Date     `db:"on_date" json:"on_date"`
	Detail json.RawMessage `db:"detail" json:"detail"`
	At     time.Time       `db:"at" json:"at"`
	By     string          `db:"by" json:"by"`
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
	return map[string]any{"tenant_id": tenant, "id": c.ID, "employee_id": c.EmployeeID, "birth_id": c.BirthID,
		"miscarriage_id": c.MiscarriageID, "event_date": c.EventDate, "leave_start": c.LeaveStart,
		"status": c.Status, "result": []byte(c.Result), "facts": []byte(c.Facts), "amount_fen": c.AmountFen,
		"top_up_fen": c.TopUpFen, "paid_days": c.PaidDays, "payee": c.Payee, "insured": c.Insured,
		"submitted_on": c.SubmittedOn, "decision_due": c.DecisionDue, "decided_on": c.DecidedOn,
		"reject_reason": c.RejectReason, "paid_fen": c.PaidFen, "paid_on": c.PaidOn,
		"difference_fen": c.DifferenceFen, "created_by": c.CreatedBy}
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
	const q = `
		WITH c AS (
			UPDATE allowance_claims SET event_date = :event_date, leave_start = :leave_start, status = :status,
				result = :result, facts = :facts, amount_fen = :amount_fen, top_up_fen = :top_up_fen,
				paid_days = :paid_days, payee = :payee, insured = :insured, submitted_on = :submitted_on,
				decision_due = :decision_due, decided_on = :decided_on, reject_reason = :reject_reason,
				paid_fen = :paid_fen, paid_on = :paid_on, difference_fen = :difference_fen, updated_at = now()
			WHERE tenant_id = :tenant_id AND id = :id
			RETURNING ` + claimCols + `),
		tr AS (INSERT INTO allowance_claim_transitions (tenant_id, claim_id, action, from_status, to_status,
				on_date, detail, by)
			SELECT :tenant_id, id, :action, :from_status, status, :on_date, :detail, :by FROM c)
		SELECT ` + claimCols + ` FROM c`
	args := claimArgs(tenant, c)
	tr.addArgs(args)
	return namedOne[AllowanceClaim](ctx, t, "save claim", q, args)
}

// Claim loads one claim; forUpdate locks it.
func (t *Tx) Claim(ctx context.Context, tenant, id string, forUpdate bool) (AllowanceClaim, error) {
	if err := t.check(tenant); err != nil {
		return AllowanceClaim{}, err
	}
	q := `SELECT ` + claimCols + ` FROM allowance_claims WHERE tenant_id = :tenant_id AND id = :id`
	if forUpdate {
		q += ` FOR UPDATE`
	}
	return namedOne[AllowanceClaim](ctx, t, "claim", q, map[string]any{"tenant_id": tenant, "id": id})
}

// ClaimTransitions lists a claim's history, oldest first.
func (t *Tx) ClaimTransitions(ctx context.Context, tenant, claimID string) ([]Transition, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `SELECT seq, action, from_status, to_status, on_date, detail, at, by
		FROM allowance_claim_transitions WHERE tenant_id = $1 AND claim_id = $2 ORDER BY seq`
	out := []Transition{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, claimID); err != nil {
		return nil, fmt.Errorf("store: claim transitions: %w", mapErr(err))
	}
	return out, nil
}

// addArgs sets the named parameters of the transition row a save inserts.
func (tr Transition) addArgs(args map[string]any) {
	args["action"], args["from_status"], args["on_date"], args["by"] = tr.Action, tr.From, tr.On, tr.By
	args["detail"] = detailJSON(tr.Detail)
}

// detailJSON is d, or an empty object for none.
func detailJSON(d json.RawMessage) []byte {
	if len(d) == 0 {
		return []byte(`{}`)
	}
	return []byte(d)
}
