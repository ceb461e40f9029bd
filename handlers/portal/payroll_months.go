package portal

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
	"leaveguard/payroll"
)

func (p *Portal) registerPayrollMonths(r fiber.Router) {
	p.AddActionLabels(map[string]string{"payroll_month.close": "工资月份结账", "outbox_event.failed": "事件推送失败",
		"outbox_event.redeliver_many": "批量重新推送事件"})
	p.page(r, fiber.MethodPost, "/integrations/payroll-months/close", p.payrollMonthClose, integrationAdmins...)
}

// payrollMonthClose is POST /integrations/payroll-months/close: the
// month's feed lines are frozen; later changes become adjustment lines.
func (p *Portal) payrollMonthClose(c *fiber.Ctx) error {
	f := NewForm()
	f.Values["month"] = strings.TrimSpace(c.FormValue("month"))
	mo, err := payroll.ParseMonth(f.V("month"))
	if err != nil || mo.Year() < 2000 || mo.Year() > 2100 {
		f.Errors["month"] = "请选择月份（YYYY-MM）"
		return p.renderIntegrations(c, fiber.StatusBadRequest, f, "")
	}
	out, err := p.cases.ClosePayrollMonth(c.UserContext(), handlers.Tenant(c), handlers.Who(c), mo)
	if err == nil {
		return c.Redirect("/integrations?closed="+out.Month.String(), fiber.StatusSeeOther)
	}
	status, ok := mergeFormError(&f, err, nil)
	if !ok {
		return err
	}
	return p.renderIntegrations(c, status, f, explain(err))
}
