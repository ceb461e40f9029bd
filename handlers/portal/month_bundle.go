package portal

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

// monthForm is the month-end bundle's form, this month by default.
func (p *Portal) monthForm() Form {
	f := NewForm()
	f.Values["month"] = p.cases.Today().String()[:7]
	return f
}

// monthBundle is GET /exports/filings?month=YYYY-MM: every claim and
// subsidy application form of the month in one streamed ZIP, audited once
// (app.js shows how many documents have arrived). A bad month comes back
// as the exports page with its message.
func (p *Portal) monthBundle(c *fiber.Ctx) error {
	b, err := p.filings.OpenMonthBundle(c.UserContext(), handlers.Tenant(c), handlers.Who(c), c.Query("month"))
	if errors.Is(err, cases.ErrPDFUnavailable) {
		return errPDFUnavailable
	}
	if err != nil {
		m := NewForm()
		m.Values["month"] = c.Query("month")
		status, ok := mergeFormError(&m, err, nil)
		if !ok {
			return err
		}
		return p.render(c, status, "exports", "导出", "exports", exportsPage{Form: p.reportForm(), Month: m})
	}
	return handlers.StreamMonthBundle(c, b)
}
