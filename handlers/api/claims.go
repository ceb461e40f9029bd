package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

func (a *API) registerClaims(r fiber.Router) {
	hr := handlers.Require(writers...)
	r.Post("/allowance-claims", hr, a.createClaim)
	r.Get("/allowance-claims", handlers.Require(familyReaders...), a.listClaims)
	r.Get("/allowance-claims/:id", handlers.Require(familyReaders...), a.getClaim)
	r.Post("/allowance-claims/:id/recompute", hr, a.recomputeClaim)
	registerSteps(r, "/allowance-claims", hr, filingSteps[cases.Claim]{
		submit: a.cases.SubmitClaim, decide: a.cases.DecideClaim, pay: a.cases.PayClaim})
	r.Get("/alerts/overdue-claims", handlers.Require(familyReaders...), a.overdueClaims)
}

// createClaim is POST /allowance-claims {birth_id | miscarriage_id}.
func (a *API) createClaim(c *fiber.Ctx) error {
	var in cases.ClaimInput
	if err := decode(c, &in); err != nil {
		return err
	}
	cl, err := a.cases.CreateClaim(c.UserContext(), handlers.Tenant(c), handlers.Who(c), in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(cl)
}

// getClaim is GET /allowance-claims/{id}, with its history.
func (a *API) getClaim(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	cl, err := a.cases.Claim(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err != nil {
		return err
	}
	return c.JSON(cl)
}

// recomputeClaim is POST /allowance-claims/{id}/recompute (draft only).
func (a *API) recomputeClaim(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	cl, err := a.cases.RecomputeClaim(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err != nil {
		return err
	}
	return c.JSON(cl)
}
