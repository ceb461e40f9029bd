package cases

import (
	"context"
	"time"

	"leaveguard/leave"
	"leaveguard/store"
)

// CorrectionChannels are how an employee's correction request reached HR.
var CorrectionChannels = map[string]string{"in_person": "当面提出", "written": "书面申请", "email": "电子邮件",
	"phone": "电话", "other": "其他"}

// CorrectionOutcomes are the outcomes of a correction request.
var CorrectionOutcomes = map[string]string{"corrected": "已更正", "partially_corrected": "部分更正", "rejected": "不予更正"}

// CorrectionRequestInput is the body of POST
// /employees/{id}/correction-requests: what she asked to correct, when and
// how the request came in.
type CorrectionRequestInput struct {
	Subject    *string `json:"subject"`
	ReceivedOn *string `json:"received_on"`
	Channel    *string `json:"channel"`
}

// CorrectionOutcomeInput is the body of POST
// /correction-requests/{id}/outcome. A rejection or a partial correction
// needs its reason in note.
type CorrectionOutcomeInput struct {
	Outcome   *string `json:"outcome"`
	Note      *string `json:"note"`
	DecidedOn *string `json:"decided_on"`
}

// CorrectionRequest is a correction request as the API shows it; status is
// open until decided, then the outcome.
type CorrectionRequest struct {
	ID          string      `json:"id"`
	EmployeeID  string      `json:"employee_id"`
	Subject     string      `json:"subject"`
	ReceivedOn  leave.Date  `json:"received_on"`
	Channel     string      `json:"channel"`
	Status      string      `json:"status"`
	OutcomeNote string      `json:"outcome_note"`
	DecidedOn   *leave.Date `json:"decided_on"`
	DecidedBy   string      `json:"decided_by"`
	CreatedAt   time.Time   `json:"created_at"`
	CreatedBy   string      `json:"created_by"`
}

func viewCorrectionRequest(r store.CorrectionRequest) CorrectionRequest {
	status := "open"
	if r.Outcome != nil {
		status = *r.Outcome
	}
	return CorrectionRequest{ID: r.ID, EmployeeID: r.EmployeeID, Subject: r.Subject, ReceivedOn: r.ReceivedOn,
		Channel: r.Channel, Status: status, OutcomeNote: r.OutcomeNote, DecidedOn: r.DecidedOn, DecidedBy: r.DecidedBy,
		CreatedAt: r.CreatedAt, CreatedBy: r.CreatedBy}
}

// oneOf checks that a required value is one of the codes of names.
func (f Fields) oneOf(name string, s *string, names map[string]string) string {
	v := f.Text(name, s, true, 40)
	if _, ok := names[v]; v != "" && !ok {
		f[name] = "取值无效"
	}
	return v
}

// RecordCorrectionRequest records an employee's correction request,
// audited as correction_request.create on her record.
func (c *Cases) RecordCorrectionRequest(ctx context.Context, tenant string, who store.Who, employeeID string,
	in CorrectionRequestInput) (CorrectionRequest, error) {
	f := Fields{}
	r := store.CorrectionRequest{EmployeeID: employeeID, Subject: f.Text("subject", in.Subject, true, 2000),
		ReceivedOn: f.Date("received_on", in.ReceivedOn, true), Channel: f.oneOf("channel", in.Channel, CorrectionChannels),
		CreatedBy: actor(who)}
	if !r.ReceivedOn.IsZero() && r.ReceivedOn.After(c.Today()) {
		f["received_on"] = "收到日期不能晚于今天"
	}
	var out CorrectionRequest
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		e, err := tx.EmployeeForUpdate(ctx, tenant, employeeID)
		if err != nil {
			return err // another tenant's employee is a 404 before any field is judged
		}
		if err := refuseAnonymised(e); err != nil {
			return err
		}
		if err := f.Err(); err != nil {
			return err
		}
		saved, err := tx.AddCorrectionRequest(ctx, tenant, r)
		if err != nil {
			return err
		}
		out = viewCorrectionRequest(saved)
		return tx.Audit(ctx, tenant, who, "correction_request.create", "employee", employeeID,
			map[string]any{"correction_request_id": saved.ID, "channel": saved.Channel})
	})
	return out, err
}

// DecideCorrectionRequest records the outcome of an open request (once),
// audited as correction_request.decide on her record.
func (c *Cases) DecideCorrectionRequest(ctx context.Context, tenant string, who store.Who, id string,
	in CorrectionOutcomeInput) (CorrectionRequest, error) {
	f := Fields{}
	outcome := f.oneOf("outcome", in.Outcome, CorrectionOutcomes)
	note := f.Text("note", in.Note, outcome == "rejected" || outcome == "partially_corrected", 2000)
	on := c.Today()
	if d := f.Date("decided_on", in.DecidedOn, false); !d.IsZero() {
		on = d
	}
	var out CorrectionRequest
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		r, err := tx.CorrectionRequestForUpdate(ctx, tenant, id)
		if err != nil {
			return err
		}
		if err := f.Err(); err != nil {
			return err
		}
		if r.Outcome != nil {
			return Fail(Conflict, "already_decided", "该更正申请已有处理结果")
		}
		if on.Before(r.ReceivedOn) {
			return &Error{Kind: Invalid, Code: "validation_failed", Message: "请求内容有误，请按字段提示修改后重试",
				Fields: map[string]string{"decided_on": "处理日期不能早于收到日期"}}
		}
		r.Outcome, r.OutcomeNote, r.DecidedOn, r.DecidedBy = &outcome, note, &on, actor(who)
		if r, err = tx.DecideCorrectionRequest(ctx, tenant, r); err != nil {
			return err
		}
		out = viewCorrectionRequest(r)
		return tx.Audit(ctx, tenant, who, "correction_request.decide", "employee", r.EmployeeID,
			map[string]any{"correction_request_id": r.ID, "outcome": outcome})
	})
	return out, err
}

// CorrectionRequests lists one employee's correction requests.
func (c *Cases) CorrectionRequests(ctx context.Context, tenant, employeeID string) ([]CorrectionRequest, error) {
	var out []CorrectionRequest
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		if _, err := tx.Employee(ctx, tenant, employeeID); err != nil {
			return err
		}
		var err error
		out, err = correctionRequestsOf(ctx, tx, tenant, employeeID)
		return err
	})
	return out, err
}

func correctionRequestsOf(ctx context.Context, tx *store.Tx, tenant, employeeID string) ([]CorrectionRequest, error) {
	rows, err := tx.CorrectionRequests(ctx, tenant, employeeID)
	out := []CorrectionRequest{}
	for _, r := range rows {
		out = append(out, viewCorrectionRequest(r))
	}
	return out, err
}
