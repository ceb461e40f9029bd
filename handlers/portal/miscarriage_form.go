package portal

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// miscarriageEdit is GET /miscarriages/:id/edit: the correction form,
// filled in with the current facts.
func (p *Portal) miscarriageEdit(c *fiber.Ctx) error {
	m, e, err := p.miscarriageAndEmployee(c)
	if err != nil {
		return err
	}
	f := NewForm()
	f.Values = map[string]string{"date": m.Date.String(), "gestation_weeks": strconv.Itoa(m.GestationWeeks)}
	return p.renderMiscarriageCorrection(c, fiber.StatusOK, m, e, f, "")
}

// miscarriageCorrect is POST /miscarriages/:id: correct the date or the
// gestation; the leave is replanned and rebooked, approved leave moved or
// flagged, the claims followed, the previous version kept.
func (p *Portal) miscarriageCorrect(c *fiber.Ctx) error {
	m, e, err := p.miscarriageAndEmployee(c)
	if err != nil {
		return err
	}
	f := readFields(c, familyKinds["miscarriages"].Fields)
	in := cases.MiscarriageInput{Date: opt(f.V("date")), GestationWeeks: intField(&f, "gestation_weeks")}
	if len(f.Errors) == 0 {
		_, err = p.cases.CorrectMiscarriage(c.UserContext(), handlers.Tenant(c), handlers.Who(c), m.ID, in)
		if err == nil {
			return c.Redirect("/miscarriages/"+m.ID+"?notice=misc_corrected", fiber.StatusSeeOther)
		}
	}
	status, ok := mergeFormError(&f, err, nil)
	if !ok {
		return err
	}
	return p.renderMiscarriageCorrection(c, status, m, e, f, explain(err))
}

func (p *Portal) renderMiscarriageCorrection(c *fiber.Ctx, status int, m store.Miscarriage, e store.Employee, f Form, why string) error {
	k := familyKinds["miscarriages"]
	k.Title, k.Submit = "更正流产信息", "保存更正并重新计算"
	k.Intro = "更正后按新的事实重新计算流产假（不满 16 周 15 天，满 16 周 42 天），原额度收回、新额度记入假期余额；已批准的流产假改记入新额度，新事实不再支持的会标记待人事处理；生育津贴草稿重新计算，已提交的标记需更正。原记录作为历史版本保留。"
	return p.renderFamilyForm(c, status, familyFormPage{Kind: k, Employee: e, Form: f, Action: "/miscarriages/" + m.ID,
		Back: "/miscarriages/" + m.ID, Explain: why})
}

// miscarriageAndEmployee loads the miscarriage of the path and its
// employee (the read audited); another tenant's miscarriage is a 404.
func (p *Portal) miscarriageAndEmployee(c *fiber.Ctx) (store.Miscarriage, store.Employee, error) {
	id := validID(c.Params("id"))
	if id == "" {
		return store.Miscarriage{}, store.Employee{}, errNotFoundPage
	}
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	rec, err := p.cases.Miscarriage(ctx, tenant, id)
	if err != nil {
		return store.Miscarriage{}, store.Employee{}, err
	}
	e, err := p.cases.Employee(ctx, tenant, handlers.Who(c), rec.Miscarriage.EmployeeID)
	return rec.Miscarriage, e, err
}
