package cases

import (
	"context"
	"encoding/json"
	"fmt"

	"leaveguard/leave"
	"leaveguard/store"
)

// Subject is one employee with everything the leave engine needs to judge her.
type Subject struct {
	Employee store.Employee
	Events   store.Events
	Facts    leave.Facts
	Rules    leave.Rules
	Ledger   leave.Ledger
	Bookings []leave.Booking
}

// books are the subject's ledger and open requests, counted with cal.
func (s Subject) books(cal leave.Calendar) leave.Books {
	return leave.Books{Ledger: s.Ledger, Requests: s.Bookings, Calendar: cal}
}

// load reads an employee (locked when forUpdate) and her facts, rules, ledger
// and bookings in tx.
func (c *Cases) load(ctx context.Context, tx *store.Tx, tenant, employeeID string, forUpdate bool) (Subject, error) {
	var s Subject
	var err error
	if forUpdate {
		s.Employee, err = tx.EmployeeForUpdate(ctx, tenant, employeeID)
	} else {
		s.Employee, err = tx.Employee(ctx, tenant, employeeID)
	}
	if err != nil {
		return Subject{}, err
	}
	if s.Events, err = tx.EmployeeEvents(ctx, tenant, employeeID); err != nil {
		return Subject{}, err
	}
	if s.Facts, err = factsOf(s.Employee, s.Events); err != nil {
		return Subject{}, err
	}
	if s.Rules, err = c.rulesFor(ctx, tx, tenant, s.Employee); err != nil {
		return Subject{}, err
	}
	if s.Ledger, err = ledgerOf(ctx, tx, tenant, employeeID); err != nil {
		return Subject{}, err
	}
	s.Bookings, err = bookingsOf(ctx, tx, tenant, employeeID)
	return s, err
}

// factsOf rebuilds the domain facts from stored rows: births and
// miscarriages carry the plans frozen when they were recorded.
func factsOf(e store.Employee, ev store.Events) (leave.Facts, error) {
	f := leave.Facts{Gender: leave.Gender(e.Gender)}
	if e.ContractEnd != nil {
		f.ContractEnd = *e.ContractEnd
	}
	for _, p := range ev.Pregnancies {
		lp := leave.Pregnancy{ReportedOn: p.ReportedOn}
		if p.ExpectedDueDate != nil {
			lp.ExpectedDueDate = *p.ExpectedDueDate
		}
		if p.ConfirmedStart != nil {
			lp.ConfirmedStart = *p.ConfirmedStart
		}
		f.Pregnancies = append(f.Pregnancies, lp)
	}
	for _, b := range ev.Births {
		var plan leave.BirthPlan
		if err := json.Unmarshal(b.Plan, &plan); err != nil {
			return leave.Facts{}, fmt.Errorf("cases: birth %s plan: %w", b.ID, err)
		}
		f.Births = append(f.Births, plan)
	}
	for _, m := range ev.Miscarriages {
		var plan leave.MiscarriagePlan
		if err := json.Unmarshal(m.Plan, &plan); err != nil {
			return leave.Facts{}, fmt.Errorf("cases: miscarriage %s plan: %w", m.ID, err)
		}
		f.Miscarriages = append(f.Miscarriages, plan)
	}
	for _, m := range ev.Marriages {
		f.Marriages = append(f.Marriages, m.RegisteredOn)
	}
	for _, ch := range ev.Children {
		if ch.BirthID == nil { // children of recorded births come from Births
			c := leave.Child{ID: ch.ID, BirthDate: ch.BirthDate, Order: ch.ChildOrder}
			if ch.DiedOn != nil {
				c.DiedOn = *ch.DiedOn
			}
			f.Children = append(f.Children, c)
		} else if ch.DiedOn != nil {
			f.Deaths = append(f.Deaths, leave.Death{BirthDate: ch.BirthDate, Order: ch.ChildOrder, DiedOn: *ch.DiedOn})
		}
	}
	return f, nil
}

func ledgerOf(ctx context.Context, tx *store.Tx, tenant, employeeID string) (leave.Ledger, error) {
	rows, err := tx.Ledger(ctx, tenant, employeeID)
	if err != nil {
		return leave.Ledger{}, err
	}
	entries := make([]leave.Entry, len(rows))
	for i, r := range rows {
		entries[i] = r.Entry()
	}
	l, err := leave.NewLedger(entries...)
	if err != nil {
		return leave.Ledger{}, fmt.Errorf("cases: ledger: %w", err)
	}
	return l, nil
}

func bookingsOf(ctx context.Context, tx *store.Tx, tenant, employeeID string) ([]leave.Booking, error) {
	rows, err := tx.LeaveRequests(ctx, tenant, store.LeaveFilter{EmployeeID: employeeID, Limit: 100000})
	if err != nil {
		return nil, err
	}
	out := make([]leave.Booking, 0, len(rows))
	for _, r := range rows {
		out = append(out, leave.Booking{ID: r.ID, LeaveType: leave.LeaveType(r.LeaveType), Start: r.Start,
			End: r.End, Days: r.Days, Bucket: r.Bucket, Status: leave.Status(r.Status)})
	}
	return out, nil
}

// rulesFor is the rule set that judges e: her region (or the tenant's) and
// the tenant's leave settings.
func (c *Cases) rulesFor(ctx context.Context, tx *store.Tx, tenant string, e store.Employee) (leave.Rules, error) {
	region := ""
	if e.Region != nil {
		region = *e.Region
	} else {
		t, err := tx.Tenant(ctx, tenant)
		if err != nil {
			return leave.Rules{}, err
		}
		region = t.Region
	}
	s, err := leaveSettings(ctx, tx, tenant)
	if err != nil {
		return leave.Rules{}, err
	}
	return leave.Rules{Book: c.Rules, Region: region, Settings: s}, nil
}
