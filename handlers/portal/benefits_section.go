package portal

import (
	"html/template"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/store"
)

// benefitsBlock is the data of the employee page's 生育相关待遇 checklist.
type benefitsBlock struct {
	E          store.Employee
	Items      []cases.ChecklistItem
	Undeclared []store.Child
}

// benefitsSection lists, from the timeline the page already loaded, what
// the government pays the family for each birth (to tell the employee what
// to apply for and by when) and reminds HR of undeclared IIT shares.
func (p *Portal) benefitsSection(c *fiber.Ctx, e store.Employee) (template.HTML, error) {
	tl, ok := c.Locals(timelineLocal).(*cases.Timeline)
	if !ok {
		return "", nil
	}
	items, undeclared := tl.Checklist(p.cases.Today())
	if len(items) == 0 && len(undeclared) == 0 {
		return "", nil
	}
	return p.Partial("benefits-section", benefitsBlock{E: e, Items: items, Undeclared: undeclared})
}
