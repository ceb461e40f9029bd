package cases

import (
	"context"
	"time"

	"leaveguard/leave"
	"leaveguard/payroll"
	"leaveguard/store"
)

// FeedItem is one line of the payroll feed, with the employer's own
// employee number so a payroll system can match it. Kind "line" is an
// employee's line of the month; Revision counts its versions (from 1) and
// UpdatedAt is when it last changed. Kind "adjustment" corrects the line of
// a closed month (AdjustsMonth, line AdjustmentOf) by a difference paid in
// this month; its figures may be negative.
type FeedItem struct {
	payroll.FeedLine
	ExternalID string `json:"external_id"`
	// SeparatedOn is set on her last line: the month of her last day of
	// employment; the feed has no line for her after it.
	SeparatedOn  *leave.Date    `json:"separated_on,omitempty"`
	Kind         string         `json:"kind"`
	Revision     int            `json:"revision"`
	UpdatedAt    time.Time      `json:"updated_at"`
	MonthClosed  bool           `json:"month_closed"`
	AdjustmentOf *string        `json:"adjustment_of"`
	AdjustsMonth *payroll.Month `json:"adjusts_month"`
}

// FeedPage is one page of the payroll feed: employees in id order after
// the cursor; Next is the last employee id when more may follow.
type FeedPage struct {
	Items []FeedItem
	Next  string
}

// PayrollFeed computes the feed of month mo for up to limit employees after
// afterID (rules.md §3 payee and top-up, §5 infant care): leave days by type
// from approved leave, the days whose pay the allowance replaces and the
// top-up due from the active (not rejected) claims, and the infant-care
// deduction of each child by its recorded share. It reads in bulk: a few
// queries per page, whatever its size.
//
// Serving a line publishes it: its revision is kept, and a later change is
// announced (payroll.feed.changed). A closed month's lines are served as
// they were at the close; an open month's page also carries the
// adjustments paid in it.
func (c *Cases) PayrollFeed(ctx context.Context, tenant string, who store.Who, mo payroll.Month, afterID string, limit int) (FeedPage, error) {
	var page FeedPage
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		fs, err := c.openFeed(ctx, tx, tenant)
		if err != nil {
			return err
		}
		emps, err := tx.FeedEmployees(ctx, tenant, afterID, limit+1)
		if err != nil {
			return err
		}
		if len(emps) > limit {
			emps = emps[:limit]
			page.Next = emps[limit-1].ID
		}
		if page.Items, err = fs.publish(ctx, tx, mo, emps); err != nil {
			return err
		}
		ids := make([]string, 0, len(page.Items))
		for _, it := range page.Items {
			ids = append(ids, it.EmployeeID)
		}
		return auditList(ctx, tx, tenant, who, "payroll_feed.read", "employee", ids, map[string]any{"month": mo})
	})
	return page, err
}

// feedLines computes the lines of month mo of the given employees (those
// employed in it), in their order.
func (c *Cases) feedLines(ctx context.Context, tx *store.Tx, tenant string, mo payroll.Month, emps []store.FeedEmployee) ([]FeedItem, error) {
	emps = employedIn(emps, mo)
	ids := make([]string, len(emps))
	for i, e := range emps {
		ids[i] = e.ID
	}
	first, last := mo.First(), mo.Last()
	leaves, err := tx.FeedLeave(ctx, tenant, ids, first, last)
	if err != nil {
		return nil, err
	}
	claims, err := tx.FeedClaims(ctx, tenant, ids, first, last)
	if err != nil {
		return nil, err
	}
	children, err := tx.FeedChildren(ctx, tenant, ids, last)
	if err != nil {
		return nil, err
	}
	facts := c.feedFacts(mo, emps, leaves, claims, children)
	lines, err := payroll.Feed(mo, facts)
	if err != nil {
		return nil, fromPayroll(err)
	}
	items := make([]FeedItem, len(lines))
	for i, l := range lines {
		items[i] = FeedItem{FeedLine: l, ExternalID: emps[i].ExternalID, Kind: "line"}
		if on := emps[i].SeparatedOn; on != nil && !on.After(last) {
			items[i].SeparatedOn = on
		}
	}
	return items, nil
}

// employedIn drops the employees whose last day came before month mo: the
// feed stops after her last month. The cursor is taken before, so a page
// may be short but none is skipped.
func employedIn(emps []store.FeedEmployee, mo payroll.Month) []store.FeedEmployee {
	out := emps[:0:0]
	for _, e := range emps {
		if e.SeparatedOn == nil || !e.SeparatedOn.Before(mo.First()) {
			out = append(out, e)
		}
	}
	return out
}

// feedFacts groups the page's rows by employee, in the page's order.
func (c *Cases) feedFacts(mo payroll.Month, emps []store.FeedEmployee, leaves []store.LeaveSpan,
	claims []store.FeedClaim, children []store.Child) payroll.FeedFacts {
	idx := make(map[string]int, len(emps))
	f := payroll.FeedFacts{Employees: make([]payroll.FeedEmployee, len(emps))}
	for i, e := range emps {
		idx[e.ID] = i
		f.Employees[i] = payroll.FeedEmployee{EmployeeID: e.ID}
	}
	for _, l := range leaves {
		e := &f.Employees[idx[l.EmployeeID]]
		e.Leave = append(e.Leave, c.leaveMonths(l, mo, mo)...)
	}
	for _, cl := range claims {
		e := &f.Employees[idx[cl.EmployeeID]]
		e.Claims = append(e.Claims, payroll.FeedClaim{ClaimID: cl.ID, Start: cl.LeaveStart, PaidDays: cl.PaidDays,
			TopUpFen: cl.TopUpFen, Payee: payroll.Payee(cl.Payee), MaternityInsured: cl.Insured})
	}
	for _, ch := range children {
		e := &f.Employees[idx[ch.EmployeeID]]
		pc := payroll.Child{ChildID: ch.ID, BirthDate: ch.BirthDate, SharePercent: *ch.IITSharePercent}
		if ch.DiedOn != nil {
			pc.DiedOn = *ch.DiedOn
		}
		e.Children = append(e.Children, pc)
	}
	return f
}
