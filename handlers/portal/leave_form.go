package portal

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/leave"
	"leaveguard/store"
)

// leaveFields are the inputs of the leave form.
var leaveFields = []string{"employee_id", "external_id", "leave_type", "start", "days", "child_id", "note"}

// leaveFormPage is the request form, with the computed preview once asked.
type leaveFormPage struct {
	Form     Form
	Employee *store.EmployeeLabel // preselected (from her page) or found by 员工编号
	Children []store.Child
	Types    []leave.LeaveType
	Preview  *leave.Decision
	Explain  string
	Inline   bool // the preview block alone, for app.js: it carries the messages
}

// leaveNew is GET /leave-requests/new?employee=&leave_type=&start=&days=:
// the form, prefilled from the link that led here (an employee's page, a
// birth's plan).
func (p *Portal) leaveNew(c *fiber.Ctx) error {
	f := NewForm()
	for _, k := range []string{"leave_type", "start", "days"} {
		f.Values[k] = strings.TrimSpace(c.Query(k))
	}
	f.Values["employee_id"] = validID(c.Query("employee"))
	page, err := p.leaveFormFor(c, f)
	if err != nil {
		return err
	}
	return p.render(c, fiber.StatusOK, "leave_form", "申请假期", "leave", page)
}

// leaveFormFor resolves the form's employee (a 404 for another tenant's id;
// an unknown 员工编号 is a message next to its field) and her children.
func (p *Portal) leaveFormFor(c *fiber.Ctx, f Form) (leaveFormPage, error) {
	page := leaveFormPage{Form: f, Types: leave.LeaveTypes()}
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	id := f.V("employee_id")
	if id == "" && f.V("external_id") != "" {
		found, err := p.employeeByExt(c, f.V("external_id"))
		if err != nil {
			return leaveFormPage{}, err
		}
		if found == "-" {
			f.Errors["external_id"] = "本单位没有该员工编号的员工"
			return page, nil
		}
		id = found
	}
	if id == "" {
		return page, nil
	}
	ev, err := p.cases.Events(ctx, tenant, handlers.Who(c), id)
	if err != nil {
		return leaveFormPage{}, err
	}
	labels, err := p.employeeLabels(c, []string{id})
	if err != nil {
		return leaveFormPage{}, err
	}
	l := labels[id]
	page.Employee, page.Children = &l, ev.Children
	page.Form.Values["employee_id"] = id
	return page, nil
}

// leaveInput reads the posted form into the use case's input; days that
// are not a whole number are reported on the form.
func leaveInput(c *fiber.Ctx) (cases.LeaveInput, Form) {
	f := NewForm()
	for _, k := range leaveFields {
		f.Values[k] = strings.TrimSpace(c.FormValue(k))
	}
	f.Values["employee_id"] = validID(f.V("employee_id"))
	if f.V("employee_id") == "" && f.V("external_id") == "" {
		f.Errors["external_id"] = "必填：员工编号，如 XA-001"
	}
	in := cases.LeaveInput{LeaveType: opt(f.V("leave_type")), Start: opt(f.V("start")), Days: intField(&f, "days"),
		ChildID: opt(f.V("child_id")), Note: opt(f.V("note"))}
	return in, f
}

// leaveSubmit is POST /leave-requests. The 计算 button (op=preview) shows
// the computed dates, unit, balance and legal basis without saving; the
// 提交 button submits the request.
func (p *Portal) leaveSubmit(c *fiber.Ctx) error {
	page, in, err := p.postedLeave(c)
	if err != nil {
		return err
	}
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	if len(page.Form.Errors) == 0 {
		if c.FormValue("op") == "preview" {
			var d leave.Decision
			if d, err = p.cases.PreviewLeave(ctx, tenant, in); err == nil {
				page.Preview = &d
				return p.render(c, fiber.StatusOK, "leave_form", "申请假期", "leave", page)
			}
		} else {
			var r store.LeaveRequest
			if r, err = p.cases.SubmitLeave(ctx, tenant, handlers.Who(c), in); err == nil {
				return c.Redirect("/leave-requests/"+r.ID+"?notice=leave_submitted", fiber.StatusSeeOther)
			}
		}
	}
	status, ok := mergeFormError(&page.Form, err, map[string]string{"employee_id": "external_id"})
	if !ok {
		return err
	}
	for _, v := range page.Form.Errors {
		if v == page.Form.Message { // said at its field (天数 over the balance): once is enough
			page.Form.Message = "请按字段提示修改后重新提交。"
		}
	}
	page.Explain = explain(err)
	return p.render(c, status, "leave_form", "申请假期", "leave", page)
}

// postedLeave reads the posted form and resolves its employee.
func (p *Portal) postedLeave(c *fiber.Ctx) (leaveFormPage, cases.LeaveInput, error) {
	in, f := leaveInput(c)
	page, err := p.leaveFormFor(c, f)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) && f.V("employee_id") != "" {
			return page, in, errNotFoundPage
		}
		return page, in, err
	}
	if page.Employee != nil {
		in.EmployeeID = &page.Employee.ID
	}
	return page, in, nil
}

// leavePreviewJSON is POST /leave-requests/preview, for app.js: the same
// preview as the 计算 button, as {"ok", "status", "html"} where html is the
// preview block (the result, or the messages).
func (p *Portal) leavePreviewJSON(c *fiber.Ctx) error {
	page, in, err := p.postedLeave(c)
	if err != nil {
		return err
	}
	status := fiber.StatusOK
	if len(page.Form.Errors) == 0 {
		var d leave.Decision
		if d, err = p.cases.PreviewLeave(c.UserContext(), handlers.Tenant(c), in); err == nil {
			page.Preview = &d
		}
	}
	if page.Preview == nil {
		var ok bool
		if status, ok = mergeFormError(&page.Form, err, map[string]string{"employee_id": "external_id"}); !ok {
			return err
		}
		page.Explain = explain(err)
	}
	page.Inline = true
	html, err := p.Partial("leave-preview", page)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"ok": page.Preview != nil, "status": status, "html": html})
}
