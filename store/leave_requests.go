package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"leaveguard/leave"
)

// LeaveRequest is a stored leave request with the decision it was checked against.
type LeaveRequest struct {
	ID         string          `db:"id"`
	EmployeeID string          `db:"employee_id"`
	LeaveType  string          `db:"leave_type"`
	Start      leave.Date      `db:"start_date"`
	End        leave.Date      `db:"end_date"`
	Days       int             `db:"days"`
	Unit       string          `db:"unit"`
	Bucket     string          `db:"bucket"`
	ChildID    string          `db:"child_id"`
	Status     string          `db:"status"`
	Decision   json.RawMessage `db:"decision"`
	Note       string          `db:"note"`
	CreatedAt  time.Time       `db:"created_at"`
	DecidedAt  *time.Time      `db:"decided_at"`
	DecidedBy  string          `db:"decided_by"`
	ReviewNote string          `db:"review_note"` // set when a corrected fact no longer allows an approved leave
}

const leaveRequestCols = `id, employee_id, leave_type, start_date, end_date, days, unit, bucket,
	child_id, status, decision, note, created_at, decided_at, decided_by, review_note`

// CreateLeaveRequest stores a submitted request.
func (t *Tx) CreateLeaveRequest(ctx context.Context, tenant string, r LeaveRequest) (LeaveRequest, error) {
	if err := t.check(tenant); err != nil {
		return LeaveRequest{}, err
	}
	const q = `
		INSERT INTO leave_requests (tenant_id, employee_id, leave_type, start_date, end_date, days, unit,
			bucket, child_id, status, decision, note)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ` + leaveRequestCols
	var out LeaveRequest
	if err := t.tx.GetContext(ctx, &out, q, tenant, r.EmployeeID, r.LeaveType, r.Start, r.End, r.Days, r.Unit,
		r.Bucket, r.ChildID, r.Status, []byte(r.Decision), r.Note); err != nil {
		return LeaveRequest{}, fmt.Errorf("store: create leave request: %w", mapErr(err))
	}
	return out, nil
}

// LeaveRequest loads one request; forUpdate locks it.
func (t *Tx) LeaveRequest(ctx context.Context, tenant, id string, forUpdate bool) (LeaveRequest, error) {
	if err := t.check(tenant); err != nil {
		return LeaveRequest{}, err
	}
	q := `SELECT ` + leaveRequestCols + ` FROM leave_requests WHERE tenant_id = $1 AND id = $2`
	if forUpdate {
		q += ` FOR UPDATE`
	}
	var out LeaveRequest
	if err := t.tx.GetContext(ctx, &out, q, tenant, id); err != nil {
		return LeaveRequest{}, fmt.Errorf("store: leave request: %w", mapErr(err))
	}
	return out, nil
}

// SetLeaveStatus records a transition of a request.
func (t *Tx) SetLeaveStatus(ctx context.Context, tenant, id, status, by, note string) (LeaveRequest, error) {
	if err := t.check(tenant); err != nil {
		return LeaveRequest{}, err
	}
	const q = `
		UPDATE leave_requests SET status = $3, decided_at = now(), decided_by = $4,
			note = CASE WHEN $5 = '' THEN note ELSE $5 END
		WHERE tenant_id = $1 AND id = $2 RETURNING ` + leaveRequestCols
	var out LeaveRequest
	if err := t.tx.GetContext(ctx, &out, q, tenant, id, status, by, note); err != nil {
		return LeaveRequest{}, fmt.Errorf("store: set leave status: %w", mapErr(err))
	}
	return out, nil
}

// LeaveFilter narrows a listing of leave requests.
type LeaveFilter struct {
	EmployeeID string
	Status     string
	From, To   leave.Date // a window the leave overlaps, when set
	DatesBy    string     // "start" or "end": the window holds the start or end day instead
	Sort       string     // a key of LeaveSorts; "" is oldest first
	AfterTime  time.Time  // the sort key of the last row shown (a date at 00:00 UTC)
	AfterID    string
	Limit      int
}

// LeaveSorts are the orders of a leave listing: "created" (when it was
// made, the default), "start" or "end" day, each ascending or with "-"
// descending. Ties go by id, so the keyset cursor is stable.
var LeaveSorts = map[string]struct {
	Col  string
	Desc bool
}{
	"created": {"created_at", false}, "-created": {"created_at", true},
	"start": {"start_date", false}, "-start": {"start_date", true},
	"end": {"end_date", false}, "-end": {"end_date", true},
}

// LeaveRequests lists requests in f.Sort order (oldest first by default),
// one page at a time.
func (t *Tx) LeaveRequests(ctx context.Context, tenant string, f LeaveFilter) ([]LeaveRequest, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	sort, ok := LeaveSorts[f.Sort]
	if !ok {
		sort = LeaveSorts["created"]
	}
	after, typ, cmp, dir := any(f.AfterTime), "timestamptz", ">", ""
	if sort.Col != "created_at" {
		after, typ = f.AfterTime.UTC().Format(time.DateOnly), "date"
	}
	if sort.Desc {
		cmp, dir = "<", " DESC"
	}
	q := `
		SELECT ` + leaveRequestCols + ` FROM leave_requests
		WHERE tenant_id = :tenant_id
		  AND (:employee_id = '' OR employee_id = CAST(NULLIF(:employee_id, '') AS uuid))
		  AND (:status = '' OR status = :status)
		  AND (CAST(:from AS date) IS NULL OR CASE :dates_by WHEN 'start' THEN start_date ELSE end_date END >= :from)
		  AND (CAST(:to AS date) IS NULL OR CASE :dates_by WHEN 'end' THEN end_date ELSE start_date END <= :to)
		  AND (:after_id = '' OR (` + sort.Col + `, id) ` + cmp + ` (CAST(:after AS ` + typ + `), CAST(NULLIF(:after_id, '') AS uuid)))
		ORDER BY ` + sort.Col + dir + `, id` + dir + ` LIMIT :limit`
	args := map[string]any{"tenant_id": tenant, "employee_id": f.EmployeeID, "status": f.Status,
		"from": f.From, "to": f.To, "dates_by": f.DatesBy, "after": after, "after_id": f.AfterID, "limit": f.Limit}
	rows, err := sqlxNamedQuery(ctx, t, q, args)
	if err != nil {
		return nil, fmt.Errorf("store: leave requests: %w", mapErr(err))
	}
	defer rows.Close()
	var out []LeaveRequest
	for rows.Next() {
		var r LeaveRequest
		if err := rows.StructScan(&r); err != nil {
			return nil, fmt.Errorf("store: scan leave request: %w", err)
		}
		out = append(out, r)
	}
	return out, mapErr(rows.Err())
}

// MoveLeaveRequest charges an approved request to another bucket after a
// corrected fact (its ledger debit moves with it in the same transaction).
func (t *Tx) MoveLeaveRequest(ctx context.Context, tenant, id, bucket string, end leave.Date, decision []byte) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `UPDATE leave_requests SET bucket = $3, end_date = $4, decision = $5, review_note = ''
		WHERE tenant_id = $1 AND id = $2 AND status = 'approved'`
	if _, err := t.tx.ExecContext(ctx, q, tenant, id, bucket, end, decision); err != nil {
		return fmt.Errorf("store: move leave request: %w", err)
	}
	return nil
}

// FlagLeaveRequest records why a corrected fact no longer allows an
// approved request; it stays approved until HR decides.
func (t *Tx) FlagLeaveRequest(ctx context.Context, tenant, id, note string) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `UPDATE leave_requests SET review_note = $3 WHERE tenant_id = $1 AND id = $2`
	if _, err := t.tx.ExecContext(ctx, q, tenant, id, note); err != nil {
		return fmt.Errorf("store: flag leave request: %w", err)
	}
	return nil
}
