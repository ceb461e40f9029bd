package portal

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/handlers"
	"leaveguard/leave"
	"leaveguard/store"
)

// Roles of the employee pages.
var (
	employeeReaders = []string{auth.Admin, auth.HR, auth.Auditor, auth.Payroll}
	employeeWriters = []string{auth.Admin, auth.HR, auth.Payroll}
)

// employeesPage is the data of the employee list.
type employeesPage struct {
	Q, Gender string
	Status    string // current (在职, the default), former (已离职) or all
	Phase     string // protected (三期保护中), a leave.Phase, or "" (everyone)
	ShowPhase bool   // the viewer may see 三期 (family readers): the column and the filter
	Rows      []employeeRow
	Next      string // cursor of the next page, "" on the last
	Paged     bool   // this is not the first page
	Filtered  bool   // a search or filter is applied
	CanWrite  bool
	CanImport bool
}

func (p *Portal) registerEmployees(r fiber.Router) {
	p.AddNav(NavEntry{Key: "employees", Label: "员工", Path: "/employees", Order: OrderEmployees, Roles: employeeReaders})
	p.AddActionLabels(map[string]string{"employee.create": "新增员工", "employee.update": "修改员工信息",
		"employee.read": "查看员工档案", "employee.list": "查看员工名单"})
	p.page(r, fiber.MethodGet, "/employees", p.employees, employeeReaders...)
	p.page(r, fiber.MethodGet, "/employees/new", p.employeeNew, employeeWriters...)
	p.page(r, fiber.MethodPost, "/employees", p.employeeCreate, employeeWriters...)
	p.page(r, fiber.MethodGet, "/employees/:id", p.employee, employeeReaders...)
	p.page(r, fiber.MethodGet, "/employees/:id/edit", p.employeeEdit, employeeWriters...)
	p.page(r, fiber.MethodPost, "/employees/:id", p.employeeUpdate, employeeWriters...)
}

// employees is GET /employees?q=&gender=&status=&after=: one page of the list,
// newest last (keyset pagination), the read audited.
func (p *Portal) employees(c *fiber.Ctx) error {
	role := sessionOf(c).Role
	page := employeesPage{Q: c.Query("q"), Gender: c.Query("gender"), CanWrite: allowed(role, employeeWriters), CanImport: allowed(role, importers)}
	if page.Gender != "female" && page.Gender != "male" {
		page.Gender = ""
	}
	page.Status = c.Query("status")
	if page.Status != "former" && page.Status != "all" {
		page.Status = "current"
	}
	if len([]rune(page.Q)) > 100 {
		page.Q = string([]rune(page.Q)[:100])
	}
	after, afterID := decodeCursor(c.Query("after"))
	f := store.EmployeeFilter{Query: page.Q, Gender: page.Gender, Status: page.Status, Today: p.cases.Today(), AfterTime: after, AfterID: afterID, Limit: PageSize}
	phases, err := p.employeePhases(c, &page, &f)
	if err != nil {
		return err
	}
	page.Paged, page.Filtered = afterID != "", page.Q != "" || page.Gender != "" || page.Status != "current" || page.Phase != ""
	rows, more, err := p.cases.ListEmployees(c.UserContext(), handlers.Tenant(c), handlers.Who(c), f)
	if err != nil {
		return err
	}
	if more {
		page.Next = encodeCursor(rows[len(rows)-1].CreatedAt, rows[len(rows)-1].ID)
	}
	page.Rows = make([]employeeRow, len(rows))
	for i, e := range rows {
		page.Rows[i] = rowOf(e)
		if e.Region != nil {
			page.Rows[i].Region = p.regionName(*e.Region)
		}
		page.Rows[i].Phase = phases[e.ID]
	}
	return p.render(c, fiber.StatusOK, "employees", "员工", "employees", page)
}

// employeeRow is one line of the list, its cells already formatted: the
// page has 50 of them, and each template function call costs a reflective
// call per cell (most of the page's time, measured with make bench).
type employeeRow struct {
	ID, Name, ExternalID, Gender, HiredOn, ContractEnd, Wage string
	Insured                                                  bool
	SeparatedOn                                              string // last day, once a separation is recorded
	Region                                                   string // 工作地区, "" = the tenant's
	Phase                                                    leave.Phase
}

func rowOf(e store.Employee) employeeRow {
	r := employeeRow{ID: e.ID, Name: e.Name, ExternalID: e.ExternalID, Gender: genderLabel(e.Gender),
		HiredOn: showDate(e.HiredOn), Wage: yuan(e.MonthlyWageFen), Insured: e.MaternityInsured}
	if e.ContractEnd != nil {
		r.ContractEnd = showDate(e.ContractEnd)
	}
	if e.SeparatedOn != nil {
		r.SeparatedOn = showDate(e.SeparatedOn)
	}
	return r
}

// employeePhases reads ?phase for a viewer who may see 三期 and returns each
// protected employee's phase today; a phase filter keeps only those in it.
func (p *Portal) employeePhases(c *fiber.Ctx, page *employeesPage, f *store.EmployeeFilter) (map[string]leave.Phase, error) {
	if page.ShowPhase = allowed(sessionOf(c).Role, familyReaders); !page.ShowPhase {
		return nil, nil
	}
	phases, err := p.cases.PhasesOn(c.UserContext(), handlers.Tenant(c), p.cases.Today())
	if err != nil {
		return nil, err
	}
	switch ph := c.Query("phase"); ph {
	case "protected", string(leave.PhasePregnancy), string(leave.PhaseMaternityLeave), string(leave.PhaseNursing):
		page.Phase, f.OnlyIDs = ph, true
		for id, got := range phases {
			if ph == "protected" || string(got) == ph {
				f.IDs = append(f.IDs, id)
			}
		}
	}
	return phases, nil
}
