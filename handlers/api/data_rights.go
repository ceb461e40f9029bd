package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

// registerDataRights mounts the employee's correction requests
// (《个人信息保护法》第四十六条) and the notice records of her sensitive
// facts (第二十九、三十条). Payroll never sees them.
func (a *API) registerDataRights(r fiber.Router) {
	r.Post("/employees/:id/correction-requests", handlers.Require(writers...), a.recordCorrectionRequest)
	r.Get("/employees/:id/correction-requests", handlers.Require(accessCopyReaders...), a.listCorrectionRequests)
	r.Post("/correction-requests/:id/outcome", handlers.Require(writers...), a.decideCorrectionRequest)
	r.Post("/employees/:id/sensitive-notices", handlers.Require(writers...), a.recordSensitiveNotice)
	r.Get("/employees/:id/sensitive-notices", handlers.Require(accessCopyReaders...), a.listSensitiveNotices)
}

func (a *API) recordCorrectionRequest(c *fiber.Ctx) error {
	id, in, err := idAndBody[cases.CorrectionRequestInput](c)
	if err != nil {
		return err
	}
	out, err := a.cases.RecordCorrectionRequest(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(out)
}

func (a *API) listCorrectionRequests(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	items, err := a.cases.CorrectionRequests(c.UserContext(), handlers.Tenant(c), id)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": items})
}

func (a *API) decideCorrectionRequest(c *fiber.Ctx) error {
	id, in, err := idAndBody[cases.CorrectionOutcomeInput](c)
	if err != nil {
		return err
	}
	out, err := a.cases.DecideCorrectionRequest(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func (a *API) recordSensitiveNotice(c *fiber.Ctx) error {
	id, in, err := idAndBody[cases.SensitiveNoticeInput](c)
	if err != nil {
		return err
	}
	out, err := a.cases.RecordSensitiveNotice(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(out)
}

func (a *API) listSensitiveNotices(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	items, err := a.cases.SensitiveNotices(c.UserContext(), handlers.Tenant(c), id)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": items})
}
