package cases

import (
	"context"
	"encoding/json"

	"leaveguard/leave"
	"leaveguard/store"
)

// PregnancyInput is the body of POST /employees/{id}/pregnancies.
type PregnancyInput struct {
	ReportedOn      *string      `json:"reported_on"`
	ExpectedDueDate *string      `json:"expected_due_date"`
	ConfirmedStart  *string      `json:"confirmed_start"`
	Notice          *NoticeInput `json:"notice,omitempty"` // read when recorded, not on a correction
}

// RecordPregnancy records a pregnancy reported by a female employee; her
// protected period starts at the start of the pregnancy (the expected due
// date − 280 days, or an earlier medically confirmed start), not on
// reported_on (rules.md §2).
func (c *Cases) RecordPregnancy(ctx context.Context, tenant string, who store.Who, employeeID string, in PregnancyInput) (store.Pregnancy, error) {
	p, err := in.parse(employeeID)
	if err != nil {
		return store.Pregnancy{}, err
	}
	nf := Fields{}
	notice := in.Notice.parse(nf, "notice.", c.Today())
	if err := nf.Err(); err != nil {
		return store.Pregnancy{}, err
	}
	err = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		e, err := tx.EmployeeForUpdate(ctx, tenant, employeeID)
		if err != nil {
			return err
		}
		if e.Gender != "female" {
			return Fail(Unprocessable, "not_eligible", "只能为女职工登记怀孕")
		}
		if p, err = tx.CreatePregnancy(ctx, tenant, p); err != nil {
			return err
		}
		if _, err := addNotice(ctx, tx, tenant, who, employeeID, "pregnancy", p.ID, notice); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "pregnancy.create", "employee", employeeID, map[string]any{"pregnancy_id": p.ID})
	})
	return p, err
}

func (in PregnancyInput) parse(employeeID string) (store.Pregnancy, error) {
	f := Fields{}
	p := store.Pregnancy{EmployeeID: employeeID, ReportedOn: f.Date("reported_on", in.ReportedOn, true)}
	if due := f.Date("expected_due_date", in.ExpectedDueDate, false); !due.IsZero() {
		if !p.ReportedOn.IsZero() && due.Before(p.ReportedOn) {
			f["expected_due_date"] = "预产期不能早于报告怀孕日期"
		}
		p.ExpectedDueDate = &due
	}
	if cs := f.Date("confirmed_start", in.ConfirmedStart, false); !cs.IsZero() {
		if !p.ReportedOn.IsZero() && cs.After(p.ReportedOn) {
			f["confirmed_start"] = "医学确认的怀孕开始日期不能晚于报告怀孕日期"
		}
		p.ConfirmedStart = &cs
	}
	return p, f.Err()
}

// MarriageInput is the body of POST /employees/{id}/marriages.
type MarriageInput struct {
	RegisteredOn *string `json:"registered_on"`
}

// RecordMarriage records a marriage registration (marriage leave follows).
func (c *Cases) RecordMarriage(ctx context.Context, tenant string, who store.Who, employeeID string, in MarriageInput) (store.Marriage, []leave.Item, error) {
	f := Fields{}
	m := store.Marriage{EmployeeID: employeeID, RegisteredOn: f.Date("registered_on", in.RegisteredOn, true)}
	if err := f.Err(); err != nil {
		return store.Marriage{}, nil, err
	}
	var items []leave.Item
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		if _, err := tx.EmployeeForUpdate(ctx, tenant, employeeID); err != nil {
			return err
		}
		var err error
		if m, err = tx.CreateMarriage(ctx, tenant, m); err != nil {
			return err
		}
		if items, err = c.postCredits(ctx, tx, tenant, employeeID, m.RegisteredOn, leave.LeaveMarriage); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "marriage.create", "employee", employeeID, map[string]any{"marriage_id": m.ID})
	})
	return m, items, err
}

// postCredits records in the ledger, as of asOf, the entitlements of types
// that have no credit yet, and returns the employee's entitlements of types.
func (c *Cases) postCredits(ctx context.Context, tx *store.Tx, tenant, employeeID string, asOf leave.Date, types ...leave.LeaveType) ([]leave.Item, error) {
	s, err := c.load(ctx, tx, tenant, employeeID, false)
	if err != nil {
		return nil, err
	}
	return c.postCreditsOf(ctx, tx, tenant, s, asOf, types...)
}

// postCreditsOf is postCredits over facts already loaded (and brought up to
// date by the caller) in this transaction.
func (c *Cases) postCreditsOf(ctx context.Context, tx *store.Tx, tenant string, s Subject, asOf leave.Date, types ...leave.LeaveType) ([]leave.Item, error) {
	employeeID := s.Employee.ID
	items, err := leave.Entitlements(s.Facts, s.Rules, s.books(c.Calendar), asOf)
	if err != nil {
		return nil, fromDomain(err)
	}
	var out []leave.Item
	for _, it := range items {
		if !typeIn(it.LeaveType, types) || it.Entitled <= 0 {
			continue
		}
		out = append(out, it)
		if s.Ledger.Balance(it.Bucket, leave.Date{}).Credited == 0 {
			if err := tx.AppendLedger(ctx, tenant, employeeID, leave.CreditFor(it, asOf)); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func typeIn(t leave.LeaveType, types []leave.LeaveType) bool {
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only plain data structs are marshalled here
	}
	return b
}
