package seed

import (
	"slices"

	"leaveguard/leave"
)

// rules are the rules that judge p: her tenant's region, default settings.
func (g *gen) rules(p *person) leave.Rules {
	return leave.Rules{Book: g.book, Region: p.tenant.Region, Settings: g.settings}
}

// postCredits credits, as of asOf, p's entitlements of types not credited
// yet (as the service does when it records a birth or a marriage).
func (g *gen) postCredits(p *person, asOf leave.Date, types ...leave.LeaveType) {
	items, err := leave.Entitlements(p.facts, g.rules(p), leave.Books{Ledger: p.ledger}, asOf)
	if err != nil {
		return
	}
	for _, it := range items {
		if !slices.Contains(types, it.LeaveType) || it.Entitled <= 0 || p.ledger.Balance(it.Bucket, leave.Date{}).Credited > 0 {
			continue
		}
		g.ledger(p, leave.CreditFor(it, asOf))
	}
}

// grant submits and approves req as the service would (credit the bucket
// if needed, then debit it), or does nothing when the engine refuses it.
// A request starting after today stays submitted.
func (g *gen) grant(p *person, req leave.Request) {
	req.ID = newUUID(g.rng)
	d, err := leave.CheckRequest(p.facts, g.rules(p), g.cal, p.ledger, p.booked, req)
	if err != nil {
		return
	}
	status, decided, decidedBy := leave.Submitted, any(nil), ""
	on := d.Start.AddDays(-3)
	if !d.Start.After(g.today) {
		status, decided, decidedBy = leave.Approved, at(on), "api_key:seed"
		if p.ledger.Balance(d.Bucket, leave.Date{}).Credited == 0 {
			g.ledger(p, leave.Entry{Kind: leave.Credit, PostedOn: on, LeaveType: d.LeaveType, Bucket: d.Bucket,
				Days: d.Entitled, Unit: d.Unit, Note: "依法享有的假期额度"})
		}
		g.ledger(p, leave.DebitFor(d, req.ID, on))
	}
	g.e.row("leave_requests", p.tenant.ID, req.ID, p.id, string(d.LeaveType), d.Start.String(), d.End.String(), d.Days,
		string(d.Unit), d.Bucket, "", string(status), mustJSON(d), "", at(d.Start.AddDays(-7)), decided, decidedBy)
	p.booked = append(p.booked, leave.Booking{ID: req.ID, LeaveType: d.LeaveType, Start: d.Start, End: d.End,
		Days: d.Days, Bucket: d.Bucket, Status: status})
}

// ledger appends e to p's ledger and emits its row.
func (g *gen) ledger(p *person, e leave.Entry) {
	l, err := p.ledger.Append(e)
	if err != nil {
		return
	}
	p.ledger = l
	var start, end any
	if !e.Start.IsZero() {
		start, end = e.Start.String(), e.End.String()
	}
	g.e.row("ledger_entries", p.tenant.ID, p.id, string(e.Kind), e.PostedOn.String(), string(e.LeaveType), e.Bucket,
		e.Days, string(e.Unit), e.RequestID, start, end, e.Note, at(e.PostedOn))
}
