package cases

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"leaveguard/leave"
	"leaveguard/pdf"
	"leaveguard/store"
)

// LeaveNotice generates (or returns the unchanged latest) 休假审批通知书 of
// an approved leave request; any other status is a 409.
func (f *Filings) LeaveNotice(ctx context.Context, tenant string, who store.Who, id string) (Filing, error) {
	return f.generate(ctx, tenant, who, KindLeaveNotice, id, func(tx *store.Tx) (document, error) {
		r, err := tx.LeaveRequest(ctx, tenant, id, false)
		if err != nil {
			return nil, err
		}
		if r.Status != string(leave.Approved) || r.DecidedAt == nil {
			labels := map[string]string{"submitted": "已提交", "rejected": "已驳回", "cancelled": "已取消"}
			return nil, Fail(Conflict, "leave_not_approved",
				"仅已批准的休假可生成休假审批通知书；该申请当前状态为「"+labels[r.Status]+"」")
		}
		e, err := tx.Employee(ctx, tenant, r.EmployeeID)
		if err != nil {
			return nil, err
		}
		var d leave.Decision
		if err := json.Unmarshal(r.Decision, &d); err != nil {
			return nil, fmt.Errorf("cases: leave request %s decision: %w", r.ID, err)
		}
		approver, err := f.approver(ctx, tx, tenant, r.DecidedBy)
		if err != nil {
			return nil, err
		}
		return &noticePDF{pdf.LeaveNotice{EmployeeName: e.Name, ExternalID: e.ExternalID, LeaveType: r.LeaveType,
			Start: r.Start, End: r.End, Days: r.Days, Unit: r.Unit, Basis: basisLines(d.Basis),
			Approver: approver, ApprovedOn: leave.DateOf(r.DecidedAt.In(chinaTime)), Remarks: r.Note}}, nil
	})
}

// approver names who approved: the portal user's name, else the HR
// department (an API key is not a person).
func (f *Filings) approver(ctx context.Context, tx *store.Tx, tenant, decidedBy string) (string, error) {
	typ, id, _ := strings.Cut(decidedBy, ":")
	name, err := tx.ActorName(ctx, tenant, typ, id)
	if err != nil || name != "" {
		return name, err
	}
	return "人力资源部门", nil
}

// ContractExtensionNotice generates 劳动合同顺延通知书 for an employee whose
// contract ends inside her protected period; otherwise a 409.
func (f *Filings) ContractExtensionNotice(ctx context.Context, tenant string, who store.Who, employeeID string) (Filing, error) {
	return f.generate(ctx, tenant, who, KindContractExtension, employeeID, func(tx *store.Tx) (document, error) {
		return extensionDoc(ctx, tx, tenant, employeeID)
	})
}

// extensionDoc is the contract-extension notice the employee's facts call
// for, or a Conflict when her contract needs no extension.
func extensionDoc(ctx context.Context, tx *store.Tx, tenant, employeeID string) (document, error) {
	pf, err := tx.ProtectionFacts(ctx, tenant, employeeID, "")
	if err != nil {
		return nil, err
	}
	if pf.ContractEnd == nil {
		return nil, Fail(Conflict, "no_contract_extension", "该职工未约定劳动合同期满日（无固定期限或未录入），无需出具顺延通知书")
	}
	x, _, ok, err := extensionOf(pf, *pf.ContractEnd)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, Fail(Conflict, "no_contract_extension",
			"该职工的劳动合同期满日不在孕期、产期、哺乳期内，无需依劳动合同法第四十五条顺延")
	}
	return &extensionPDF{pdf.ContractExtension{EmployeeName: pf.Name, NationalIDMasked: pf.NationalIDMasked,
		ExternalID: pf.ExternalID, ContractEnd: x.ContractEnd, Phase: string(x.Phase),
		ProtectedUntil: x.ProtectedUntil, Estimated: x.UntilEstimated, ExtendedEnd: x.ExtendedContractEnd}}, nil
}

// basisLines writes a decision's basis one source per line, with the value
// it set: "女职工劳动保护特别规定 第七条（98天）".
func basisLines(bs []leave.Basis) []string {
	units := map[string]string{"days": "天", "calendar_days": "天", "working_days": "个工作日", "weeks": "周", "months": "个月"}
	var out []string
	for _, b := range bs {
		s := b.Source
		if u, ok := units[b.Unit]; ok && b.Value != nil {
			s += "（" + strconv.Itoa(*b.Value) + u + "）"
		}
		if b.TenantOverride {
			s += "（本单位规定）"
		}
		out = append(out, s)
	}
	return out
}
