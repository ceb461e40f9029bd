package portal

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
	"leaveguard/store"
)

// birthEdit is GET /births/:id/edit: the correction form, filled in with
// the current facts.
func (p *Portal) birthEdit(c *fiber.Ctx) error {
	b, e, err := p.birthAndEmployee(c)
	if err != nil {
		return err
	}
	f := NewForm()
	f.Values = map[string]string{"birth_date": b.BirthDate.String(), "child_order": strconv.Itoa(b.ChildOrder),
		"babies": strconv.Itoa(b.Babies), "stillborn": strconv.Itoa(b.Stillborn), "dystocia": strconv.FormatBool(b.Dystocia)}
	if b.LeaveStart != nil {
		f.Values["leave_start"] = b.LeaveStart.String()
	}
	return p.renderBirthCorrection(c, fiber.StatusOK, b, e, f, "")
}

// birthCorrect is POST /births/:id: correct the facts (the real birth date
// differs from the due date, say); the plan is recomputed and the previous
// version kept in the history.
func (p *Portal) birthCorrect(c *fiber.Ctx) error {
	b, e, err := p.birthAndEmployee(c)
	if err != nil {
		return err
	}
	f := readFields(c, familyKinds["births"].Fields)
	in := birthInput(&f)
	if len(f.Errors) == 0 {
		_, err = p.cases.CorrectBirth(c.UserContext(), handlers.Tenant(c), handlers.Who(c), b.ID, in)
		if err == nil {
			return c.Redirect("/births/"+b.ID+"?notice=corrected", fiber.StatusSeeOther)
		}
	}
	status, ok := mergeFormError(&f, err, nil)
	if !ok {
		return err
	}
	return p.renderBirthCorrection(c, status, b, e, f, explain(err))
}

func (p *Portal) renderBirthCorrection(c *fiber.Ctx, status int, b store.Birth, e store.Employee, f Form, why string) error {
	k := familyKinds["births"]
	k.Title, k.Submit = "更正分娩信息", "保存更正并重新计算"
	k.Intro = "更正后按新的事实重新计算产假计划；原记录作为历史版本保留，可在分娩记录页面查看。已批准的请假不会自动改变，如需调整请撤销后重新申请。"
	return p.renderFamilyForm(c, status, familyFormPage{Kind: k, Employee: e, Form: f, Action: "/births/" + b.ID,
		Birth: &b, Explain: why})
}

// birthAndEmployee loads the birth of the path and its employee (the read
// audited); another tenant's birth is a 404.
func (p *Portal) birthAndEmployee(c *fiber.Ctx) (store.Birth, store.Employee, error) {
	id := validID(c.Params("id"))
	if id == "" {
		return store.Birth{}, store.Employee{}, errNotFoundPage
	}
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	rec, _, err := p.cases.Birth(ctx, tenant, id)
	if err != nil {
		return store.Birth{}, store.Employee{}, err
	}
	e, err := p.cases.Employee(ctx, tenant, handlers.Who(c), rec.Birth.EmployeeID)
	return rec.Birth, e, err
}
