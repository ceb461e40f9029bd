package portal

import (
	"html/template"
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// dataRightsBlock is the employee page's 个人信息权利 block (her correction
// requests, the notice records of her sensitive facts and the reminder of
// facts without one) and, with Mode set, the page that shows one of its
// forms again with its errors.
type dataRightsBlock struct {
	E        store.Employee
	R        cases.DataRights
	CSRF     string
	CanWrite bool
	Form     Form
	Mode     string // on the error page: "request", "outcome" or "notice"
	Target   string // the request or fact the form was about
}

func (p *Portal) registerDataRights(r fiber.Router) {
	p.AddActionLabels(map[string]string{"correction_request.create": "登记更正申请", "correction_request.decide": "处理更正申请",
		"sensitive_notice.create": "记录敏感个人信息告知"})
	p.AddLabels("correction_channel", cases.CorrectionChannels)
	outcomes := map[string]string{"open": "处理中"}
	for k, v := range cases.CorrectionOutcomes {
		outcomes[k] = v
	}
	p.AddLabels("correction_status", outcomes)
	p.AddLabels("notice_status", cases.NoticeStatuses)
	p.AddLabels("notice_method", cases.NoticeMethods)
	p.AddLabels("fact_type", map[string]string{"pregnancy": "怀孕", "birth": "分娩", "miscarriage": "流产"})
	p.AddEmployeeSection(EmployeeSection{Order: 28, Roles: familyReaders, Render: p.dataRightsSection})
	p.page(r, fiber.MethodPost, "/employees/:id/correction-requests", p.correctionRequestCreate, familyWriters...)
	p.page(r, fiber.MethodPost, "/correction-requests/:id/outcome", p.correctionRequestDecide, familyWriters...)
	p.page(r, fiber.MethodPost, "/employees/:id/sensitive-notices", p.sensitiveNoticeCreate, familyWriters...)
	p.page(r, fiber.MethodGet, "/notice-template", p.noticeTemplate, familyReaders...)
}

func (p *Portal) dataRightsSection(c *fiber.Ctx, e store.Employee) (template.HTML, error) {
	b, err := p.dataRightsData(c, e, NewForm())
	if err != nil {
		return "", err
	}
	return p.Partial("data-rights-section", b)
}

func (p *Portal) dataRightsData(c *fiber.Ctx, e store.Employee, f Form) (dataRightsBlock, error) {
	s := sessionOf(c)
	r, err := p.cases.DataRights(c.UserContext(), handlers.Tenant(c), e.ID)
	return dataRightsBlock{E: e, R: r, CSRF: s.CSRF, CanWrite: allowed(s.Role, familyWriters), Form: f}, err
}

// formOf reads the posted values of names, trimmed.
func formOf(c *fiber.Ctx, names ...string) Form {
	f := NewForm()
	for _, k := range names {
		f.Values[k] = strings.TrimSpace(c.FormValue(k))
	}
	return f
}

// correctionRequestCreate is POST /employees/:id/correction-requests.
func (p *Portal) correctionRequestCreate(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return p.fail(c, errNotFoundPage)
	}
	f := formOf(c, "subject", "received_on", "channel")
	in := cases.CorrectionRequestInput{Subject: opt(f.V("subject")), ReceivedOn: opt(f.V("received_on")), Channel: opt(f.V("channel"))}
	_, err := p.cases.RecordCorrectionRequest(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	return p.dataRightsDone(c, id, "request", "", f, err, "correction_recorded")
}

// correctionRequestDecide is POST /correction-requests/:id/outcome.
func (p *Portal) correctionRequestDecide(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return p.fail(c, errNotFoundPage)
	}
	f := formOf(c, "outcome", "note", "decided_on", "employee_id")
	in := cases.CorrectionOutcomeInput{Outcome: opt(f.V("outcome")), Note: opt(f.V("note")), DecidedOn: opt(f.V("decided_on"))}
	r, err := p.cases.DecideCorrectionRequest(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	employee := r.EmployeeID
	if err != nil {
		employee = validID(f.V("employee_id"))
	}
	return p.dataRightsDone(c, employee, "outcome", id, f, err, "correction_decided")
}

// sensitiveNoticeCreate is POST /employees/:id/sensitive-notices: the
// notice of a fact recorded after the fact (from the reminder).
func (p *Portal) sensitiveNoticeCreate(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return p.fail(c, errNotFoundPage)
	}
	f := formOf(c, "fact_type", "fact_id", "informed_on", "method")
	informed := true
	in := cases.SensitiveNoticeInput{FactType: opt(f.V("fact_type")), FactID: opt(f.V("fact_id")),
		NoticeInput: cases.NoticeInput{Informed: &informed, InformedOn: opt(f.V("informed_on")), Method: opt(f.V("method"))}}
	_, err := p.cases.RecordSensitiveNotice(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	return p.dataRightsDone(c, id, "notice", f.V("fact_id"), f, err, "notice_recorded")
}

// dataRightsDone goes back to the employee page after a write, or shows
// the form again with its errors.
func (p *Portal) dataRightsDone(c *fiber.Ctx, employeeID, mode, target string, f Form, err error, notice string) error {
	if err == nil {
		return c.Redirect("/employees/"+employeeID+"?notice="+notice+"#data-rights", fiber.StatusSeeOther)
	}
	status, ok := mergeFormError(&f, err, nil)
	if !ok || employeeID == "" {
		return err
	}
	e, err := p.cases.Employee(c.UserContext(), handlers.Tenant(c), handlers.Who(c), employeeID)
	if err != nil {
		return err
	}
	b, err := p.dataRightsData(c, e, f)
	if err != nil {
		return err
	}
	b.Mode, b.Target = mode, target
	return p.render(c, status, "data_rights", "个人信息权利："+e.Name, "employees", b)
}

// noticeTemplate is GET /notice-template: the printable 敏感个人信息处理告知书.
func (p *Portal) noticeTemplate(c *fiber.Ctx) error {
	return p.render(c, fiber.StatusOK, "notice_template", "敏感个人信息处理告知书", "employees", nil)
}
