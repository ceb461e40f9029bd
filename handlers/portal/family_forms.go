package portal

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// familyFormPage is the data of a family-event form.
type familyFormPage struct {
	Kind     familyKind
	Employee store.Employee
	Form     Form
	Action   string // where the form posts
	Birth    *store.Birth
	Back     string // where 取消 leads, when not the birth or the employee
	Explain  string
	Notice   bool // the 告知 fieldset: a sensitive fact being recorded (not corrected)
}

// familyNew is GET /employees/:id/{kind}/new.
func (p *Portal) familyNew(kind string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		e, err := p.familyEmployee(c, familyKinds[kind])
		if err != nil {
			return err
		}
		f := NewForm()
		f.Values["babies"], f.Values["dystocia"] = "1", "false"
		return p.renderFamilyForm(c, fiber.StatusOK, familyFormPage{Kind: familyKinds[kind], Employee: e, Form: f})
	}
}

// familyEmployee loads the employee of the path (another tenant's is a 404)
// and refuses a form that is only for female employees.
func (p *Portal) familyEmployee(c *fiber.Ctx, k familyKind) (store.Employee, error) {
	id := validID(c.Params("id"))
	if id == "" {
		return store.Employee{}, errNotFoundPage
	}
	e, err := p.cases.Employee(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err == nil && k.FemaleOnly && e.Gender != "female" {
		err = handlers.Fail(fiber.StatusUnprocessableEntity, "not_eligible", k.Title+"仅适用于女职工。")
	}
	return e, err
}

func (p *Portal) renderFamilyForm(c *fiber.Ctx, status int, page familyFormPage) error {
	if page.Action == "" {
		page.Notice = page.Kind.Sensitive
		page.Action = "/employees/" + page.Employee.ID + "/" + page.Kind.Key
	}
	return p.render(c, status, "family_form", page.Kind.Title+"："+page.Employee.Name, "employees", page)
}

// familyCreate is POST /employees/:id/{kind}: record the event through its
// use case, then show what it computed (a birth's or a miscarriage's plan)
// or the employee page.
func (p *Portal) familyCreate(kind string) fiber.Handler {
	k := familyKinds[kind]
	return func(c *fiber.Ctx) error {
		e, err := p.familyEmployee(c, k)
		if err != nil {
			return err
		}
		f := readFields(c, k.Fields)
		if k.Sensitive {
			for _, n := range noticeFields {
				f.Values[n] = strings.TrimSpace(c.FormValue(n))
			}
		}
		next, err := p.recordFamily(c, kind, e.ID, &f)
		if err == nil && len(f.Errors) == 0 {
			return c.Redirect(next, fiber.StatusSeeOther)
		}
		status, ok := mergeFormError(&f, err, nil)
		if !ok {
			return err
		}
		return p.renderFamilyForm(c, status, familyFormPage{Kind: k, Employee: e, Form: f, Explain: explain(err)})
	}
}

// recordFamily calls the use case of kind with the form's values (unless
// the form itself has errors) and returns where to go next.
func (p *Portal) recordFamily(c *fiber.Ctx, kind, employeeID string, f *Form) (string, error) {
	tenant, who, ctx := handlers.Tenant(c), handlers.Who(c), c.UserContext()
	next := "/employees/" + employeeID + "?notice=" + kind
	var err error
	switch kind {
	case "pregnancies":
		in := cases.PregnancyInput{ReportedOn: opt(f.V("reported_on")), ExpectedDueDate: opt(f.V("expected_due_date")),
			ConfirmedStart: opt(f.V("confirmed_start")), Notice: noticeInput(f)}
		_, err = p.cases.RecordPregnancy(ctx, tenant, who, employeeID, in)
	case "births":
		in := birthInput(f)
		in.Notice = noticeInput(f)
		if len(f.Errors) > 0 {
			return "", nil
		}
		var rec cases.BirthRecord
		if rec, err = p.cases.RecordBirth(ctx, tenant, who, employeeID, in); err == nil {
			next = "/births/" + rec.Birth.ID + "?notice=births"
		}
	case "miscarriages":
		in := cases.MiscarriageInput{Date: opt(f.V("date")), GestationWeeks: intField(f, "gestation_weeks"), Notice: noticeInput(f)}
		if len(f.Errors) > 0 {
			return "", nil
		}
		var rec cases.MiscarriageRecord
		if rec, err = p.cases.RecordMiscarriage(ctx, tenant, who, employeeID, in); err == nil {
			next = "/miscarriages/" + rec.Miscarriage.ID + "?notice=miscarriages"
		}
	case "marriages":
		_, _, err = p.cases.RecordMarriage(ctx, tenant, who, employeeID, cases.MarriageInput{RegisteredOn: opt(f.V("registered_on"))})
	}
	return next, err
}

// readFields reads the posted values of fields, trimmed.
func readFields(c *fiber.Ctx, fields []familyField) Form {
	f := NewForm()
	for _, fd := range fields {
		f.Values[fd.Name] = strings.TrimSpace(c.FormValue(fd.Name))
	}
	return f
}

// birthInput builds a birth's input from the form; numbers that are not
// numbers get their message here.
func birthInput(f *Form) cases.BirthInput {
	in := cases.BirthInput{BirthDate: opt(f.V("birth_date")), ChildOrder: intField(f, "child_order"),
		Babies: intField(f, "babies"), Stillborn: intField(f, "stillborn"), LeaveStart: opt(f.V("leave_start"))}
	if f.V("dystocia") == "true" || f.V("dystocia") == "false" {
		b := f.V("dystocia") == "true"
		in.Dystocia = &b
	}
	return in
}

// noticeFields are the inputs of the 告知 fieldset of a sensitive fact.
var noticeFields = []string{"notice.informed", "notice.informed_on", "notice.method"}

// noticeInput is the notice of the form: nil (recorded as "not recorded",
// and her page reminds HR) unless the box "已告知" is ticked.
func noticeInput(f *Form) *cases.NoticeInput {
	if f.V("notice.informed") != "true" {
		return nil
	}
	yes := true
	return &cases.NoticeInput{Informed: &yes, InformedOn: opt(f.V("notice.informed_on")), Method: opt(f.V("notice.method"))}
}

// opt is nil for an empty value (the use case then applies its default or
// says the field is required).
func opt(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// intField reads a whole number; a value that is not one is reported on
// the form and nil is sent on.
func intField(f *Form, name string) *int {
	v := f.V(name)
	if v == "" {
		return nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		f.Errors[name] = "请填写整数，如 1"
		return nil
	}
	return &n
}
