package portal

import (
	"cmp"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/leave"
	"leaveguard/payroll"
	"leaveguard/store"
)

// subsidiesPage is the list of subsidy applications with its filter and
// the form of a new one.
type subsidiesPage struct {
	Status, From, To string
	PeriodError      string
	Rows             []cases.SubsidySummary
	Next             string
	Paged, Filtered  bool
	CanWrite         bool
	Form             Form
	Explain          string
}

func (p *Portal) registerSubsidies(r fiber.Router) {
	p.AddNav(NavEntry{Key: "subsidies", Label: "社保补贴", Path: "/subsidy-applications", Order: OrderSubsidy, Roles: claimReaders})
	p.AddActionLabels(map[string]string{"subsidy_application.create": "创建社保补贴申报", "subsidy_application.recompute": "重新计算社保补贴",
		"subsidy_application.submit": "提交社保补贴申报", "subsidy_application.approve": "登记社保补贴批准",
		"subsidy_application.reject": "登记社保补贴驳回", "subsidy_application.pay": "登记社保补贴到账"})
	p.page(r, fiber.MethodGet, "/subsidy-applications", p.subsidies, claimReaders...)
	p.page(r, fiber.MethodPost, "/subsidy-applications", p.subsidyCreate, claimWriters...)
	p.page(r, fiber.MethodGet, "/subsidy-applications/:id", p.subsidy, claimReaders...)
	for _, action := range []string{"recompute", "submit", "approve", "reject", "pay"} {
		p.page(r, fiber.MethodPost, "/subsidy-applications/:id/"+action, p.subsidyStep(action), claimWriters...)
	}
}

// subsidies is GET /subsidy-applications?status=&from=&to=&after=: the
// applications in the order they were made, filtered by status and by the
// months (YYYY-MM) their period overlaps.
func (p *Portal) subsidies(c *fiber.Ctx) error {
	f := NewForm()
	today := p.cases.Today()
	f.Values["period_from"] = payroll.MonthOf(today.FirstOfMonth().AddMonths(-3)).String()
	f.Values["period_to"] = payroll.MonthOf(today.FirstOfMonth().AddMonths(-1)).String()
	return p.renderSubsidies(c, fiber.StatusOK, f, "")
}

func (p *Portal) renderSubsidies(c *fiber.Ctx, status int, form Form, why string) error {
	page := subsidiesPage{Status: c.Query("status"), From: c.Query("from"), To: c.Query("to"), Form: form, Explain: why,
		CanWrite: allowed(sessionOf(c).Role, claimWriters)}
	if _, ok := p.labels["claim_status"][page.Status]; !ok {
		page.Status = ""
	}
	f := store.SubsidyFilter{Status: page.Status, Limit: PageSize + 1}
	var fromErr, toErr string
	f.From, page.From, fromErr = monthFilter(page.From)
	f.To, page.To, toErr = monthFilter(page.To)
	page.PeriodError = cmp.Or(fromErr, toErr)
	f.AfterTime, f.AfterID = decodeCursor(c.Query("after"))
	page.Paged, page.Filtered = f.AfterID != "", page.Status != "" || page.From != "" || page.To != ""
	rows, err := p.cases.Subsidies(c.UserContext(), handlers.Tenant(c), handlers.Who(c), f)
	if err != nil {
		return err
	}
	rows, page.Next = cutPage(rows, func(r cases.SubsidySummary) (time.Time, string) { return r.CreatedAt, r.ID })
	page.Rows = rows
	return p.render(c, status, "subsidies", "社保补贴", "subsidies", page)
}

// monthFilter reads an optional month filter (YYYY-MM) as its first day;
// a bad one is dropped with a message.
func monthFilter(s string) (leave.Date, string, string) {
	if s == "" {
		return leave.Date{}, "", ""
	}
	mo, err := payroll.ParseMonth(s)
	if err != nil {
		return leave.Date{}, "", "月份格式应为 YYYY-MM，如 2026-03"
	}
	return mo.First(), s, ""
}

// subsidyCreate is POST /subsidy-applications: compute a draft application
// for the months period_from..period_to from the approved leave in them.
func (p *Portal) subsidyCreate(c *fiber.Ctx) error {
	f := NewForm()
	for _, k := range []string{"period_from", "period_to"} {
		f.Values[k] = strings.TrimSpace(c.FormValue(k))
	}
	in := cases.SubsidyInput{PeriodFrom: ptr(f.V("period_from")), PeriodTo: ptr(f.V("period_to"))}
	s, err := p.cases.CreateSubsidy(c.UserContext(), handlers.Tenant(c), handlers.Who(c), in)
	if err == nil {
		return c.Redirect("/subsidy-applications/"+s.ID+"?notice=created", fiber.StatusSeeOther)
	}
	status, ok := mergeFormError(&f, err, nil)
	if !ok {
		return err
	}
	return p.renderSubsidies(c, status, f, explain(err))
}
