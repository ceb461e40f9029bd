package cases

import (
	"errors"
	"fmt"

	"leaveguard/leave"
	"leaveguard/payroll"
)

// Statuses shared by allowance claims and subsidy applications:
// draft → submitted → approved | rejected, approved → paid.
const (
	StatusDraft     = "draft"
	StatusSubmitted = "submitted"
	StatusApproved  = "approved"
	StatusRejected  = "rejected"
	StatusPaid      = "paid"
)

var statusLabels = map[string]string{StatusDraft: "草稿", StatusSubmitted: "已提交", StatusApproved: "已批准",
	StatusRejected: "已驳回", StatusPaid: "已到账"}

// actionFrom is the only status each action may start from; its label.
var actionFrom = map[string]struct{ from, label string }{
	"recompute": {StatusDraft, "重新计算"}, "submit": {StatusDraft, "提交"},
	"approve": {StatusSubmitted, "批准"}, "reject": {StatusSubmitted, "驳回"}, "pay": {StatusApproved, "登记到账"},
}

// checkTransition refuses an action from the wrong status with a 409
// naming the current status and the one the action needs.
func checkTransition(what, status, action string) error {
	a := actionFrom[action]
	if a.from == status {
		return nil
	}
	return Fail(Conflict, "invalid_transition", fmt.Sprintf("该%s当前状态为「%s」，不能%s：只有「%s」状态的%s可以%s",
		what, statusLabels[status], a.label, statusLabels[a.from], what, a.label))
}

// SubmitInput is the optional body of a submit: the date it was filed with
// the bureau (default today; for back-filling, never in the future).
type SubmitInput struct {
	SubmittedOn *string `json:"submitted_on"`
}

// DecideInput is the body of an approve or reject: the bureau's decision
// date (default today) and, for a rejection, the reason (required).
type DecideInput struct {
	DecidedOn *string `json:"decided_on"`
	Reason    *string `json:"reason"`
}

// PayInput is the body of a pay: the amount received and its date.
type PayInput struct {
	PaidFen *int64  `json:"paid_fen"`
	PaidOn  *string `json:"paid_on"`
}

// pastDate reads an optional (or required) date that may not be after
// today nor before notBefore (when set); empty optional means today.
func pastDate(f Fields, name string, s *string, required bool, today leave.Date, notBefore *leave.Date, what string) leave.Date {
	d := f.Date(name, s, required)
	switch {
	case f[name] != "":
		return d
	case d.IsZero():
		return today
	case d.After(today):
		f[name] = "不能晚于今天（" + today.String() + "）"
	case notBefore != nil && d.Before(*notBefore):
		f[name] = "不能早于" + what + "（" + notBefore.String() + "）"
	}
	return d
}

// decision reads a decide input: decided_on (not before the submission)
// and the reason, required for a rejection and refused for an approval.
func decision(action string, in DecideInput, today leave.Date, submitted *leave.Date) (leave.Date, string, error) {
	f := Fields{}
	on := pastDate(f, "decided_on", in.DecidedOn, false, today, submitted, "提交日期")
	var reason string
	if action == "reject" {
		reason = f.Text("reason", in.Reason, true, 500)
	} else if in.Reason != nil {
		f["reason"] = "仅驳回时填写"
	}
	return on, reason, f.Err()
}

// payment reads a pay input: the required paid_on (not before the decision)
// and a paid_fen of at least zero.
func payment(in PayInput, today leave.Date, decided *leave.Date) (leave.Date, int64, error) {
	f := Fields{}
	on := pastDate(f, "paid_on", in.PaidOn, true, today, decided, "批准日期")
	switch {
	case in.PaidFen == nil:
		f["paid_fen"] = "必填：实际到账金额（分）"
	case *in.PaidFen < 0:
		f["paid_fen"] = "到账金额不能为负"
	}
	if err := f.Err(); err != nil {
		return leave.Date{}, 0, err
	}
	return on, *in.PaidFen, nil
}

// Reconciliation compares the amount received with the amount computed.
type Reconciliation struct {
	ComputedFen   int64  `json:"computed_fen"`
	PaidFen       int64  `json:"paid_fen"`
	DifferenceFen int64  `json:"difference_fen"`
	Status        string `json:"status"` // matched | underpaid | overpaid
	Message       string `json:"message"`
}

// reconcile is nil until paid.
func reconcile(computed int64, paid *int64) *Reconciliation {
	if paid == nil {
		return nil
	}
	r := &Reconciliation{ComputedFen: computed, PaidFen: *paid, DifferenceFen: *paid - computed, Status: "matched",
		Message: "到账金额与测算金额一致"}
	switch {
	case r.DifferenceFen < 0:
		r.Status = "underpaid"
		r.Message = fmt.Sprintf("到账金额比测算金额少%s，请核对经办机构的计发基数、天数或除数", yuanText(-r.DifferenceFen))
	case r.DifferenceFen > 0:
		r.Status = "overpaid"
		r.Message = fmt.Sprintf("到账金额比测算金额多%s，请核对经办机构的计发口径", yuanText(r.DifferenceFen))
	}
	return r
}

// yuanText formats fen as "1234.56元" for messages.
func yuanText(fen int64) string { return fmt.Sprintf("%d.%02d元", fen/100, fen%100) }

// fromPayroll turns a payroll/ error into a use-case error: a missing wage
// basis or missing rates is a 422 naming the year and the setting to fill
// in; other bad facts are a 422 with the fields.
func fromPayroll(err error) error {
	var mw payroll.ErrMissingWageBasis
	var mr payroll.ErrMissingRates
	var fe payroll.FieldErrors
	switch {
	case errors.As(err, &mw):
		return &Error{Kind: Unprocessable, Code: "missing_wage_basis", Message: mw.Error(),
			Fields: map[string]string{fmt.Sprintf("%s.%d", keyAvgWage, mw.Year): "请填写该年度的用人单位职工月平均工资（分）"}}
	case errors.As(err, &mr):
		return &Error{Kind: Unprocessable, Code: "missing_rates", Message: mr.Error(),
			Fields: map[string]string{fmt.Sprintf("%s.%d", keyRates, mr.Year): "请按当地通知设置该年度的缴费比例及缴费基数上下限"}}
	case errors.As(err, &fe):
		return &Error{Kind: Unprocessable, Code: "not_computable", Message: "计算所需的资料不完整或有误，请按字段提示补充",
			Fields: map[string]string(fe)}
	}
	return err
}
