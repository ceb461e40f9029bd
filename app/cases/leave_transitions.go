package cases

import (
	"context"

	"leaveguard/leave"
	"leaveguard/store"
)

func badTransition(from, action string) error {
	labels := map[string]string{"submitted": "已提交", "approved": "已批准", "rejected": "已驳回", "cancelled": "已取消"}
	return Fail(Conflict, "invalid_transition", "该申请当前状态为「"+labels[from]+"」，不能"+action)
}

// ApproveLeave approves a submitted request: it is checked again (facts may
// have changed), debited from the ledger and announced (leave.approved).
func (c *Cases) ApproveLeave(ctx context.Context, tenant string, who store.Who, id string) (store.LeaveRequest, error) {
	var out store.LeaveRequest
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		r, err := tx.LeaveRequest(ctx, tenant, id, true)
		if err != nil {
			return err
		}
		if r.Status != string(leave.Submitted) {
			return badTransition(r.Status, "批准")
		}
		s, err := c.load(ctx, tx, tenant, r.EmployeeID, true)
		if err != nil {
			return err
		}
		req := leave.Request{ID: r.ID, LeaveType: leave.LeaveType(r.LeaveType), Start: r.Start, Days: r.Days, ChildID: r.ChildID}
		d, err := leave.CheckRequest(s.Facts, s.Rules, c.Calendar, s.Ledger, s.Bookings, req)
		if err != nil {
			return fromDomain(err)
		}
		if err := refuseAfterSeparation(s.Employee, d.End); err != nil {
			return err
		}
		today := c.Today()
		if s.Ledger.Balance(d.Bucket, leave.Date{}).Credited == 0 {
			credit := leave.Entry{Kind: leave.Credit, PostedOn: today, LeaveType: d.LeaveType, Bucket: d.Bucket,
				Days: d.Entitled, Unit: d.Unit, Note: "依法享有的假期额度"}
			if err := tx.AppendLedger(ctx, tenant, r.EmployeeID, credit); err != nil {
				return err
			}
		}
		if err := tx.AppendLedger(ctx, tenant, r.EmployeeID, leave.DebitFor(d, r.ID, today)); err != nil {
			return err
		}
		if out, err = tx.SetLeaveStatus(ctx, tenant, id, string(leave.Approved), actor(who), ""); err != nil {
			return err
		}
		if err := tx.Emit(ctx, tenant, "leave.approved", leaveEvent(out)); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "leave.approve", "leave_request", id, nil)
	})
	return out, err
}

// RejectLeave rejects a submitted request with a reason.
func (c *Cases) RejectLeave(ctx context.Context, tenant string, who store.Who, id, reason string) (store.LeaveRequest, error) {
	if len([]rune(reason)) > 500 {
		return store.LeaveRequest{}, Fields{"reason": "不能超过500个字符"}.Err()
	}
	var out store.LeaveRequest
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		r, err := tx.LeaveRequest(ctx, tenant, id, true)
		if err != nil {
			return err
		}
		if r.Status != string(leave.Submitted) {
			return badTransition(r.Status, "驳回")
		}
		if out, err = tx.SetLeaveStatus(ctx, tenant, id, string(leave.Rejected), actor(who), reason); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "leave.reject", "leave_request", id, nil)
	})
	return out, err
}

// CancelLeave cancels a submitted request, or an approved one that has not
// yet ended (its days go back to the ledger and leave.cancelled is sent).
func (c *Cases) CancelLeave(ctx context.Context, tenant string, who store.Who, id string) (store.LeaveRequest, error) {
	var out store.LeaveRequest
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		r, err := tx.LeaveRequest(ctx, tenant, id, true)
		if err != nil {
			return err
		}
		switch {
		case r.Status == string(leave.Approved) && r.End.Before(c.Today()):
			return Fail(Conflict, "leave_already_ended", "该假期已于 "+r.End.String()+" 结束，不能取消")
		case r.Status != string(leave.Approved) && r.Status != string(leave.Submitted):
			return badTransition(r.Status, "取消")
		}
		out, err = c.cancelInTx(ctx, tx, tenant, who, r, "")
		return err
	})
	return out, err
}

// cancelInTx cancels r (submitted or approved) inside tx: an approved
// request's days go back to the ledger as a reversal and leave.cancelled is
// sent; note, when set, is kept as the reason. The caller checks that the
// transition is allowed.
func (c *Cases) cancelInTx(ctx context.Context, tx *store.Tx, tenant string, who store.Who, r store.LeaveRequest, note string) (store.LeaveRequest, error) {
	wasApproved := r.Status == string(leave.Approved)
	if wasApproved {
		l, err := ledgerOf(ctx, tx, tenant, r.EmployeeID)
		if err != nil {
			return store.LeaveRequest{}, err
		}
		rev, err := l.ReversalFor(r.ID, c.Today())
		if err != nil {
			return store.LeaveRequest{}, fromDomain(err)
		}
		if err := tx.AppendLedger(ctx, tenant, r.EmployeeID, rev); err != nil {
			return store.LeaveRequest{}, err
		}
	}
	out, err := tx.SetLeaveStatus(ctx, tenant, r.ID, string(leave.Cancelled), actor(who), note)
	if err != nil {
		return store.LeaveRequest{}, err
	}
	if wasApproved {
		if err := tx.Emit(ctx, tenant, "leave.cancelled", leaveEvent(out)); err != nil {
			return store.LeaveRequest{}, err
		}
	}
	return out, tx.Audit(ctx, tenant, who, "leave.cancel", "leave_request", r.ID, nil)
}

// leaveEvent is the payload of leave.approved / leave.cancelled: ids and
// dates only, no personal data beyond the employee id.
func leaveEvent(r store.LeaveRequest) map[string]any {
	return map[string]any{"leave_request_id": r.ID, "employee_id": r.EmployeeID, "leave_type": r.LeaveType,
		"start": r.Start, "end": r.End, "days": r.Days, "unit": r.Unit, "status": r.Status}
}
