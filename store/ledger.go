package store

import (
	"context"
	"fmt"
	"time"

	"leaveguard/leave"
)

// LedgerEntry is one stored line of the append-only leave ledger.
type LedgerEntry struct {
	Seq       int64       `db:"seq" json:"seq"`
	Kind      string      `db:"kind" json:"kind"`
	PostedOn  leave.Date  `db:"posted_on" json:"posted_on"`
	LeaveType string      `db:"leave_type" json:"leave_type"`
	Bucket    string      `db:"bucket" json:"bucket"`
	Days      int         `db:"days" json:"days"`
	Unit      string      `db:"unit" json:"unit"`
	RequestID string      `db:"request_id" json:"request_id"`
	Start     *leave.Date `db:"start_date" json:"start"`
	End       *leave.Date `db:"end_date" json:"end"`
	Note      string      `db:"note" json:"note"`
	CreatedAt time.Time   `db:"created_at" json:"created_at"`
}

// AppendLedger adds entries for one employee (never updates or deletes).
func (t *Tx) AppendLedger(ctx context.Context, tenant, employeeID string, entries ...leave.Entry) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `
		INSERT INTO ledger_entries (tenant_id, employee_id, kind, posted_on, leave_type, bucket, days,
			unit, request_id, start_date, end_date, note)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`
	for _, e := range entries {
		if _, err := t.tx.ExecContext(ctx, q, tenant, employeeID, string(e.Kind), e.PostedOn, string(e.LeaveType),
			e.Bucket, e.Days, string(e.Unit), e.RequestID, e.Start, e.End, e.Note); err != nil {
			return fmt.Errorf("store: append ledger: %w", mapErr(err))
		}
	}
	return nil
}

// Ledger loads one employee's ledger in append order.
func (t *Tx) Ledger(ctx context.Context, tenant, employeeID string) ([]LedgerEntry, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT seq, kind, posted_on, leave_type, bucket, days, unit, request_id, start_date, end_date, note, created_at
		FROM ledger_entries WHERE tenant_id = $1 AND employee_id = $2 ORDER BY seq`
	var out []LedgerEntry
	if err := t.tx.SelectContext(ctx, &out, q, tenant, employeeID); err != nil {
		return nil, fmt.Errorf("store: ledger: %w", err)
	}
	return out, nil
}

// Entry converts a stored line back to the domain's ledger entry.
func (e LedgerEntry) Entry() leave.Entry {
	out := leave.Entry{Kind: leave.EntryKind(e.Kind), PostedOn: e.PostedOn, LeaveType: leave.LeaveType(e.LeaveType),
		Bucket: e.Bucket, Days: e.Days, Unit: leave.Unit(e.Unit), RequestID: e.RequestID, Note: e.Note}
	if e.Start != nil {
		out.Start = *e.Start
	}
	if e.End != nil {
		out.End = *e.End
	}
	return out
}
