package cases

import (
	"context"

	"leaveguard/leave"
	"leaveguard/store"
)

// SeparatedReason is the note on leave requests closed by a separation.
const SeparatedReason = "员工已离职"

// closeLeaveAfter closes the employee's leave that reaches past her last
// day: submitted requests are cancelled, approved leave that starts after
// it is cancelled through the ordinary cancel path (ledger reversal and
// leave.cancelled). Approved leave that spans the last day is left for HR
// and reported as a finding.
func (c *Cases) closeLeaveAfter(ctx context.Context, tx *store.Tx, tenant string, who store.Who, employeeID string, lastDay leave.Date) ([]Finding, error) {
	rows, err := tx.LeaveRequests(ctx, tenant, store.LeaveFilter{EmployeeID: employeeID, From: lastDay.AddDays(1), Limit: 10000})
	if err != nil {
		return nil, err
	}
	var closed, cancelled, spanning []string
	for _, r := range rows {
		switch {
		case r.Status == string(leave.Submitted):
			closed = append(closed, r.ID)
		case r.Status == string(leave.Approved) && r.Start.After(lastDay):
			cancelled = append(cancelled, r.ID)
		case r.Status == string(leave.Approved):
			spanning = append(spanning, r.ID)
			continue
		default:
			continue
		}
		if _, err := c.cancelInTx(ctx, tx, tenant, who, r, SeparatedReason); err != nil {
			return nil, err
		}
	}
	var out []Finding
	if len(closed) > 0 {
		out = append(out, Finding{Code: "leave_requests_closed", Message: "已关闭待审批的请假申请（员工已离职）",
			Detail: map[string]any{"leave_request_ids": closed}})
	}
	if len(cancelled) > 0 {
		out = append(out, Finding{Code: "approved_leave_cancelled", Message: "已取消最后工作日之后的已批准假期，并冲回假期额度",
			Detail: map[string]any{"leave_request_ids": cancelled}})
	}
	if len(spanning) > 0 {
		out = append(out, Finding{Code: "leave_spans_last_day", Message: "有已批准的假期跨越最后工作日，请人工处理",
			Detail: map[string]any{"leave_request_ids": spanning}})
	}
	return out, nil
}

// refuseAfterSeparation refuses leave ending after the employee's last day.
func refuseAfterSeparation(e store.Employee, end leave.Date) error {
	if e.SeparatedOn != nil && end.After(*e.SeparatedOn) {
		return Fail(Unprocessable, "employee_separated", "该员工已办理离职（最后工作日 "+e.SeparatedOn.String()+"），不能申请该日之后的假期")
	}
	return nil
}

// leftBefore reports whether the employee's last day came before d: she is
// a former employee on d, and no alert or watch-list counts her.
func leftBefore(e store.Employee, d leave.Date) bool {
	return e.SeparatedOn != nil && e.SeparatedOn.Before(d)
}
