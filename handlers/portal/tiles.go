package portal

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// tileLimit bounds the rows a dashboard count reads; more show as "1000+".
const tileLimit = 1000

// registerTiles adds the dashboard figures of the areas: protected
// employees by phase, leave starting or ending soon, contracts to extend,
// claims waiting for the bureau or overdue, subsidy applications under way.
func (p *Portal) registerTiles() {
	p.AddTile(Tile{Order: 20, Roles: familyReaders, Run: p.protectedTile})
	p.AddTile(Tile{Order: 30, Roles: leaveReaders, Run: p.leaveSoonTile})
	p.AddTile(Tile{Order: 40, Roles: []string{auth.Admin, auth.HR, auth.Auditor}, Run: p.extensionsTile})
	p.AddTile(Tile{Order: 50, Roles: claimReaders, Run: p.claimsTile})
}

func countText(n int) string {
	if n > tileLimit {
		return "1000+"
	}
	return groupDigits(itoa(n))
}

// protectedTile counts the employees in a protected period today, by phase.
func (p *Portal) protectedTile(c *fiber.Ctx) ([]Card, error) {
	n, err := p.cases.ProtectedByPhase(c.UserContext(), handlers.Tenant(c), p.cases.Today())
	if err != nil {
		return nil, err
	}
	card := Card{Label: "三期保护中的员工", Value: countText(n.Total()), Link: "/employees?gender=female",
		Note: "孕期 " + itoa(n.Pregnancy) + " · 产期 " + itoa(n.MaternityLeave) + " · 哺乳期 " + itoa(n.Nursing)}
	if n.Total() > 0 {
		card.Tone = "warn"
	}
	return []Card{card}, nil
}

// leaveSoonTile counts approved leave starting, and ending, in the next 14 days.
func (p *Portal) leaveSoonTile(c *fiber.Ctx) ([]Card, error) {
	today := p.cases.Today()
	end := today.AddDays(13)
	rows, err := p.cases.LeaveRequests(c.UserContext(), handlers.Tenant(c), store.LeaveFilter{Status: "approved",
		From: today, To: end, Limit: tileLimit + 1})
	if err != nil {
		return nil, err
	}
	starting, ending := 0, 0
	for _, r := range rows {
		if !r.Start.Before(today) && !r.Start.After(end) {
			starting++
		}
		if !r.End.Before(today) && !r.End.After(end) {
			ending++
		}
	}
	link := withQuery("/leave-requests", "status", "approved", "from", today.String(), "to", end.String())
	return []Card{
		{Label: "14 天内开始的假期", Value: countText(starting), Note: "已批准，" + today.String() + " 起", Link: link},
		{Label: "14 天内结束的假期", Value: countText(ending), Note: "请安排返岗与工资恢复", Link: link},
	}, nil
}

// extensionsTile counts the fixed-term contracts that end inside a
// protected period and must be extended (the read is audited).
func (p *Portal) extensionsTile(c *fiber.Ctx) ([]Card, error) {
	xs, err := p.cases.ContractExtensions(c.UserContext(), handlers.Tenant(c), handlers.Who(c), p.cases.Today())
	if err != nil {
		return nil, err
	}
	card := Card{Label: "须顺延的劳动合同", Value: countText(len(xs)), Link: "/contract-extensions",
		Note: "合同在三期内到期，须顺延至保护期满"}
	if len(xs) > 0 {
		card.Tone = "bad"
	}
	return []Card{card}, nil
}

// claimsTile counts claims waiting for the bureau, those past its
// deadline, and subsidy applications under way.
func (p *Portal) claimsTile(c *fiber.Ctx) ([]Card, error) {
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	waiting, err := p.cases.Claims(ctx, tenant, store.ClaimFilter{Status: cases.StatusSubmitted, Limit: tileLimit + 1})
	if err != nil {
		return nil, err
	}
	overdue, _, err := p.cases.OverdueClaims(ctx, tenant, store.ClaimFilter{Limit: tileLimit + 1})
	if err != nil {
		return nil, err
	}
	busy := 0
	for _, st := range []string{cases.StatusDraft, cases.StatusSubmitted, cases.StatusApproved} {
		rows, err := p.cases.Subsidies(ctx, tenant, store.SubsidyFilter{Status: st, Limit: tileLimit + 1})
		if err != nil {
			return nil, err
		}
		busy += len(rows)
	}
	late := Card{Label: "逾期未决的津贴申领", Value: countText(len(overdue)), Link: "/allowance-claims?status=overdue",
		Note: "超过 10 个工作日经办机构仍未决定", Tone: "good"}
	if len(overdue) > 0 {
		late.Tone, late.Note = "bad", "已超过 10 个工作日：请催办经办机构"
	}
	return []Card{
		{Label: "待经办机构决定的津贴", Value: countText(len(waiting)), Link: "/allowance-claims?status=submitted", Note: "已提交，等待批准或驳回"},
		late,
		{Label: "办理中的社保补贴申报", Value: countText(busy), Link: "/subsidy-applications", Note: "草稿、已提交或已批准待到账"},
	}, nil
}
