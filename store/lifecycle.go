package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"leaveguard/leave"
)

// Lifecycle is the status and the dates and amounts of the lifecycle that
// allowance claims and subsidy applications share: draft → submitted →
// approved | rejected, approved → paid.
type Lifecycle struct {
	Status        string      `db:"status"`
	SubmittedOn   *leave.Date `db:"submitted_on"`
	DecidedOn     *leave.Date `db:"decided_on"`
	RejectReason  string      `db:"reject_reason"`
	PaidFen       *int64      `db:"paid_fen"`
	PaidOn        *leave.Date `db:"paid_on"`
	DifferenceFen *int64      `db:"difference_fen"`
}

// addArgs sets the named parameters of the lifecycle columns.
func (l Lifecycle) addArgs(args map[string]any) map[string]any {
	args["status"], args["submitted_on"], args["decided_on"] = l.Status, l.SubmittedOn, l.DecidedOn
	args["reject_reason"], args["paid_fen"], args["paid_on"] = l.RejectReason, l.PaidFen, l.PaidOn
	args["difference_fen"] = l.DifferenceFen
	return args
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

// transitions lists the history of one row of a lifecycle table, oldest
// first: table is the history table, key its column naming the row.
func (t *Tx) transitions(ctx context.Context, what, table, key, tenant, id string) ([]Transition, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	q := `SELECT seq, action, from_status, to_status, on_date, detail, at, by
		FROM ` + table + ` WHERE tenant_id = $1 AND ` + key + ` = $2 ORDER BY seq`
	out := []Transition{}
	if err := t.tx.SelectContext(ctx, &out, q, tenant, id); err != nil {
		return nil, fmt.Errorf("store: %s transitions: %w", what, mapErr(err))
	}
	return out, nil
}

// lifecycleSet is the SET list of the lifecycle columns in a save.
const lifecycleSet = `status = :status, submitted_on = :submitted_on, decided_on = :decided_on,
	reject_reason = :reject_reason, paid_fen = :paid_fen, paid_on = :paid_on, difference_fen = :difference_fen`

// historyInsert is the CTE of a save that appends its transition to table
// (key names the row) for the row the CTE src returns.
func historyInsert(table, key, src string) string {
	return `tr AS (INSERT INTO ` + table + ` (tenant_id, ` + key + `, action, from_status, to_status, on_date, detail, by)
		SELECT :tenant_id, id, :action, :from_status, status, :on_date, :detail, :by FROM ` + src + `)`
}

// loadOne loads one row (cols) of table by id; forUpdate locks it.
func loadOne[R any](ctx context.Context, t *Tx, what, cols, table, tenant, id string, forUpdate bool) (R, error) {
	if err := t.check(tenant); err != nil {
		var zero R
		return zero, err
	}
	q := `SELECT ` + cols + ` FROM ` + table + ` WHERE tenant_id = :tenant_id AND id = :id`
	if forUpdate {
		q += ` FOR UPDATE`
	}
	return namedOne[R](ctx, t, what, q, map[string]any{"tenant_id": tenant, "id": id})
}
