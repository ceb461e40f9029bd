package cases

import (
	"context"
	"fmt"

	"leaveguard/leave"
	"leaveguard/store"
)

// LeaveInput is the body of POST /leave-requests.
type LeaveInput struct {
	EmployeeID *string `json:"employee_id"`
	LeaveType  *string `json:"leave_type"`
	Start      *string `json:"start"`
	Days       *int    `json:"days"`
	ChildID    *string `json:"child_id"`
	Note       *string `json:"note"`
}

func (in LeaveInput) parse() (leave.Request, string, string, error) {
	f := Fields{}
	emp := f.Text("employee_id", in.EmployeeID, true, 64)
	req := leave.Request{Start: f.Date("start", in.Start, true)}
	lt := f.Text("leave_type", in.LeaveType, true, 40)
	if t, err := leave.ParseLeaveType(lt); err == nil {
		req.LeaveType = t
	} else if lt != "" {
		f["leave_type"] = "须为 maternity、miscarriage、spousal_nursing、parental、marriage 或 only_child_care"
	}
	switch {
	case in.Days == nil:
		f["days"] = "必填：请假天数"
	case *in.Days < 1 || *in.Days > leave.MaxLeaveDays:
		f["days"] = fmt.Sprintf("天数须为 1 到 %d 之间的整数", leave.MaxLeaveDays)
	default:
		req.Days = *in.Days
	}
	req.ChildID = f.Text("child_id", in.ChildID, false, 64)
	note := f.Text("note", in.Note, false, 500)
	return req, emp, note, f.Err()
}

// SubmitLeave checks a request against the employee's entitlements and other
// requests and stores it as submitted, with the decision it was checked by.
func (c *Cases) SubmitLeave(ctx context.Context, tenant string, who store.Who, in LeaveInput) (store.LeaveRequest, error) {
	req, employeeID, note, err := in.parse()
	if err != nil {
		return store.LeaveRequest{}, err
	}
	var out store.LeaveRequest
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		s, err := c.load(ctx, tx, tenant, employeeID, true)
		if err != nil {
			return err
		}
		d, err := leave.CheckRequest(s.Facts, s.Rules, c.Calendar, s.Ledger, s.Bookings, req)
		if err != nil {
			return fromDomain(err)
		}
		if err := refuseAfterSeparation(s.Employee, d.End); err != nil {
			return err
		}
		row := store.LeaveRequest{EmployeeID: employeeID, LeaveType: string(d.LeaveType), Start: d.Start, End: d.End,
			Days: d.Days, Unit: string(d.Unit), Bucket: d.Bucket, ChildID: req.ChildID, Status: string(leave.Submitted),
			Decision: mustJSON(d), Note: note}
		if out, err = tx.CreateLeaveRequest(ctx, tenant, row); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "leave.submit", "leave_request", out.ID, map[string]any{"employee_id": employeeID})
	})
	return out, err
}

// PreviewLeave computes what a request would be granted (dates, unit, basis)
// without storing anything, for forms that show the end date before submit.
func (c *Cases) PreviewLeave(ctx context.Context, tenant string, in LeaveInput) (leave.Decision, error) {
	req, employeeID, _, err := in.parse()
	if err != nil {
		return leave.Decision{}, err
	}
	var d leave.Decision
	err = c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		s, err := c.load(ctx, tx, tenant, employeeID, false)
		if err != nil {
			return err
		}
		d, err = leave.CheckRequest(s.Facts, s.Rules, c.Calendar, s.Ledger, s.Bookings, req)
		return fromDomain(err)
	})
	return d, err
}

// LeaveRequest loads one request, auditing the read.
func (c *Cases) LeaveRequest(ctx context.Context, tenant string, who store.Who, id string) (store.LeaveRequest, error) {
	var r store.LeaveRequest
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		if r, err = tx.LeaveRequest(ctx, tenant, id, false); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "leave_request.read", "leave_request", id, map[string]any{"employee_id": r.EmployeeID})
	})
	return r, err
}

// LeaveRequests lists requests matching f, auditing the read.
func (c *Cases) LeaveRequests(ctx context.Context, tenant string, who store.Who, f store.LeaveFilter) ([]store.LeaveRequest, error) {
	var rows []store.LeaveRequest
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		if rows, err = tx.LeaveRequests(ctx, tenant, f); err != nil {
			return err
		}
		ids := make([]string, len(rows))
		for i, r := range rows {
			ids[i] = r.ID
		}
		return auditList(ctx, tx, tenant, who, "leave_request.list", "leave_request", ids,
			map[string]any{"employee_id": f.EmployeeID, "status": f.Status})
	})
	return rows, err
}
