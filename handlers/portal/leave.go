package portal

import (
	"html/template"
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/handlers"
	"leaveguard/leave"
	"leaveguard/store"
)

// Roles of the leave pages (as the API's).
var (
	leaveReaders = familyReaders
	leaveWriters = []string{auth.Admin, auth.HR}
)

// leaveRow is a request with the employee it is for.
type leaveRow struct {
	store.LeaveRequest
	Employee store.EmployeeLabel
}

// leaveListPage is the list of leave requests with its filter.
type leaveListPage struct {
	listQuery
	leaveOrder
	Employee *store.EmployeeLabel
	Rows     []leaveRow
	CanWrite bool
}

func (p *Portal) registerLeave(r fiber.Router) {
	p.AddNav(NavEntry{Key: "leave", Label: "请假", Path: "/leave-requests", Order: OrderEmployees + 5, Roles: leaveReaders})
	p.AddLabels("leave_status", map[string]string{"submitted": "待审批", "approved": "已批准", "rejected": "已驳回",
		"cancelled": "已撤销"})
	p.AddEmployeeSection(EmployeeSection{Order: 30, Roles: leaveReaders, Render: p.leaveSection})
	p.page(r, fiber.MethodGet, "/leave-requests", p.leaveRequests, leaveReaders...)
	p.page(r, fiber.MethodGet, "/leave-requests/new", p.leaveNew, leaveWriters...)
	p.page(r, fiber.MethodPost, "/leave-requests", p.leaveSubmit, leaveWriters...)
	p.page(r, fiber.MethodPost, "/leave-requests/preview", p.leavePreviewJSON, leaveWriters...)
	p.page(r, fiber.MethodGet, "/leave-requests/:id", p.leaveRequest, leaveReaders...)
	p.page(r, fiber.MethodPost, "/leave-requests/:id/approve", p.leaveStep("approve"), leaveWriters...)
	p.page(r, fiber.MethodPost, "/leave-requests/:id/reject", p.leaveStep("reject"), leaveWriters...)
	p.page(r, fiber.MethodPost, "/leave-requests/:id/cancel", p.leaveStep("cancel"), leaveWriters...)
}

// leaveRequests is GET /leave-requests?status=&ext=&employee=&from=&to=&dates=&sort=&after=:
// requests newest first (or sorted by start, end or submission time),
// filtered by status, employee and a date window they overlap (or start or
// end in), 50 a page.
func (p *Portal) leaveRequests(c *fiber.Ctx) error {
	q, w, err := p.readListQuery(c, func(s string) bool {
		_, ok := p.labels["leave_status"][s]
		return ok
	})
	if err != nil {
		return err
	}
	page := leaveListPage{listQuery: q, leaveOrder: readLeaveOrder(c), CanWrite: allowed(sessionOf(c).Role, leaveWriters)}
	f := store.LeaveFilter{Status: q.Status, EmployeeID: w.EmployeeID, From: w.From, To: w.To, DatesBy: page.Dates,
		Sort: page.Sort, AfterTime: w.AfterTime, AfterID: w.AfterID, Limit: PageSize + 1}
	var rows []store.LeaveRequest
	if f.EmployeeID != "-" {
		if rows, err = p.cases.LeaveRequests(c.UserContext(), handlers.Tenant(c), handlers.Who(c), f); err != nil {
			return err
		}
	}
	rows, page.Next = cutPage(rows, page.key)
	if page.Rows, err = p.leaveRows(c, rows); err != nil {
		return err
	}
	if page.EmployeeID != "" {
		if l, err := p.employeeLabels(c, []string{page.EmployeeID}); err == nil && l[page.EmployeeID].ID != "" {
			e := l[page.EmployeeID]
			page.Employee = &e
		}
	}
	return p.render(c, fiber.StatusOK, "leave_requests", "请假", "leave", page)
}

// leaveRows names the employees of rows.
func (p *Portal) leaveRows(c *fiber.Ctx, rows []store.LeaveRequest) ([]leaveRow, error) {
	ids := make([]string, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.EmployeeID)
	}
	labels, err := p.employeeLabels(c, ids)
	out := make([]leaveRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, leaveRow{LeaveRequest: r, Employee: labels[r.EmployeeID]})
	}
	return out, err
}

// dateWindow reads an optional from/to pair of dates; msg says what is wrong.
func dateWindow(from, to string) (f, t leave.Date, msg string) {
	var err error
	if from != "" {
		if f, err = leave.ParseDate(from); err != nil {
			return f, t, "起始日期格式应为 YYYY-MM-DD"
		}
	}
	if to != "" {
		if t, err = leave.ParseDate(to); err != nil {
			return f, t, "截止日期格式应为 YYYY-MM-DD"
		}
	}
	if !f.IsZero() && !t.IsZero() && t.Before(f) {
		return leave.Date{}, leave.Date{}, "截止日期不能早于起始日期"
	}
	return f, t, ""
}

// employeeFilter resolves a list's employee filter: ?employee= (an id, from
// her page) or ?ext= (员工编号). It returns the id, "" for all, or "-" when
// no employee of the tenant matches.
func (p *Portal) employeeFilter(c *fiber.Ctx, ext, id *string) (string, error) {
	*id, *ext = validID(c.Query("employee")), strings.TrimSpace(c.Query("ext"))
	if len(*ext) > 64 {
		*ext = (*ext)[:64]
	}
	if *ext == "" {
		return *id, nil
	}
	return p.employeeByExt(c, *ext)
}

// employeeByExt returns the id of the tenant's employee with 员工编号 ext,
// or "-" when there is none.
func (p *Portal) employeeByExt(c *fiber.Ctx, ext string) (string, error) {
	id, err := p.cases.EmployeeIDByExternal(c.UserContext(), handlers.Tenant(c), ext)
	if id == "" {
		id = "-"
	}
	return id, err
}

// leaveSection is the employee page's 请假记录: her latest requests.
func (p *Portal) leaveSection(c *fiber.Ctx, e store.Employee) (template.HTML, error) {
	rows, err := p.cases.LeaveRequests(c.UserContext(), handlers.Tenant(c), handlers.Who(c), store.LeaveFilter{EmployeeID: e.ID, Limit: 500})
	if err != nil {
		return "", err
	}
	total := len(rows)
	latest := make([]store.LeaveRequest, 0, 10)
	for i := total - 1; i >= 0 && len(latest) < 10; i-- {
		latest = append(latest, rows[i])
	}
	return p.Partial("leave-section", map[string]any{"E": e, "Rows": latest, "More": total > len(latest),
		"CanWrite": allowed(sessionOf(c).Role, leaveWriters)})
}
