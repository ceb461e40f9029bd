package seed

import (
	"encoding/json"
	"time"

	"leaveguard/leave"
	"leaveguard/payroll"
)

// Yearly proportions of family events, close to a Chinese employer's staff:
// a current pregnancy, a birth in the last three years (hers or his
// spouse's), a miscarriage, a marriage in the last two years.
const (
	pPregnant    = 0.04
	pBirth       = 0.12
	pSpouseBirth = 0.06
	pMiscarriage = 0.006
	pMarriage    = 0.03
	pParental    = 0.4 // of parents of a child past six months: parental leave taken this year
)

// emitFamily writes p's family events with their plans, leave requests and
// ledger, deciding each with the leave engine as the service would.
func (g *gen) emitFamily(p *person) {
	rng := g.rng
	if p.gender == leave.Female {
		var born leave.Date
		if rng.Float64() < pBirth {
			born = g.birth(p, leave.Mother)
		}
		if rng.Float64() < pMiscarriage {
			g.miscarriage(p, born)
		}
		// A current pregnancy, reported at least three months after a birth.
		if reported := g.today.AddDays(-10 - rng.IntN(230)); rng.Float64() < pPregnant &&
			(born.IsZero() || reported.After(born.AddDays(90))) {
			g.pregnancy(p, reported, reported.AddDays(200+rng.IntN(40)))
		}
	} else if rng.Float64() < pSpouseBirth {
		g.birth(p, leave.Father)
	}
	if rng.Float64() < pMarriage {
		g.marriage(p)
	}
}

func (g *gen) pregnancy(p *person, reported, due leave.Date) {
	g.e.row("pregnancies", p.tenant.ID, newUUID(g.rng), p.id, reported.String(), due.String(), at(reported))
	p.facts.Pregnancies = append(p.facts.Pregnancies, leave.Pregnancy{ReportedOn: reported, ExpectedDueDate: due})
}

// birth records a birth (hers, or his spouse's) and returns its date (zero
// when the engine refused it).
func (g *gen) birth(p *person, parent leave.Parent) leave.Date {
	rng := g.rng
	order := 1
	if x := rng.Float64(); x > 0.88 {
		order = 3
	} else if x > 0.55 {
		order = 2
	}
	b := leave.Birth{Date: g.today.AddDays(-20 - rng.IntN(1000)), ChildOrder: order, Babies: 1,
		Dystocia: rng.Float64() < 0.15, Parent: parent}
	if rng.Float64() < 0.015 {
		b.Babies = 2
	}
	if parent == leave.Mother {
		g.pregnancy(p, b.Date.AddDays(-150-rng.IntN(100)), b.Date.AddDays(rng.IntN(21)-10))
	}
	plan, err := g.rules(p).PlanBirth(b)
	if err != nil {
		return leave.Date{}
	}
	id, planJSON := newUUID(rng), mustJSON(plan)
	g.e.row("births", p.tenant.ID, id, p.id, b.Date.String(), b.ChildOrder, b.Babies, b.Dystocia, nil,
		planJSON, 1, at(b.Date), at(b.Date))
	input := map[string]any{"birth_date": b.Date, "child_order": b.ChildOrder, "babies": b.Babies, "dystocia": b.Dystocia}
	g.e.row("birth_versions", p.tenant.ID, id, 1, mustJSON(input), planJSON, at(b.Date), "api_key:seed")
	for i := 0; i < b.Babies; i++ {
		g.e.row("children", p.tenant.ID, newUUID(rng), p.id, id, b.Date.String(), order+i, 100, at(b.Date))
	}
	p.facts.Births = append(p.facts.Births, plan)
	if ml := plan.MaternityLeave; ml != nil {
		national := 0
		for _, c := range ml.Components {
			if c.Code != leave.CompRegionalExtension {
				national += c.Days
			}
		}
		g.claim(p, payroll.EventBirth, id, b.Date, ml.Start, ml.Days, national)
	}
	g.postCredits(p, b.Date, leave.LeaveMaternity, leave.LeaveSpousalNursing, leave.LeaveParental)
	switch {
	case plan.MaternityLeave != nil:
		g.grant(p, leave.Request{LeaveType: leave.LeaveMaternity, Start: plan.MaternityLeave.Start, Days: plan.MaternityLeave.Days})
	case plan.SpousalNursingLeave != nil:
		g.grant(p, leave.Request{LeaveType: leave.LeaveSpousalNursing, Start: b.Date.AddDays(1), Days: plan.SpousalNursingLeave.Days})
	}
	if b.Date.DaysUntil(g.today) > 180 && rng.Float64() < pParental {
		g.grant(p, leave.Request{LeaveType: leave.LeaveParental, Start: g.today.AddDays(-5 - rng.IntN(60)), Days: 1 + rng.IntN(5)})
	}
	return b.Date
}

// miscarriage records one, never within 300 days of a birth (born, if any).
func (g *gen) miscarriage(p *person, born leave.Date) {
	m := leave.Miscarriage{Date: g.today.AddDays(-5 - g.rng.IntN(500)), GestationWeeks: 6 + g.rng.IntN(18)}
	if !born.IsZero() && m.Date.After(born.AddDays(-300)) && m.Date.Before(born.AddDays(300)) {
		return
	}
	plan, err := g.rules(p).PlanMiscarriage(m)
	if err != nil {
		return
	}
	id, ml := newUUID(g.rng), plan.MiscarriageLeave
	g.e.row("miscarriages", p.tenant.ID, id, p.id, m.Date.String(), m.GestationWeeks, mustJSON(plan), at(m.Date))
	p.facts.Miscarriages = append(p.facts.Miscarriages, plan)
	g.claim(p, payroll.EventMiscarriage, id, m.Date, ml.Start, ml.Days, ml.Days)
	g.grant(p, leave.Request{LeaveType: leave.LeaveMiscarriage, Start: m.Date, Days: plan.MiscarriageLeave.Days})
}

func (g *gen) marriage(p *person) {
	d := g.today.AddDays(-g.rng.IntN(700))
	g.e.row("marriages", p.tenant.ID, newUUID(g.rng), p.id, d.String(), at(d))
	p.facts.Marriages = append(p.facts.Marriages, d)
	g.postCredits(p, d, leave.LeaveMarriage)
	g.grant(p, leave.Request{LeaveType: leave.LeaveMarriage, Start: d.AddDays(7 + g.rng.IntN(60)), Days: 3})
}

// at is a timestamp on day d, for created_at columns.
func at(d leave.Date) time.Time { return d.Time().Add(9 * time.Hour) }

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // plans and decisions always marshal
	}
	return string(b)
}
