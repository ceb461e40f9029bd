package cases

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"leaveguard/payroll"
	"leaveguard/store"
)

// feedState is the tenant's feed bookkeeping inside one transaction that
// holds the tenant's feed lock: its closed months.
type feedState struct {
	c      *Cases
	tenant string
	closed map[payroll.Month]bool
	months []string // the closed months, as stored
}

// openFeed locks the tenant's feed, loads its closed months and compares
// the published lines of every employee whose facts changed since.
func (c *Cases) openFeed(ctx context.Context, tx *store.Tx, tenant string) (*feedState, error) {
	if err := tx.LockPayrollFeed(ctx, tenant); err != nil {
		return nil, err
	}
	months, err := tx.ClosedMonths(ctx, tenant)
	if err != nil {
		return nil, err
	}
	fs := &feedState{c: c, tenant: tenant, closed: map[payroll.Month]bool{}, months: months}
	for _, m := range months {
		fs.closed[payroll.MustMonth(m)] = true
	}
	for {
		ids, err := tx.DirtyFeedEmployees(ctx, tenant, 500)
		if err != nil || len(ids) == 0 {
			return fs, err
		}
		if err := fs.sync(ctx, tx, ids); err != nil {
			return nil, err
		}
	}
}

// sync compares the published lines of the given employees, month by
// month, with what their facts say now.
func (fs *feedState) sync(ctx context.Context, tx *store.Tx, ids []string) error {
	rows, err := tx.FeedLineRows(ctx, fs.tenant, ids, "", fs.months)
	if err != nil {
		return err
	}
	emps, err := tx.FeedEmployeesByID(ctx, fs.tenant, ids)
	if err != nil {
		return err
	}
	byMonth := map[string][]store.FeedLineRow{}
	for _, r := range rows {
		byMonth[r.Month] = append(byMonth[r.Month], r)
	}
	for m, rs := range byMonth {
		mo := payroll.MustMonth(m)
		lines, err := fs.c.feedLines(ctx, tx, fs.tenant, mo, emps)
		if err != nil {
			return err
		}
		now := lineByEmployee(lines)
		for _, r := range rs {
			if _, err := fs.reconcile(ctx, tx, r, now[r.EmployeeID]); err != nil {
				return err
			}
		}
	}
	return nil
}

// publish returns the lines of month mo of the given employees as the
// feed serves them, keeping each line's revision: a closed month's lines
// as they were at the close, an open month's as computed now, followed by
// each employee's adjustments paid in mo.
func (fs *feedState) publish(ctx context.Context, tx *store.Tx, mo payroll.Month, emps []store.FeedEmployee) ([]FeedItem, error) {
	ids := make([]string, len(emps))
	for i, e := range emps {
		ids[i] = e.ID
	}
	lines, err := fs.c.feedLines(ctx, tx, fs.tenant, mo, emps)
	if err != nil {
		return nil, err
	}
	now := lineByEmployee(lines)
	rows, err := tx.FeedLineRows(ctx, fs.tenant, ids, mo.String(), fs.months)
	if err != nil {
		return nil, err
	}
	stored := map[string]store.FeedLineRow{}
	for _, r := range rows {
		stored[r.EmployeeID] = r
	}
	adjs := map[string][]FeedItem{}
	if !fs.closed[mo] {
		rs, err := tx.AdjustmentsIn(ctx, fs.tenant, mo.String(), ids)
		if err != nil {
			return nil, err
		}
		for _, a := range rs {
			var it FeedItem
			if err := json.Unmarshal(a.Body, &it); err != nil {
				return nil, fmt.Errorf("cases: adjustment %s: %w", a.ID, err)
			}
			adjs[a.EmployeeID] = append(adjs[a.EmployeeID], it)
		}
	}
	out := make([]FeedItem, 0, len(emps))
	var fresh []store.FeedLineRow
	for _, e := range emps {
		cur, has := now[e.ID]
		r, ok := stored[e.ID]
		switch {
		case !ok && !has:
			continue
		case !ok && fs.closed[mo]:
			// The month was closed without a line for her: it said
			// nothing, and what her facts say now is an adjustment.
			r, _ = fs.newRow(zeroLine(e, mo), true)
			if err := tx.SaveFeedLines(ctx, fs.tenant, []store.FeedLineRow{r}); err != nil {
				return nil, err
			}
		case !ok:
			r, cur = fs.newRow(cur, false)
			fresh = append(fresh, r)
			out = append(out, cur)
			out = append(out, adjs[e.ID]...)
			continue
		}
		if !has {
			cur = zeroLine(e, mo)
		}
		served, err := fs.reconcile(ctx, tx, r, cur)
		if err != nil {
			return nil, err
		}
		if has || fs.closed[mo] {
			out = append(out, served)
		}
		out = append(out, adjs[e.ID]...)
	}
	return out, tx.SaveFeedLines(ctx, fs.tenant, fresh)
}

// newRow stamps a first published line (revision 1, now) and returns its
// stored form and it.
func (fs *feedState) newRow(l FeedItem, closed bool) (store.FeedLineRow, FeedItem) {
	l.Revision, l.UpdatedAt, l.MonthClosed = 1, fs.c.Now().UTC(), closed
	b := mustJSON(l)
	return store.FeedLineRow{EmployeeID: l.EmployeeID, Month: l.Month.String(), LineID: l.LineID, Revision: 1,
		Published: b, Current: b}, l
}

// reconcile compares a published line with what its facts say now (cur)
// and returns the line to serve. In an open month a change is a new
// revision of the line; in a closed month the line stays as it was and the
// difference becomes an adjustment in the next open month. Either way
// payroll.feed.changed is sent.
func (fs *feedState) reconcile(ctx context.Context, tx *store.Tx, r store.FeedLineRow, cur FeedItem) (FeedItem, error) {
	mo := payroll.MustMonth(r.Month)
	var pub, was FeedItem
	if err := json.Unmarshal(r.Current, &was); err != nil {
		return FeedItem{}, fmt.Errorf("cases: feed line %s: %w", r.LineID, err)
	}
	if fs.closed[mo] {
		if err := json.Unmarshal(r.Published, &pub); err != nil {
			return FeedItem{}, fmt.Errorf("cases: feed line %s: %w", r.LineID, err)
		}
		pub.MonthClosed = true
	} else {
		pub = was
	}
	if cur.EmployeeID == "" {
		cur = zeroLineOf(was)
	}
	diff := cur.Figures().Minus(was.Figures())
	if diff.IsZero() {
		if fs.closed[mo] {
			return pub, nil
		}
		cur.Revision, cur.UpdatedAt = r.Revision, was.UpdatedAt
		return cur, nil
	}
	r.Revision++
	cur.Revision, cur.UpdatedAt, cur.MonthClosed = r.Revision, fs.c.Now().UTC(), fs.closed[mo]
	ev := map[string]any{"month": mo, "employee_id": r.EmployeeID, "external_id": pub.ExternalID,
		"revision": r.Revision, "line_id": r.LineID, "adjustment_id": nil, "adjustment_month": nil}
	served := cur
	r.Current = mustJSON(cur)
	if fs.closed[mo] {
		in := fs.nextOpen(mo)
		a := FeedItem{FeedLine: payroll.Adjustment(pub.FeedLine, was.Figures(), cur.Figures(), in, r.Revision),
			ExternalID: pub.ExternalID, Kind: "adjustment", Revision: r.Revision, UpdatedAt: cur.UpdatedAt,
			AdjustmentOf: &r.LineID, AdjustsMonth: &mo}
		if err := tx.AddAdjustment(ctx, fs.tenant, store.AdjustmentRow{ID: a.LineID, EmployeeID: r.EmployeeID,
			Month: in.String(), AdjustsMonth: r.Month, AdjustmentOf: r.LineID, Revision: r.Revision, Body: mustJSON(a)}); err != nil {
			return FeedItem{}, err
		}
		ev["adjustment_id"], ev["adjustment_month"] = a.LineID, in
		served = pub
	} else {
		r.Published = r.Current
	}
	if err := tx.SaveFeedLines(ctx, fs.tenant, []store.FeedLineRow{r}); err != nil {
		return FeedItem{}, err
	}
	if err := tx.Emit(ctx, fs.tenant, "payroll.feed.changed", ev); err != nil {
		return FeedItem{}, err
	}
	return served, nil
}

// nextOpen is the first month after mo that is not closed.
func (fs *feedState) nextOpen(mo payroll.Month) payroll.Month {
	m := mo.AddMonths(1)
	for fs.closed[m] {
		m = m.AddMonths(1)
	}
	return m
}

func lineByEmployee(lines []FeedItem) map[string]FeedItem {
	out := make(map[string]FeedItem, len(lines))
	for _, l := range lines {
		out[l.EmployeeID] = l
	}
	return out
}

// zeroLine is an employee's line of month mo that says nothing.
func zeroLine(e store.FeedEmployee, mo payroll.Month) FeedItem {
	return FeedItem{FeedLine: payroll.FeedLine{LineID: payroll.FeedLineID(e.ID, mo, payroll.DefaultFeedVersion),
		EmployeeID: e.ID, Month: mo, Version: payroll.DefaultFeedVersion, LeaveDays: []payroll.TypeDays{},
		InfantCare: []payroll.ChildDeduction{}, Reasons: []payroll.Reason{}, Parameters: []payroll.Param{}},
		ExternalID: e.ExternalID, Kind: "line"}
}

func zeroLineOf(l FeedItem) FeedItem {
	return zeroLine(store.FeedEmployee{ID: l.EmployeeID, ExternalID: l.ExternalID}, l.Month)
}

// PayrollMonthClose is the result of closing a month.
type PayrollMonthClose struct {
	Month    payroll.Month `json:"month"`
	ClosedAt time.Time     `json:"closed_at"`
	Lines    int           `json:"lines"`
}

// ClosePayrollMonth closes month mo: every employee's line of it is
// published as it stands and frozen; later changes to its facts become
// adjustment lines in the next open month. A future month cannot be closed;
// a closed one stays closed (409).
func (c *Cases) ClosePayrollMonth(ctx context.Context, tenant string, who store.Who, mo payroll.Month) (PayrollMonthClose, error) {
	if payroll.MonthOf(c.Today()).Before(mo) {
		return PayrollMonthClose{}, Fail(Unprocessable, "month_not_started", "不能结账尚未开始的月份")
	}
	out := PayrollMonthClose{Month: mo}
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		fs, err := c.openFeed(ctx, tx, tenant)
		if err != nil {
			return err
		}
		if fs.closed[mo] {
			return Fail(Conflict, "month_closed", fmt.Sprintf("%s 已结账", mo))
		}
		for after := ""; ; {
			emps, err := tx.FeedEmployees(ctx, tenant, after, 1000)
			if err != nil {
				return err
			}
			if len(emps) == 0 {
				break
			}
			items, err := fs.publish(ctx, tx, mo, emps)
			if err != nil {
				return err
			}
			for _, it := range items {
				if it.Kind == "line" {
					out.Lines++
				}
			}
			after = emps[len(emps)-1].ID
		}
		if out.ClosedAt, err = tx.CloseMonth(ctx, tenant, mo.String(), who.ActorType+":"+who.ActorID); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "payroll_month.close", "payroll_month", mo.String(), map[string]any{"lines": out.Lines})
	})
	return out, err
}
