package portal

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// Roles of the dismissal-check pages (as the API's).
var (
	dismissalReaders = []string{auth.Admin, auth.HR, auth.Auditor, auth.Payroll}
	dismissalWriters = []string{auth.Admin, auth.HR, auth.Payroll}
)

// dismissalRow is a stored check with the employee it is about.
type dismissalRow struct {
	cases.DismissalCheck
	Employee store.EmployeeLabel
}

// dismissalPage is the check form and the recent checks.
type dismissalPage struct {
	Form       Form
	Employee   *store.EmployeeLabel // preselected from the employee page
	Rows       []dismissalRow
	Next       string
	Paged      bool
	CanCheck   bool
	Ext        string // list filter: the employer's id of one employee
	EmployeeID string // list filter and preselection: one employee
	Filtered   bool
}

func (p *Portal) registerDismissal(r fiber.Router) {
	p.AddNav(NavEntry{Key: "dismissal", Label: "解雇/降薪合规检查", Path: "/dismissal-checks", Order: OrderDismissal, Roles: dismissalReaders})
	p.AddActionLabels(map[string]string{"dismissal_check.create": "解雇/降薪合规检查", "protection.read": "查看三期保护状态"})
	p.AddLabels("verdict", verdictLabels)
	p.AddLabels("dismissal_action", map[string]string{"termination": "单方解除劳动合同", "non_renewal": "合同到期不续签",
		"wage_reduction": "降低工资或福利", "demotion": "降职/调岗", "mutual_agreement": "协商一致解除", "resignation": "员工辞职"})
	p.AddLabels("ground", map[string]string{"art39": "第三十九条 过失性解除", "art40": "第四十条 无过失性解除",
		"art41": "第四十一条 经济性裁员", "art44_retirement": "第四十四条 依法享受基本养老保险待遇",
		"art44_death": "第四十四条 劳动者死亡或被宣告死亡、失踪", "art44_bankruptcy": "第四十四条 用人单位被宣告破产",
		"art44_closure": "第四十四条 吊销执照、责令关闭、撤销或提前解散"})
	p.AddLabels("phase", map[string]string{"pregnancy": "孕期", "maternity_leave": "产期", "nursing": "哺乳期"})
	p.AddEmployeeSection(EmployeeSection{Order: 10, Roles: familyReaders, Render: p.protectionSection})
	p.page(r, fiber.MethodGet, "/dismissal-checks", p.dismissalChecks, dismissalReaders...)
	p.page(r, fiber.MethodPost, "/dismissal-checks", p.dismissalCheck, dismissalWriters...)
	p.page(r, fiber.MethodGet, "/dismissal-checks/:id", p.dismissalVerdict, dismissalReaders...)
}

// dismissalChecks is GET /dismissal-checks?employee=&before=: the form and
// the tenant's checks, newest first.
func (p *Portal) dismissalChecks(c *fiber.Ctx) error {
	f := NewForm()
	f.Values["effective_date"] = p.cases.Today().String()
	f.Values["action"] = "termination"
	return p.renderDismissal(c, fiber.StatusOK, f, validID(c.Query("employee")))
}

func (p *Portal) renderDismissal(c *fiber.Ctx, status int, f Form, employeeID string) error {
	page := dismissalPage{Form: f, CanCheck: allowed(sessionOf(c).Role, dismissalWriters), EmployeeID: employeeID}
	before, err := time.Parse(time.RFC3339Nano, c.Query("before"))
	if err != nil {
		before = p.cases.Now().Add(time.Hour)
	} else {
		page.Paged = true
	}
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	filter, err := p.dismissalFilter(c, &page, employeeID)
	if err != nil {
		return err
	}
	var checks []cases.DismissalCheck
	if filter != "-" {
		if checks, err = p.cases.DismissalChecks(ctx, tenant, handlers.Who(c), filter, before, PageSize+1); err != nil {
			return err
		}
	}
	if len(checks) > PageSize {
		checks = checks[:PageSize]
		page.Next = checks[PageSize-1].CheckedAt.UTC().Format(time.RFC3339Nano)
	}
	ids := []string{}
	for _, d := range checks {
		ids = append(ids, d.EmployeeID)
	}
	if employeeID != "" {
		ids = append(ids, employeeID)
	}
	labels, err := p.employeeLabels(c, ids)
	if err != nil {
		return err
	}
	for _, d := range checks {
		page.Rows = append(page.Rows, dismissalRow{DismissalCheck: d, Employee: labels[d.EmployeeID]})
	}
	if l, ok := labels[employeeID]; ok {
		page.Employee = &l
	}
	return p.render(c, status, "dismissal", "解雇/降薪合规检查", "dismissal", page)
}

// dismissalFilter returns the employee whose checks the list shows: the
// preselected one, or the one whose 员工编号 is ?ext= ("-" when there is
// no such employee), or "" for all.
func (p *Portal) dismissalFilter(c *fiber.Ctx, page *dismissalPage, employeeID string) (string, error) {
	page.Ext = strings.TrimSpace(c.Query("ext"))
	if len(page.Ext) > 64 {
		page.Ext = page.Ext[:64]
	}
	page.Filtered = page.Ext != "" || employeeID != ""
	if page.Ext == "" {
		return employeeID, nil
	}
	return p.employeeByExt(c, page.Ext)
}

// employeeLabels names the tenant's employees among ids.
func (p *Portal) employeeLabels(c *fiber.Ctx, ids []string) (map[string]store.EmployeeLabel, error) {
	return p.cases.EmployeeLabels(c.UserContext(), handlers.Tenant(c), ids)
}
