package portal

import (
	"html/template"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/leave"
	"leaveguard/store"
)

// entitlementsBlock is the data of the 假期额度与余额 section.
type entitlementsBlock struct {
	E        store.Employee
	Items    []leave.Item
	AsOf     leave.Date
	CanApply bool
}

// entitlementsSection lists the employee's entitlements and balances as of
// today, each with its legal basis and, for HR, a link to request that
// leave: from the timeline section's read when it ran, else through
// cases.Entitlements (the read audited either way).
func (p *Portal) entitlementsSection(c *fiber.Ctx, e store.Employee) (template.HTML, error) {
	today := p.cases.Today()
	var items []leave.Item
	if tl, ok := c.Locals(timelineLocal).(*cases.Timeline); ok {
		items = tl.Entitlements
	} else {
		var err error
		if items, err = p.cases.Entitlements(c.UserContext(), handlers.Tenant(c), handlers.Who(c), e.ID, today); err != nil {
			return "", err
		}
	}
	return p.Partial("entitlements-section", entitlementsBlock{E: e, Items: items, AsOf: today,
		CanApply: allowed(sessionOf(c).Role, leaveWriters)})
}
