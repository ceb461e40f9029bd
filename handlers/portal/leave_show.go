package portal

import (
	"encoding/json"
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
	"leaveguard/leave"
	"leaveguard/store"
)

// leavePage is one request with the decision it was checked by.
type leavePage struct {
	R         store.LeaveRequest
	Decision  leave.Decision
	Employee  store.EmployeeLabel
	DecidedBy string
	CanWrite  bool
	CanCancel bool
	Form      Form // the reject reason, and a failed step's message
	Explain   string
	HasPDF    bool
}

// leaveRequest is GET /leave-requests/:id.
func (p *Portal) leaveRequest(c *fiber.Ctx) error {
	return p.renderLeave(c, fiber.StatusOK, NewForm(), "")
}

// renderLeave loads the request of the path and shows it with form (the
// message of a step that failed, with explanation why).
func (p *Portal) renderLeave(c *fiber.Ctx, status int, f Form, why string) error {
	id := validID(c.Params("id"))
	if id == "" {
		return errNotFoundPage
	}
	r, err := p.cases.LeaveRequest(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err != nil {
		return err
	}
	labels, err := p.employeeLabels(c, []string{r.EmployeeID})
	if err != nil {
		return err
	}
	names, err := p.userNames(c)
	if err != nil {
		return err
	}
	page := leavePage{R: r, Employee: labels[r.EmployeeID], DecidedBy: byName(r.DecidedBy, names), Form: f,
		Explain: why, CanWrite: allowed(sessionOf(c).Role, leaveWriters),
		HasPDF: r.Status == "approved" && p.hasDocuments(c)}
	_ = json.Unmarshal(r.Decision, &page.Decision)
	page.CanCancel = r.Status == "submitted" || (r.Status == "approved" && !r.End.Before(p.cases.Today()))
	title := p.label("leave_type", r.LeaveType) + "申请"
	return p.render(c, status, "leave_request", title, "leave", page)
}

// leaveStep is POST /leave-requests/:id/{approve|reject|cancel}. A step the
// request's status does not allow (409), or that its facts no longer
// support (422), shows the request again with the reason.
func (p *Portal) leaveStep(action string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id := validID(c.Params("id"))
		if id == "" {
			return errNotFoundPage
		}
		tenant, who, ctx := handlers.Tenant(c), handlers.Who(c), c.UserContext()
		f := NewForm()
		f.Values["reason"] = strings.TrimSpace(c.FormValue("reason"))
		var err error
		switch action {
		case "approve":
			_, err = p.cases.ApproveLeave(ctx, tenant, who, id)
		case "reject":
			if f.V("reason") == "" {
				f.Errors["reason"] = "请填写驳回理由，员工和审计人员都会看到"
				f.Message = "驳回时须说明理由。"
				return p.renderLeave(c, fiber.StatusBadRequest, f, "")
			}
			_, err = p.cases.RejectLeave(ctx, tenant, who, id, f.V("reason"))
		case "cancel":
			_, err = p.cases.CancelLeave(ctx, tenant, who, id)
		}
		if err == nil {
			return c.Redirect("/leave-requests/"+id+"?notice=leave_"+action, fiber.StatusSeeOther)
		}
		status, ok := mergeFormError(&f, err, nil)
		if !ok {
			return err
		}
		return p.renderLeave(c, status, f, explain(err))
	}
}
