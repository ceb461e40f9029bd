package portal

import (
	"html/template"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
	"leaveguard/store"
)

// employeePage is the data of one employee's page.
type employeePage struct {
	E          store.Employee
	RegionName string
	Trail      []auditRow
	TrailNext  int64 // the audit seq the older page of the trail starts before; 0: none
	TrailPaged bool  // the trail is not on its newest page
	Sections   []template.HTML
	CanWrite   bool
}

// employee is GET /employees/:id?trail_before=: the record (read audited by the use
// case), the sections of other areas, and who viewed or changed it.
func (p *Portal) employee(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return p.fail(c, errNotFoundPage)
	}
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	e, err := p.cases.Employee(ctx, tenant, handlers.Who(c), id)
	if err != nil {
		return err
	}
	page := employeePage{E: e, CanWrite: allowed(sessionOf(c).Role, employeeWriters)}
	if e.Region != nil {
		page.RegionName = p.regionName(*e.Region)
	}
	before, _ := strconv.ParseInt(c.Query("trail_before"), 10, 64)
	page.TrailPaged = before > 0
	if page.Trail, page.TrailNext, err = p.employeeTrail(c, e.ID, before); err != nil {
		return err
	}
	for _, s := range p.sections {
		if !allowed(sessionOf(c).Role, s.Roles) {
			continue
		}
		h, err := s.Render(c, e)
		if err != nil {
			return err
		}
		if h != "" {
			page.Sections = append(page.Sections, h)
		}
	}
	return p.render(c, fiber.StatusOK, "employee", e.Name, "employees", page)
}

// regionName names a jurisdiction code, e.g. CN-NM-XAM → 兴安盟.
func (p *Portal) regionName(code string) string { return p.cases.RegionName(code) }
