package portal

import (
	"html/template"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/leave"
	"leaveguard/store"
)

// protectionBlock is the data of the employee page's 三期保护 section.
type protectionBlock struct {
	E        store.Employee
	P        leave.Protection
	Checks   []cases.DismissalCheck
	Wages    []store.ScheduledWage // announced by the payroll system for a later day
	CanCheck bool
	// Extension: her contract ends inside a protected period and must be
	// extended; HasPDF: the viewer may download the 顺延通知书.
	Extension *cases.ContractExtension
	HasPDF    bool
}

// protectionSection shows whether the employee is protected today (read
// audited by the use case), her recent dismissal checks and the wage
// changes waiting for their effective day.
func (p *Portal) protectionSection(c *fiber.Ctx, e store.Employee) (template.HTML, error) {
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	prot, err := p.cases.Protection(ctx, tenant, handlers.Who(c), e.ID, p.cases.Today())
	if err != nil {
		return "", err
	}
	checks, err := p.cases.DismissalChecks(ctx, tenant, handlers.Who(c), e.ID, p.cases.Now().Add(time.Hour), 5)
	if err != nil {
		return "", err
	}
	wages, err := p.cases.PendingWages(ctx, tenant, e.ID)
	if err != nil {
		return "", err
	}
	block := protectionBlock{E: e, P: prot, Checks: checks, Wages: wages,
		CanCheck: allowed(sessionOf(c).Role, dismissalWriters), HasPDF: p.hasDocuments(c)}
	if x, ok, err := p.cases.ContractExtensionOf(ctx, tenant, e.ID, p.cases.Today()); err != nil {
		return "", err
	} else if ok {
		block.Extension = &x
	}
	return p.Partial("protection-section", block)
}
