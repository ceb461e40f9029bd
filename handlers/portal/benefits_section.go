package portal

import (
	"html/template"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/leave"
	"leaveguard/store"
)

// benefitsBlock is the data of the employee page's 生育相关待遇 checklist.
type benefitsBlock struct {
	E          store.Employee
	Items      []cases.ChecklistItem
	Undeclared []store.Child
	Children   []childRow // children under 3 and alive: their IIT share and a death can be recorded
	CanWrite   bool
	CSRF       string
}

// childRow is a child in the checklist's forms; Share is "" until declared.
type childRow struct {
	ID         string
	ChildOrder int
	BirthDate  leave.Date
	Share      string
}

// benefitsSection lists, from the timeline the page already loaded, what
// the government pays the family for each birth (to tell the employee what
// to apply for and by when) and reminds HR of undeclared IIT shares.
func (p *Portal) benefitsSection(c *fiber.Ctx, e store.Employee) (template.HTML, error) {
	tl, ok := c.Locals(timelineLocal).(*cases.Timeline)
	if !ok {
		return "", nil
	}
	today := p.cases.Today()
	items, undeclared := tl.Checklist(today)
	block := benefitsBlock{E: e, Items: items, Undeclared: undeclared, CanWrite: allowed(sessionOf(c).Role, familyWriters)}
	for _, ch := range tl.Events.Children {
		if ch.DiedOn == nil && ch.BirthDate.AddYearsClamped(3).After(today) {
			r := childRow{ID: ch.ID, ChildOrder: ch.ChildOrder, BirthDate: ch.BirthDate}
			if ch.IITSharePercent != nil {
				r.Share = strconv.Itoa(*ch.IITSharePercent)
			}
			block.Children = append(block.Children, r)
		}
	}
	if len(items) == 0 && len(block.Children) == 0 {
		return "", nil
	}
	if s := sessionOf(c); s != nil {
		block.CSRF = s.CSRF
	}
	return p.Partial("benefits-section", block)
}
