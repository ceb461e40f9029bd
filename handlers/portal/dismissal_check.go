package portal

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// dismissalCheck is POST /dismissal-checks: judge, store, show the verdict.
func (p *Portal) dismissalCheck(c *fiber.Ctx) error {
	f := NewForm()
	for _, k := range []string{"employee_id", "external_id", "action", "ground", "effective_date"} {
		f.Values[k] = strings.TrimSpace(c.FormValue(k))
	}
	in := cases.DismissalInput{Action: ptr(f.V("action")), EffectiveDate: ptr(f.V("effective_date"))}
	if id := validID(f.V("employee_id")); id != "" {
		in.EmployeeID = &id
	} else {
		in.ExternalID = ptr(f.V("external_id"))
	}
	if f.V("action") == "termination" {
		in.Ground = ptr(f.V("ground"))
	}
	d, err := p.cases.CheckDismissal(c.UserContext(), handlers.Tenant(c), handlers.Who(c), in)
	if err == nil {
		return c.Redirect("/dismissal-checks/"+d.ID, fiber.StatusSeeOther)
	}
	switch ef, ok := FormError(err, map[string]string{"employee_id": "external_id"}); {
	case ok:
		f.Errors = ef.Errors
		f.Message = ef.Message
	case errors.Is(err, store.ErrNotFound):
		f.Errors["external_id"] = "本单位没有该员工编号的员工"
		f.Message = "未找到该员工。"
	default:
		return err
	}
	return p.renderDismissal(c, fiber.StatusBadRequest, f, validID(f.V("employee_id")))
}

// verdictPage is one stored check.
type verdictPage struct {
	D        cases.DismissalCheck
	Employee store.EmployeeLabel
	Tone     string
}

// dismissalVerdict is GET /dismissal-checks/:id.
func (p *Portal) dismissalVerdict(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return p.fail(c, errNotFoundPage)
	}
	d, err := p.cases.DismissalCheckByID(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err != nil {
		return err
	}
	labels, err := p.employeeLabels(c, []string{d.EmployeeID})
	if err != nil {
		return err
	}
	tone := map[string]string{"prohibited": "bad", "requires_review": "warn", "extend_contract": "warn", "allowed": "good"}
	page := verdictPage{D: d, Employee: labels[d.EmployeeID], Tone: tone[string(d.Verdict.Outcome)]}
	return p.render(c, fiber.StatusOK, "dismissal_check", "检查结果", "dismissal", page)
}

func ptr(s string) *string { return &s }
