package portal

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
)

// dashboardPage is the data of 工作台.
type dashboardPage struct {
	Cards []Card
}

func (p *Portal) registerDashboard(r fiber.Router) {
	p.AddNav(NavEntry{Key: "dashboard", Label: "工作台", Path: "/", Order: OrderDashboard})
	p.AddTile(Tile{Order: 10, Run: p.employeeCountTiles})
	p.page(r, fiber.MethodGet, "/", p.dashboard)
}

// dashboard is GET /: every tile the user's role may see.
func (p *Portal) dashboard(c *fiber.Ctx) error {
	sess := sessionOf(c)
	var page dashboardPage
	for _, t := range p.tiles {
		if !allowed(sess.Role, t.Roles) {
			continue
		}
		cards, err := t.Run(c)
		if err != nil {
			return err
		}
		page.Cards = append(page.Cards, cards...)
	}
	return p.render(c, fiber.StatusOK, "dashboard", "工作台", "dashboard", page)
}

// employeeCountTiles are the head counts: all employees and female ones.
func (p *Portal) employeeCountTiles(c *fiber.Ctx) ([]Card, error) {
	n, err := p.cases.EmployeeCounts(c.UserContext(), handlers.Tenant(c))
	if err != nil {
		return nil, err
	}
	total := Card{Label: "在册员工", Value: groupDigits(strconv.Itoa(n.Total)), Note: "查看员工名单", Link: "/employees"}
	if n.Total == 0 {
		total.Note, total.Tone = "还没有员工：请先添加员工，或通过 API / 薪酬系统同步", "warn"
	}
	female := Card{Label: "女职工", Value: groupDigits(strconv.Itoa(n.Female)), Note: "女职工享有三期保护",
		Link: "/employees?gender=female"}
	return []Card{total, female}, nil
}
