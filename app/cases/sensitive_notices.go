package cases

import (
	"context"
	"time"

	"github.com/google/uuid"

	"leaveguard/leave"
	"leaveguard/store"
)

// NoticeMethods are how an employee was told the purpose and necessity of
// processing a sensitive fact of hers.
var NoticeMethods = map[string]string{"written": "书面告知", "electronic": "电子方式告知", "oral": "口头告知"}

// NoticeStatuses name a notice record's status.
var NoticeStatuses = map[string]string{"informed": "已告知", "not_informed": "未告知", "not_recorded": "未记录是否告知"}

// NoticeInput is the "notice" part of a pregnancy, birth or miscarriage
// body (《个人信息保护法》第二十九、三十条): whether the employee was told
// the purpose and necessity of processing it and its effect on her, and
// when and how. Absent, the fact is still recorded (the leave law protects
// her whatever the paperwork) with the notice "not_recorded", and her page
// reminds HR.
type NoticeInput struct {
	Informed   *bool   `json:"informed"`
	InformedOn *string `json:"informed_on"`
	Method     *string `json:"method"`
}

// SensitiveNoticeInput is the body of POST /employees/{id}/sensitive-notices:
// a notice recorded after the fact (or corrected; the newest stands).
type SensitiveNoticeInput struct {
	FactType *string `json:"fact_type"`
	FactID   *string `json:"fact_id"`
	NoticeInput
}

// SensitiveNotice is a notice record as the API and the access copy show it.
type SensitiveNotice struct {
	ID         string      `json:"id"`
	FactType   string      `json:"fact_type"`
	FactID     string      `json:"fact_id"`
	Status     string      `json:"status"`
	InformedOn *leave.Date `json:"informed_on"`
	Method     string      `json:"method"`
	CreatedAt  time.Time   `json:"created_at"`
	CreatedBy  string      `json:"created_by"`
}

func viewNotice(n store.SensitiveNotice) SensitiveNotice {
	return SensitiveNotice{ID: n.ID, FactType: n.FactType, FactID: n.FactID, Status: n.Status,
		InformedOn: n.InformedOn, Method: n.Method, CreatedAt: n.CreatedAt, CreatedBy: n.CreatedBy}
}

// parse checks the notice (field names under prefix) against today.
func (in *NoticeInput) parse(f Fields, prefix string, today leave.Date) store.SensitiveNotice {
	if in == nil {
		return store.SensitiveNotice{Status: "not_recorded"}
	}
	switch {
	case in.Informed == nil:
		f[prefix+"informed"] = "必填：是否已告知员工处理目的和必要性"
		return store.SensitiveNotice{}
	case !*in.Informed:
		if in.InformedOn != nil || in.Method != nil {
			f[prefix+"informed_on"] = "未告知时不填告知日期和方式"
		}
		return store.SensitiveNotice{Status: "not_informed"}
	}
	on := f.Date(prefix+"informed_on", in.InformedOn, true)
	if !on.IsZero() && on.After(today) {
		f[prefix+"informed_on"] = "告知日期不能晚于今天"
	}
	method := f.oneOf(prefix+"method", in.Method, NoticeMethods)
	return store.SensitiveNotice{Status: "informed", InformedOn: &on, Method: method}
}

// addNotice stores notice n of fact (factType, factID) of the employee and
// audits it as sensitive_notice.create on her record.
func addNotice(ctx context.Context, tx *store.Tx, tenant string, who store.Who, employeeID, factType, factID string,
	n store.SensitiveNotice) (store.SensitiveNotice, error) {
	n.EmployeeID, n.FactType, n.FactID, n.CreatedBy = employeeID, factType, factID, actor(who)
	saved, err := tx.AddSensitiveNotice(ctx, tenant, n)
	if err != nil {
		return saved, err
	}
	return saved, tx.Audit(ctx, tenant, who, "sensitive_notice.create", "employee", employeeID,
		map[string]any{"notice_id": saved.ID, "fact_type": factType, "fact_id": factID, "status": saved.Status})
}

// RecordSensitiveNotice records, for a fact already recorded, whether she
// was informed; a newer record of the same fact supersedes the older.
func (c *Cases) RecordSensitiveNotice(ctx context.Context, tenant string, who store.Who, employeeID string,
	in SensitiveNoticeInput) (SensitiveNotice, error) {
	f := Fields{}
	factType := f.oneOf("fact_type", in.FactType, map[string]string{"pregnancy": "", "birth": "", "miscarriage": ""})
	factID := f.Text("fact_id", in.FactID, true, 40)
	if _, err := uuid.Parse(factID); factID != "" && err != nil {
		f["fact_id"] = "须为 UUID"
	}
	if in.Informed == nil {
		f["informed"] = "必填：是否已告知员工处理目的和必要性"
	}
	n := in.NoticeInput.parse(f, "", c.Today())
	var out SensitiveNotice
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		if _, err := tx.EmployeeForUpdate(ctx, tenant, employeeID); err != nil {
			return err // another tenant's employee is a 404 before any field is judged
		}
		if err := f.Err(); err != nil {
			return err
		}
		owner, err := tx.FactOwner(ctx, tenant, factType, factID)
		if err != nil {
			return err
		}
		if owner != employeeID {
			return Fail(NotFound, "not_found", "未找到该员工的这项记录")
		}
		saved, err := addNotice(ctx, tx, tenant, who, employeeID, factType, factID, n)
		out = viewNotice(saved)
		return err
	})
	return out, err
}

// SensitiveNotices lists the employee's notice records, oldest first.
func (c *Cases) SensitiveNotices(ctx context.Context, tenant, employeeID string) ([]SensitiveNotice, error) {
	var out []SensitiveNotice
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		if _, err := tx.Employee(ctx, tenant, employeeID); err != nil {
			return err
		}
		var err error
		out, err = noticesOf(ctx, tx, tenant, employeeID)
		return err
	})
	return out, err
}

func noticesOf(ctx context.Context, tx *store.Tx, tenant, employeeID string) ([]SensitiveNotice, error) {
	rows, err := tx.SensitiveNotices(ctx, tenant, employeeID)
	out := []SensitiveNotice{}
	for _, n := range rows {
		out = append(out, viewNotice(n))
	}
	return out, err
}

// FactWithoutNotice is a sensitive fact of hers whose newest notice record
// does not say she was informed (or that has none).
type FactWithoutNotice struct {
	FactType string
	FactID   string
	Date     leave.Date
	Status   string
}

// DataRights is what the employee page shows of her rights over her data:
// her correction requests, her notice records and the sensitive facts
// whose newest notice record is not "informed" (the reminder).
type DataRights struct {
	Corrections []CorrectionRequest
	Notices     []SensitiveNotice
	Missing     []FactWithoutNotice
}

// DataRights reads the employee's block of her page (not audited: the page
// itself is).
func (c *Cases) DataRights(ctx context.Context, tenant, employeeID string) (DataRights, error) {
	var out DataRights
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		ev, err := tx.EmployeeEvents(ctx, tenant, employeeID)
		if err != nil {
			return err
		}
		if out.Corrections, err = correctionRequestsOf(ctx, tx, tenant, employeeID); err != nil {
			return err
		}
		if out.Notices, err = noticesOf(ctx, tx, tenant, employeeID); err != nil {
			return err
		}
		out.Missing = factsWithoutNotice(ev, out.Notices)
		return nil
	})
	return out, err
}

// factsWithoutNotice lists her pregnancies, births and miscarriages whose
// newest notice record is not "informed".
func factsWithoutNotice(ev store.Events, notices []SensitiveNotice) []FactWithoutNotice {
	latest := map[string]string{}
	for _, n := range notices {
		latest[n.FactID] = n.Status
	}
	var out []FactWithoutNotice
	add := func(typ, id string, d leave.Date) {
		status, ok := latest[id]
		if !ok {
			status = "not_recorded"
		}
		if status != "informed" {
			out = append(out, FactWithoutNotice{FactType: typ, FactID: id, Date: d, Status: status})
		}
	}
	for _, p := range ev.Pregnancies {
		add("pregnancy", p.ID, p.ReportedOn)
	}
	for _, b := range ev.Births {
		add("birth", b.ID, b.BirthDate)
	}
	for _, m := range ev.Miscarriages {
		add("miscarriage", m.ID, m.Date)
	}
	return out
}
