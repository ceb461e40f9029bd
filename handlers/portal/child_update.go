package portal

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

// childUpdate is POST /children/:id from the employee page's checklist:
// the IIT infant-care share the employee declared and/or the day the child
// died (both optional; the use case audits the change).
func (p *Portal) childUpdate(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return errNotFoundPage
	}
	var in cases.ChildPatch
	if s := strings.TrimSpace(c.FormValue("iit_share_percent")); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			n = -1 // the use case names the field
		}
		in.IITSharePercent = &n
	}
	if s := strings.TrimSpace(c.FormValue("died_on")); s != "" {
		in.DiedOn = &s
	}
	ch, err := p.cases.PatchChild(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	return c.Redirect("/employees/"+ch.EmployeeID+"?notice=child", fiber.StatusSeeOther)
}
