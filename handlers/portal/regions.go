package portal

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/leave"
)

// regionsPage is the list of supported region codes with their own rules.
type regionsPage struct {
	Rows []regionRow
}

type regionRow struct {
	cases.RegionView
	ParentName string
	Params     []leave.Param
}

func (p *Portal) registerRegions(r fiber.Router) {
	p.AddNav(NavEntry{Key: "regions", Label: "适用地区", Path: "/regions", Order: OrderSettings + 1, Roles: employeeReaders})
	p.page(r, fiber.MethodGet, "/regions", p.regions, employeeReaders...)
}

// regions is GET /regions: every supported region code (工作地区), its
// Chinese name and parent, and each figure of its own pack with the
// regulation, the text it was read from and its confidence (待核实 when
// found only in secondary sources).
func (p *Portal) regions(c *fiber.Ctx) error {
	vs := p.cases.Regions()
	page := regionsPage{Rows: make([]regionRow, len(vs))}
	for i, v := range vs {
		page.Rows[i] = regionRow{RegionView: v, Params: p.cases.Rules.Own(v.Code)}
		if v.Parent != "" {
			page.Rows[i].ParentName = p.regionName(v.Parent)
		}
	}
	return p.render(c, fiber.StatusOK, "regions", "适用地区", "regions", page)
}
