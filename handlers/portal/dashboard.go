package portal

import (
	"context"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"leaveguard/store"
)

// dashboardPage is the data of 工作台.
type dashboardPage struct {
	Cards []Card
}

func (p *Portal) registerDashboard(r fiber.Router) {
	p.AddNav(NavEntry{Key: "dashboard", Label: "工作台", Path: "/", Order: OrderDashboard})
	p.AddTile(Tile{Order: 10, Load: employeeCountTiles})
	p.page(r, fiber.MethodGet, "/", p.dashboard)
}

// dashboard is GET /: every tile the user's role may see, computed in one
// read-only transaction.
func (p *Portal) dashboard(c *fiber.Ctx) error {
	sess := sessionOf(c)
	ctx := c.UserContext()
	cards := make([][]Card, len(p.tiles))
	err := p.cases.Store.ReadTx(ctx, sess.Tenant, func(tx *store.Tx) error {
		for i, t := range p.tiles {
			if t.Load == nil || !allowed(sess.Role, t.Roles) {
				continue
			}
			var err error
			if cards[i], err = t.Load(ctx, tx, sess.Tenant); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	var page dashboardPage
	for i, t := range p.tiles {
		if t.Run != nil && allowed(sess.Role, t.Roles) {
			if cards[i], err = t.Run(c); err != nil {
				return err
			}
		}
		page.Cards = append(page.Cards, cards[i]...)
	}
	return p.render(c, fiber.StatusOK, "dashboard", "工作台", "dashboard", page)
}

// employeeCountTiles are the head counts: all employees and female ones.
func employeeCountTiles(ctx context.Context, tx *store.Tx, tenant string) ([]Card, error) {
	n, err := tx.CountEmployeesByGender(ctx, tenant)
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
