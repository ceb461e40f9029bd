package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/handlers"
	"leaveguard/leave"
)

func (a *API) registerEntitlements(r fiber.Router) {
	read := handlers.Require(auth.Admin, auth.HR, auth.Auditor, auth.Payroll)
	r.Get("/employees/:id/entitlements", handlers.Require(auth.Admin, auth.HR, auth.Auditor), a.getEntitlements)
	r.Get("/employees/:id/protection", read, a.getProtection)
	r.Get("/employees/:id/ledger", handlers.Require(auth.Admin, auth.HR, auth.Auditor), a.getLedger)
}

// asOf reads ?as_of=YYYY-MM-DD, defaulting to today in China.
func (a *API) asOf(c *fiber.Ctx) (leave.Date, error) {
	s := c.Query("as_of")
	if s == "" {
		return a.cases.Today(), nil
	}
	d, err := leave.ParseDate(s)
	if err != nil {
		return leave.Date{}, handlers.Invalid(map[string]string{"as_of": "日期格式须为 YYYY-MM-DD"})
	}
	return d, nil
}

// employeeAsOf reads the :id of an employee and ?as_of.
func (a *API) employeeAsOf(c *fiber.Ctx) (string, leave.Date, error) {
	id, err := pathID(c)
	if err != nil {
		return "", leave.Date{}, err
	}
	d, err := a.asOf(c)
	return id, d, err
}

// getEntitlements is GET /employees/{id}/entitlements (?as_of).
func (a *API) getEntitlements(c *fiber.Ctx) error {
	id, d, err := a.employeeAsOf(c)
	if err != nil {
		return err
	}
	items, err := a.cases.Entitlements(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, d)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"as_of": d, "items": nonNil(items)})
}

// getProtection is GET /employees/{id}/protection (?as_of).
func (a *API) getProtection(c *fiber.Ctx) error {
	id, d, err := a.employeeAsOf(c)
	if err != nil {
		return err
	}
	p, err := a.cases.Protection(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, d)
	if err != nil {
		return err
	}
	return c.JSON(p)
}

func (a *API) getLedger(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	rows, err := a.cases.Ledger(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": nonNil(rows)})
}
