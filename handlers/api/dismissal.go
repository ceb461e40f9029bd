package api

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
)

func (a *API) registerDismissal(r fiber.Router) {
	r.Post("/dismissal-checks", handlers.Require(auth.Admin, auth.HR, auth.Payroll), a.checkDismissal)
	r.Get("/dismissal-checks", handlers.Require(auth.Admin, auth.HR, auth.Auditor, auth.Payroll), a.listDismissalChecks)
	r.Get("/dismissal-checks/:id", handlers.Require(auth.Admin, auth.HR, auth.Auditor, auth.Payroll), a.getDismissalCheck)
	r.Get("/alerts/contract-extensions", handlers.Require(auth.Admin, auth.HR, auth.Auditor), a.contractExtensions)
}

// checkDismissal is POST /dismissal-checks: the verdict, stored and audited.
func (a *API) checkDismissal(c *fiber.Ctx) error {
	var in cases.DismissalInput
	if err := decode(c, &in); err != nil {
		return err
	}
	d, err := a.cases.CheckDismissal(c.UserContext(), handlers.Tenant(c), handlers.Who(c), in)
	if err != nil {
		return err
	}
	return c.JSON(d)
}

// listDismissalChecks is GET /dismissal-checks?employee_id=&before=&limit=.
func (a *API) listDismissalChecks(c *fiber.Ctx) error {
	n, err := limit(c)
	if err != nil {
		return err
	}
	emp := ""
	if s := c.Query("employee_id"); s != "" {
		if emp, err = uuidParam(s); err != nil {
			return handlers.Invalid(map[string]string{"employee_id": "不是有效的员工 id"})
		}
	}
	before := a.cases.Now().Add(time.Hour)
	if s := c.Query("before"); s != "" {
		if before, err = time.Parse(time.RFC3339Nano, s); err != nil {
			return handlers.Invalid(map[string]string{"before": "须为 RFC 3339 时间（上一页最后一条的 checked_at）"})
		}
	}
	rows, err := a.cases.DismissalChecks(c.UserContext(), handlers.Tenant(c), handlers.Who(c), emp, before, n)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": nonNil(rows)})
}

func (a *API) getDismissalCheck(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	d, err := a.cases.DismissalCheckByID(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err != nil {
		return err
	}
	return c.JSON(d)
}

// contractExtensions is the watch-list of employees whose contract ends
// inside their protected period (劳动合同法 第四十五条).
func (a *API) contractExtensions(c *fiber.Ctx) error {
	d, err := a.asOf(c)
	if err != nil {
		return err
	}
	items, err := a.cases.ContractExtensions(c.UserContext(), handlers.Tenant(c), handlers.Who(c), d)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"as_of": d, "items": nonNil(items)})
}
