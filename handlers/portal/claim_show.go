package portal

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// claimPage is one claim: the computed allowance with its parameters and
// their sources, the lifecycle and its history, the step forms.
type claimPage struct {
	C        cases.Claim
	Employee store.EmployeeLabel
	By       map[string]string // history actors by stamp
	CanWrite bool
	HasPDF   bool
	Form     Form
	Failed   string // the step whose form is shown again
	Explain  string
}

// claim is GET /allowance-claims/:id.
func (p *Portal) claim(c *fiber.Ctx) error {
	return p.renderClaim(c, fiber.StatusOK, NewForm(), "", "")
}

func (p *Portal) renderClaim(c *fiber.Ctx, status int, f Form, failed, why string) error {
	id := validID(c.Params("id"))
	if id == "" {
		return errNotFoundPage
	}
	cl, err := p.cases.Claim(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err != nil {
		return err
	}
	labels, err := p.employeeLabels(c, []string{cl.EmployeeID})
	if err != nil {
		return err
	}
	by, err := p.historyBy(c, cl.History)
	if err != nil {
		return err
	}
	page := claimPage{C: cl, Employee: labels[cl.EmployeeID], By: by, Form: f, Failed: failed,
		Explain: why, CanWrite: allowed(sessionOf(c).Role, claimWriters), HasPDF: p.hasDocuments(c)}
	p.stepDefaults(page.Form, cl.AmountFen)
	return p.render(c, status, "claim", "生育津贴申领", "claims", page)
}

// claimStep is POST /allowance-claims/:id/{recompute|submit|approve|reject|pay}.
// A step the status does not allow (409) or a computation the settings do
// not support (422) shows the claim again with the reason.
func (p *Portal) claimStep(action string) fiber.Handler {
	return lifecycleStep(action, "/allowance-claims", func(c *fiber.Ctx, id string, in stepInput) error {
		tenant, who, ctx := handlers.Tenant(c), handlers.Who(c), c.UserContext()
		var err error
		switch action {
		case "recompute":
			_, err = p.cases.RecomputeClaim(ctx, tenant, who, id)
		case "submit":
			_, err = p.cases.SubmitClaim(ctx, tenant, who, id, in.Submit)
		case "approve", "reject":
			_, err = p.cases.DecideClaim(ctx, tenant, who, id, action, in.Decide)
		case "pay":
			_, err = p.cases.PayClaim(ctx, tenant, who, id, in.Pay)
		}
		return err
	}, p.renderClaim)
}
