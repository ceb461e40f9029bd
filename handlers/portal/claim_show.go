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
	cl, err := p.cases.Claim(c.UserContext(), handlers.Tenant(c), id)
	if err != nil {
		return err
	}
	labels, err := p.employeeLabels(c, []string{cl.EmployeeID})
	if err != nil {
		return err
	}
	names, err := p.userNames(c)
	if err != nil {
		return err
	}
	page := claimPage{C: cl, Employee: labels[cl.EmployeeID], By: map[string]string{}, Form: f, Failed: failed,
		Explain: why, CanWrite: allowed(sessionOf(c).Role, claimWriters), HasPDF: p.hasDocuments(c)}
	for _, h := range cl.History {
		page.By[h.By] = byName(h.By, names)
	}
	if page.Form.Values["submitted_on"] == "" {
		today := p.cases.Today().String()
		for _, k := range []string{"submitted_on", "decided_on", "paid_on"} {
			page.Form.Values[k] = today
		}
		page.Form.Values["paid"] = yuanPlain(cl.AmountFen)
	}
	return p.render(c, status, "claim", "生育津贴申领", "claims", page)
}

// claimStep is POST /allowance-claims/:id/{recompute|submit|approve|reject|pay}.
// A step the status does not allow (409) or a computation the settings do
// not support (422) shows the claim again with the reason.
func (p *Portal) claimStep(action string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id := validID(c.Params("id"))
		if id == "" {
			return errNotFoundPage
		}
		tenant, who, ctx := handlers.Tenant(c), handlers.Who(c), c.UserContext()
		in, f := readStep(c, action)
		var err error
		if len(f.Errors) == 0 {
			switch action {
			case "recompute":
				_, err = p.cases.RecomputeClaim(ctx, tenant, who, id)
			case "submit":
				_, err = p.cases.SubmitClaim(ctx, tenant, who, id, in.Submit)
			case "approve":
				_, err = p.cases.ApproveClaim(ctx, tenant, who, id, in.Decide)
			case "reject":
				_, err = p.cases.RejectClaim(ctx, tenant, who, id, in.Decide)
			case "pay":
				_, err = p.cases.PayClaim(ctx, tenant, who, id, in.Pay)
			}
			if err == nil {
				return c.Redirect("/allowance-claims/"+id+"?notice=step_"+action, fiber.StatusSeeOther)
			}
		}
		status, ok := mergeFormError(&f, err, stepRename)
		if !ok {
			return err
		}
		return p.renderClaim(c, status, f, action, explain(err))
	}
}
