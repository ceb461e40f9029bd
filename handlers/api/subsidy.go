package api

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

func (a *API) registerSubsidy(r fiber.Router) {
	hr := handlers.Require(writers...)
	r.Post("/subsidy-applications", hr, a.createSubsidy)
	r.Get("/subsidy-applications", handlers.Require(familyReaders...), a.listSubsidies)
	r.Get("/subsidy-applications/:id", handlers.Require(familyReaders...), a.getSubsidy)
	r.Post("/subsidy-applications/:id/recompute", hr, a.recomputeSubsidy)
	registerSteps(r, "/subsidy-applications", hr, filingSteps[cases.SubsidySummary]{
		submit: a.cases.SubmitSubsidy, decide: a.cases.DecideSubsidy, pay: a.cases.PaySubsidy})
}

// createSubsidy is POST /subsidy-applications {period_from, period_to}.
func (a *API) createSubsidy(c *fiber.Ctx) error {
	var in cases.SubsidyInput
	if err := decode(c, &in); err != nil {
		return err
	}
	s, err := a.cases.CreateSubsidy(c.UserContext(), handlers.Tenant(c), handlers.Who(c), in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(s)
}

// getSubsidy is GET /subsidy-applications/{id} with its lines and history.
func (a *API) getSubsidy(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	s, err := a.cases.Subsidy(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err != nil {
		return err
	}
	return c.JSON(s)
}

// listSubsidies is GET /subsidy-applications (?status, limit, cursor),
// without lines.
func (a *API) listSubsidies(c *fiber.Ctx) error {
	k, err := readKeyset(c)
	if err != nil {
		return err
	}
	f := store.SubsidyFilter{Status: c.Query("status"), AfterTime: k.At, AfterID: k.ID, Limit: k.N + 1}
	switch f.Status {
	case "", cases.StatusDraft, cases.StatusSubmitted, cases.StatusApproved, cases.StatusRejected, cases.StatusPaid:
	default:
		return handlers.Invalid(map[string]string{"status": "须为 draft、submitted、approved、rejected 或 paid"})
	}
	items, err := a.cases.Subsidies(c.UserContext(), handlers.Tenant(c), handlers.Who(c), f)
	if err != nil {
		return err
	}
	return c.JSON(pageOf(items, k.N, same[cases.SubsidySummary], func(s cases.SubsidySummary) (time.Time, string) { return s.CreatedAt, s.ID }))
}

// recomputeSubsidy is POST /subsidy-applications/{id}/recompute (draft only).
func (a *API) recomputeSubsidy(c *fiber.Ctx) error {
	return transition(c, nil, func(id string, _ struct{}) (cases.Subsidy, error) {
		return a.cases.RecomputeSubsidy(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	})
}
