package portal

import (
	"html/template"
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// separationWriters may record and withdraw a separation (as the API's).
var separationWriters = []string{auth.Admin, auth.HR}

// separationFields are the inputs of the 办理离职 form.
var separationFields = []string{"last_day", "kind", "ground", "dismissal_check_id", "reviewed_by", "review_note", "override_reason"}

// separationBlock is the data of the employee page's 离职 block and of the
// form page shown again with its errors.
type separationBlock struct {
	E        store.Employee
	Form     Form
	CSRF     string
	CanWrite bool
	IsAdmin  bool
}

func (p *Portal) registerSeparation(r fiber.Router) {
	p.AddActionLabels(map[string]string{"employee.separate": "办理离职", "employee.separation_withdraw": "撤销离职（重新入职）"})
	p.AddLabels("separation_kind", cases.SeparationKinds)
	p.AddEmployeeSection(EmployeeSection{Order: 5, Roles: employeeReaders, Render: p.separationSection})
	p.page(r, fiber.MethodPost, "/employees/:id/separation", p.separationRecord, separationWriters...)
	p.page(r, fiber.MethodPost, "/employees/:id/separation/withdraw", p.separationWithdraw, separationWriters...)
}

// separationSection shows the 已离职 badge and the withdraw button of a
// former employee, or the 办理离职 form.
func (p *Portal) separationSection(c *fiber.Ctx, e store.Employee) (template.HTML, error) {
	f := NewForm()
	f.Values["kind"] = "resignation"
	return p.Partial("separation-section", p.separationData(c, e, f))
}

func (p *Portal) separationData(c *fiber.Ctx, e store.Employee, f Form) separationBlock {
	s := sessionOf(c)
	return separationBlock{E: e, Form: f, CSRF: s.CSRF, CanWrite: allowed(s.Role, separationWriters), IsAdmin: s.Role == auth.Admin}
}

// separationRecord is POST /employees/:id/separation: record it and go
// back to the employee page, or show the form again with the reason.
func (p *Portal) separationRecord(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return p.fail(c, errNotFoundPage)
	}
	f := NewForm()
	for _, k := range separationFields {
		f.Values[k] = strings.TrimSpace(c.FormValue(k))
	}
	in := cases.SeparationInput{LastDay: ptr(f.V("last_day")), Kind: ptr(f.V("kind")), Role: sessionOf(c).Role}
	for k, dst := range map[string]**string{"ground": &in.Ground, "dismissal_check_id": &in.DismissalCheckID,
		"reviewed_by": &in.ReviewedBy, "review_note": &in.ReviewNote, "override_reason": &in.OverrideReason} {
		if v := f.V(k); v != "" {
			*dst = &v
		}
	}
	if f.V("kind") != "termination" {
		in.Ground = nil
	}
	tenant, ctx, who := handlers.Tenant(c), c.UserContext(), handlers.Who(c)
	_, err := p.cases.RecordSeparation(ctx, tenant, who, id, in)
	if err == nil {
		return c.Redirect("/employees/"+id+"?notice=separated", fiber.StatusSeeOther)
	}
	ef, ok := FormError(err, nil)
	if !ok {
		return err // 403 (an override by a non-admin), 404, or a fault
	}
	f.Errors, f.Message = ef.Errors, ef.Message
	e, err := p.cases.Employee(ctx, tenant, who, id)
	if err != nil {
		return err
	}
	return p.render(c, fiber.StatusUnprocessableEntity, "separation", "办理离职", "employees", p.separationData(c, e, f))
}

// separationWithdraw is POST /employees/:id/separation/withdraw (rehire).
func (p *Portal) separationWithdraw(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return p.fail(c, errNotFoundPage)
	}
	if _, err := p.cases.WithdrawSeparation(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id); err != nil {
		return err
	}
	return c.Redirect("/employees/"+id+"?notice=separation_withdrawn", fiber.StatusSeeOther)
}
