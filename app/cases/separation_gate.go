package cases

import (
	"context"
	"errors"

	"leaveguard/app/auth"
	"leaveguard/leave"
	"leaveguard/store"
)

// Finding is a fact a separation was recorded with: the protection it
// passed, the check or review it relied on, an admin's override, the leave
// it closed. Findings are stored with the separation so a report can list
// them later.
type Finding struct {
	Code    string         `json:"code"`
	Message string         `json:"message"`
	Detail  map[string]any `json:"detail,omitempty"`
}

// gate decides whether a separation of the employee in pf may be recorded
// (劳动合同法 第四十二条): an employer-initiated separation of a woman
// protected on her last day needs a stored dismissal check for that action,
// ground and date that allows it (or, for requires_review, a named reviewer
// and a note). The Art. 44 kinds have no check action, so they need the
// review. An admin's written reason overrides a refusal, as a finding.
func (c *Cases) gate(ctx context.Context, tx *store.Tx, tenant string, pf store.ProtectionFacts, s separation) ([]Finding, bool, error) {
	if s.override != "" && s.role != auth.Admin {
		return nil, false, Fail(Forbidden, "override_forbidden", "只有管理员可以强制办理离职")
	}
	facts, err := protectionFacts(pf)
	if err != nil {
		return nil, false, err
	}
	p := leave.ProtectionOn(facts, s.lastDay)
	if !p.Protected {
		return nil, false, nil
	}
	out := []Finding{{Code: "protected_at_separation", Message: "最后工作日处于“三期”保护期内（至 " + p.Until.String() + "）",
		Detail: map[string]any{"phase": p.Phase, "protected_until": p.Until, "estimated": p.UntilEstimated}}}
	if !employerInitiated(s.kind) {
		return out, false, nil
	}
	f, err := c.checkGate(ctx, tx, tenant, pf.ID, s)
	var ce *Error
	switch {
	case err == nil:
		return append(out, f), false, nil
	case errors.As(err, &ce) && ce.Kind == Unprocessable && s.override != "":
		return append(out, Finding{Code: "override", Message: "管理员强制办理：" + s.override,
			Detail: map[string]any{"refused": ce.Code, "reason": s.override}}), true, nil
	}
	return nil, false, err
}

// checkGate finds what lets an employer-initiated separation of a
// protected employee through, or the 422 that refuses it.
func (c *Cases) checkGate(ctx context.Context, tx *store.Tx, tenant, employeeID string, s separation) (Finding, error) {
	reviewed := s.reviewedBy != "" && s.reviewNote != ""
	review := Finding{Code: "reviewed", Message: "经 " + s.reviewedBy + " 复核：" + s.reviewNote,
		Detail: map[string]any{"reviewed_by": s.reviewedBy, "note": s.reviewNote}}
	if s.kind != "termination" && s.kind != "non_renewal" {
		if !reviewed {
			return Finding{}, &Error{Kind: Unprocessable, Code: "review_required",
				Message: "该员工处于“三期”保护期，因退休、破产或关闭终止劳动合同须经人工复核",
				Fields:  map[string]string{"reviewed_by": "须填写复核人", "review_note": "须填写复核意见"}}
		}
		return review, nil
	}
	if s.checkID == "" {
		return Finding{}, Fail(Unprocessable, "dismissal_check_required", "该员工处于“三期”保护期，须先对本次离职做解雇审查（dismissal_check_id）")
	}
	d, err := tx.DismissalCheck(ctx, tenant, s.checkID)
	if errors.Is(err, store.ErrNotFound) {
		return Finding{}, Fail(Unprocessable, "dismissal_check_required", "未找到该解雇审查记录")
	} else if err != nil {
		return Finding{}, err
	}
	if d.EmployeeID != employeeID || d.Action != s.kind || d.Ground != s.ground || !d.EffectiveDate.Equal(s.lastDay) {
		return Finding{}, Fail(Unprocessable, "dismissal_check_required", "该解雇审查记录与本次离职的员工、类型、依据或日期不符")
	}
	detail := map[string]any{"dismissal_check_id": d.ID, "verdict": d.Verdict}
	switch d.Verdict {
	case "allowed":
		return Finding{Code: "dismissal_check_allowed", Message: "解雇审查结论：允许", Detail: detail}, nil
	case "requires_review":
		if !reviewed {
			return Finding{}, &Error{Kind: Unprocessable, Code: "review_required", Message: "解雇审查结论为“需人工复核”，请填写复核人和复核意见",
				Fields: map[string]string{"reviewed_by": "须填写复核人", "review_note": "须填写复核意见"}}
		}
		review.Detail["dismissal_check_id"] = d.ID
		return review, nil
	}
	return Finding{}, Fail(Unprocessable, "prohibited_by_check", "解雇审查结论为禁止（"+d.Verdict+"），不能办理该离职")
}
