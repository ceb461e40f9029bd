package seed

import (
	"encoding/json"
	"fmt"
	"time"

	"leaveguard/leave"
	"leaveguard/payroll"
)

// pClaim is the share of insured mothers' births and miscarriages with an
// allowance claim (the rest not filed yet).
const pClaim = 0.85

// avgWages is a tenant's 上年度职工月平均工资 by year, as its settings hold it.
func (g *gen) avgWages() map[int]int64 {
	base := int64(550000 + g.rng.IntN(350000))
	out := map[int]int64{}
	for y := g.today.Year() - 5; y <= g.today.Year(); y++ {
		out[y] = base
		base = base * 105 / 100
	}
	return out
}

// emitSettings writes the tenant's allowance settings.
func (g *gen) emitSettings(t Tenant, wages map[int]int64) {
	m := map[string]int64{}
	for y, v := range wages {
		m[fmt.Sprint(y)] = v
	}
	b, _ := json.Marshal(m)
	g.e.row("settings", t.ID, "avg_monthly_wage_fen", string(b), at(g.today.AddDays(-400)), "api_key:seed")
}

// claim files the allowance of one event as the service computes it, and
// moves it through submit, decision and payment as far as its age allows.
func (g *gen) claim(p *person, ev payroll.EventKind, eventID string, on, leaveStart leave.Date, statutory, national int) {
	if !p.insured || g.rng.Float64() >= pClaim {
		return
	}
	f := payroll.AllowanceFacts{Event: ev, EventDate: on, StatutoryDays: statutory, NationalDays: national,
		AvgMonthlyWageFen: p.wages, EmployeeMonthlyWageFen: p.wage, MaternityInsured: p.insured}
	res, err := payroll.Allowance(f)
	if err != nil {
		return
	}
	id, age := newUUID(g.rng), on.DaysUntil(g.today)
	status, submitted, due, decided, paid := "draft", any(nil), any(nil), any(nil), any(nil)
	var paidFen, diff any
	trs := [][3]string{{"create", "", "draft"}}
	if age > 30 && g.rng.Float64() < 0.8 {
		s := on.AddDays(20 + g.rng.IntN(20))
		d := s.AddDays(14)
		if span, err := g.cal.AddWorkingDays(s.AddDays(1), 10); err == nil {
			d = span.End
		}
		status, submitted, due = "submitted", s.String(), d.String()
		trs = append(trs, [3]string{"submit", "draft", "submitted"})
		if d.Before(g.today) && g.rng.Float64() < 0.9 {
			status, decided = "approved", s.AddDays(5+g.rng.IntN(9)).String()
			trs = append(trs, [3]string{"approve", "submitted", "approved"})
			if age > 120 && g.rng.Float64() < 0.9 {
				status, paid, paidFen, diff = "paid", s.AddDays(30).String(), res.AmountFen, int64(0)
				trs = append(trs, [3]string{"pay", "approved", "paid"})
			}
		}
	}
	var birthID, miscID any = eventID, nil
	if ev == payroll.EventMiscarriage {
		birthID, miscID = nil, eventID
	}
	created := at(on.AddDays(10))
	g.e.row("allowance_claims", p.tenant.ID, id, p.id, birthID, miscID, on.String(), leaveStart.String(), status,
		mustJSON(res), mustJSON(f), res.AmountFen, res.TopUpFen, res.PaidDays, string(res.Payee),
		res.Payer == payroll.PayerFund, submitted, due, decided, paidFen, paid, diff, created, created, "api_key:seed")
	for i, tr := range trs {
		g.e.row("allowance_claim_transitions", p.tenant.ID, id, tr[0], tr[1], tr[2], created.Add(time.Duration(i)*time.Hour), "api_key:seed")
	}
}
