package portal

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/payroll"
	"leaveguard/store"
)

// subsidyLine is one employee-month line with the employee's name.
type subsidyLine struct {
	payroll.SubsidyLine
	Employee store.EmployeeLabel
}

// subsidyPage is one application: its lines, parameters and sources, the
// lifecycle with its history, the step forms.
type subsidyPage struct {
	S        cases.Subsidy
	Lines    []subsidyLine
	By       map[string]string
	CanWrite bool
	HasPDF   bool
	Form     Form
	Failed   string
	Explain  string
}

// subsidy is GET /subsidy-applications/:id.
func (p *Portal) subsidy(c *fiber.Ctx) error {
	return p.renderSubsidy(c, fiber.StatusOK, NewForm(), "", "")
}

func (p *Portal) renderSubsidy(c *fiber.Ctx, status int, f Form, failed, why string) error {
	id := validID(c.Params("id"))
	if id == "" {
		return errNotFoundPage
	}
	s, err := p.cases.Subsidy(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err != nil {
		return err
	}
	ids := make([]string, 0, len(s.Lines))
	for _, l := range s.Lines {
		ids = append(ids, l.EmployeeID)
	}
	labels, err := p.employeeLabels(c, ids)
	if err != nil {
		return err
	}
	by, err := p.historyBy(c, s.History)
	if err != nil {
		return err
	}
	page := subsidyPage{S: s, By: by, Form: f, Failed: failed, Explain: why,
		CanWrite: allowed(sessionOf(c).Role, claimWriters), HasPDF: p.hasDocuments(c)}
	for _, l := range s.Lines {
		page.Lines = append(page.Lines, subsidyLine{SubsidyLine: l, Employee: labels[l.EmployeeID]})
	}
	p.stepDefaults(page.Form, s.TotalClaimableFen)
	title := "社保补贴申报 " + s.PeriodFrom.String() + " 至 " + s.PeriodTo.String()
	return p.render(c, status, "subsidy", title, "subsidies", page)
}

// subsidyStep is POST /subsidy-applications/:id/{recompute|submit|approve|reject|pay}.
func (p *Portal) subsidyStep(action string) fiber.Handler {
	return lifecycleStep(action, "/subsidy-applications", func(c *fiber.Ctx, id string, in stepInput) error {
		tenant, who, ctx := handlers.Tenant(c), handlers.Who(c), c.UserContext()
		var err error
		switch action {
		case "recompute":
			_, err = p.cases.RecomputeSubsidy(ctx, tenant, who, id)
		case "submit":
			_, err = p.cases.SubmitSubsidy(ctx, tenant, who, id, in.Submit)
		case "approve", "reject":
			_, err = p.cases.DecideSubsidy(ctx, tenant, who, id, action, in.Decide)
		case "pay":
			_, err = p.cases.PaySubsidy(ctx, tenant, who, id, in.Pay)
		}
		return err
	}, p.renderSubsidy)
}
