package portal

import (
	"html/template"
	"sort"

	"github.com/gofiber/fiber/v2"

	"leaveguard/store"
)

// Navigation order of the portal's areas; an area adds its entry (with
// AddNav) in the same change that adds its page, so the navigation lists
// only pages that exist.
const (
	OrderDashboard    = 10 // 工作台
	OrderEmployees    = 20 // 员工
	OrderDismissal    = 30 // 解雇/降薪合规检查
	OrderAllowance    = 40 // 生育津贴
	OrderSubsidy      = 50 // 社保补贴
	OrderExports      = 60 // 导出
	OrderSettings     = 70 // 设置
	OrderIntegrations = 80 // 集成
	OrderAudit        = 90 // 审计
	OrderStaff        = 95 // 账号管理
)

// NavEntry is one entry of the navigation, shown to the listed roles (all
// roles when Roles is empty). Key marks the entry active on its pages.
type NavEntry struct {
	Key   string
	Label string
	Path  string
	Order int
	Roles []string
}

// AddNav adds an entry to the navigation.
func (p *Portal) AddNav(e NavEntry) {
	p.nav = append(p.nav, e)
	sort.SliceStable(p.nav, func(i, j int) bool { return p.nav[i].Order < p.nav[j].Order })
}

// Card is one figure on the dashboard. Tone is "", "good", "warn" or "bad".
type Card struct {
	Label string
	Value string
	Note  string
	Link  string
	Tone  string
}

// Tile computes dashboard cards for the listed roles (all when empty): Run
// calls use cases (app/cases) and turns their answers into cards.
type Tile struct {
	Order int
	Roles []string
	Run   func(c *fiber.Ctx) ([]Card, error)
}

// AddTile adds a tile to the dashboard.
func (p *Portal) AddTile(t Tile) {
	p.tiles = append(p.tiles, t)
	sort.SliceStable(p.tiles, func(i, j int) bool { return p.tiles[i].Order < p.tiles[j].Order })
}

// EmployeeSection is a block of the employee page owned by another area
// (leave, births, claims...). Render returns the block's HTML, usually via
// p.Partial, or "" to show nothing.
type EmployeeSection struct {
	Order  int
	Roles  []string
	Render func(c *fiber.Ctx, e store.Employee) (template.HTML, error)
}

// AddEmployeeSection adds a section to the employee page.
func (p *Portal) AddEmployeeSection(s EmployeeSection) {
	p.sections = append(p.sections, s)
	sort.SliceStable(p.sections, func(i, j int) bool { return p.sections[i].Order < p.sections[j].Order })
}

// AddActionLabels names audit actions in Chinese for the audit pages.
func (p *Portal) AddActionLabels(m map[string]string) {
	for k, v := range m {
		p.actions[k] = v
	}
}

// AddLabels names the codes of one kind ("verdict", "phase", ...) in
// Chinese, for templates: {{label "verdict" .Outcome}}.
func (p *Portal) AddLabels(kind string, m map[string]string) {
	if p.labels[kind] == nil {
		p.labels[kind] = map[string]string{}
	}
	for k, v := range m {
		p.labels[kind][k] = v
	}
}

// allowed reports whether role may see something restricted to roles.
func allowed(role string, roles []string) bool {
	if len(roles) == 0 {
		return true
	}
	for _, r := range roles {
		if r == role {
			return true
		}
	}
	return false
}
