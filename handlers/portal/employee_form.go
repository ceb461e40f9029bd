package portal

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/pii"
	"leaveguard/handlers"
	"leaveguard/leave"
	"leaveguard/store"
)

// employeeFormPage is the data of the create and edit forms.
type employeeFormPage struct {
	Form    Form
	E       *store.Employee // nil when creating
	Regions []leave.Jurisdiction
}

func (p *Portal) renderEmployeeForm(c *fiber.Ctx, status int, page employeeFormPage) error {
	page.Regions = p.cases.Rules.Jurisdictions()
	scrubNationalID(&page.Form, p.cases.Now())
	title := "添加员工"
	if page.E != nil {
		title = "编辑员工：" + page.E.Name
	}
	return p.render(c, status, "employee_form", title, "employees", page)
}

// employeeNew is GET /employees/new.
func (p *Portal) employeeNew(c *fiber.Ctx) error {
	f := NewForm()
	f.Values["gender"] = "female"
	return p.renderEmployeeForm(c, fiber.StatusOK, employeeFormPage{Form: f})
}

// employeeEdit is GET /employees/:id/edit (the read is audited).
func (p *Portal) employeeEdit(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return p.fail(c, errNotFoundPage)
	}
	e, err := p.cases.Employee(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err != nil {
		return err
	}
	f := NewForm()
	f.Values = employeeValues(e)
	return p.renderEmployeeForm(c, fiber.StatusOK, employeeFormPage{Form: f, E: &e})
}

// employeeCreate is POST /employees.
func (p *Portal) employeeCreate(c *fiber.Ctx) error {
	in, f := employeeForm(c, nil)
	var err error
	if len(f.Errors) > 0 {
		var probe store.Employee
		_, err = in.Apply(&probe, true, p.cases) // collect the use case's messages too
	} else {
		e, err := p.cases.CreateEmployee(c.UserContext(), handlers.Tenant(c), handlers.Who(c), in)
		if err == nil {
			return c.Redirect("/employees/"+e.ID+"?notice=created", fiber.StatusSeeOther)
		}
		if !mergeErrors(&f, err) {
			return err
		}
	}
	if err != nil && !mergeErrors(&f, err) {
		return err
	}
	f.Message = "请按字段提示修改后重新提交。"
	return p.renderEmployeeForm(c, fiber.StatusBadRequest, employeeFormPage{Form: f})
}

// employeeUpdate is POST /employees/:id: only the fields that differ from
// the stored record are sent to the use case.
func (p *Portal) employeeUpdate(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return p.fail(c, errNotFoundPage)
	}
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	before, err := p.cases.EmployeeForEdit(ctx, tenant, id)
	if err != nil {
		return err
	}
	in, f := employeeForm(c, &before)
	if len(f.Errors) > 0 {
		probe := before
		_, err = in.Apply(&probe, false, p.cases) // collect the use case's messages too
	} else {
		_, err = p.cases.UpdateEmployee(ctx, tenant, handlers.Who(c), id, in, nil)
		if err == nil {
			return c.Redirect("/employees/"+id+"?notice=saved", fiber.StatusSeeOther)
		}
	}
	if err != nil && !mergeErrors(&f, err) {
		return err
	}
	f.Message = "请按字段提示修改后重新提交。"
	return p.renderEmployeeForm(c, fiber.StatusBadRequest, employeeFormPage{Form: f, E: &before})
}

// scrubNationalID keeps a typed ID number out of the page shown again after
// an error (ID numbers never appear in a response): the field comes back
// empty, with the masked number as a reminder when it was valid, and a
// message asking to type it again.
func scrubNationalID(f *Form, now time.Time) {
	id := f.Values["national_id"]
	if id == "" {
		return
	}
	delete(f.Values, "national_id")
	if pii.ValidateNationalIDAt(id, now) == nil {
		f.Values["national_id_masked"] = pii.MaskNationalID(id)
	}
	if f.Errors["national_id"] == "" {
		f.Errors["national_id"] = "为保护个人信息，页面不回显身份证号，请重新输入"
	} else {
		f.Errors["national_id"] += "（为保护个人信息，页面不回显身份证号，请重新输入）"
	}
}
