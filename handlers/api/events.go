package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/leave"
	"leaveguard/payroll"
)

func (a *API) registerEvents(r fiber.Router) {
	hr := handlers.Require(auth.Admin, auth.HR)
	r.Post("/employees/:id/pregnancies", hr, a.createPregnancy)
	r.Post("/employees/:id/births", hr, a.createBirth)
	r.Post("/employees/:id/miscarriages", hr, a.createMiscarriage)
	r.Post("/employees/:id/marriages", hr, a.createMarriage)
	r.Get("/employees/:id/events", handlers.Require(auth.Admin, auth.HR, auth.Auditor), a.listEvents)
	r.Get("/births/:id", handlers.Require(auth.Admin, auth.HR, auth.Auditor), a.getBirth)
	r.Put("/births/:id", hr, a.correctBirth)
	r.Get("/miscarriages/:id", handlers.Require(auth.Admin, auth.HR, auth.Auditor), a.getMiscarriage)
	r.Put("/miscarriages/:id", hr, a.correctMiscarriage)
	r.Put("/marriages/:id", hr, a.correctMarriage)
	r.Put("/pregnancies/:id", hr, a.correctPregnancy)
}

// birthView is the response of a birth: its id, its leave plan and the
// government benefits of its live-born children (rules.md §5).
type birthView struct {
	ID         string            `json:"id"`
	EmployeeID string            `json:"employee_id"`
	Version    int               `json:"version"`
	Stillborn  int               `json:"stillborn"`
	LeavePlan  leave.BirthPlan   `json:"leave_plan"`
	Benefits   []payroll.Benefit `json:"benefits"`
	Correction *cases.Correction `json:"correction,omitempty"` // a correction's consequences
}

func viewBirth(r cases.BirthRecord) birthView {
	return birthView{ID: r.Birth.ID, EmployeeID: r.Birth.EmployeeID, Version: r.Birth.Version,
		Stillborn: r.Birth.Stillborn, LeavePlan: r.Plan, Benefits: r.Benefits(), Correction: r.Correction}
}

func (a *API) createPregnancy(c *fiber.Ctx) error {
	id, in, err := idAndBody[cases.PregnancyInput](c)
	if err != nil {
		return err
	}
	p, err := a.cases.RecordPregnancy(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(p)
}

func (a *API) createBirth(c *fiber.Ctx) error {
	id, in, err := idAndBody[cases.BirthInput](c)
	if err != nil {
		return err
	}
	rec, err := a.cases.RecordBirth(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(viewBirth(rec))
}

func (a *API) createMiscarriage(c *fiber.Ctx) error {
	id, in, err := idAndBody[cases.MiscarriageInput](c)
	if err != nil {
		return err
	}
	rec, err := a.cases.RecordMiscarriage(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": rec.Miscarriage.ID,
		"employee_id": rec.Miscarriage.EmployeeID, "leave_plan": rec.Plan})
}

func (a *API) createMarriage(c *fiber.Ctx) error {
	id, in, err := idAndBody[cases.MarriageInput](c)
	if err != nil {
		return err
	}
	m, items, err := a.cases.RecordMarriage(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": m.ID, "employee_id": m.EmployeeID,
		"registered_on": m.RegisteredOn, "entitlements": nonNil(items)})
}

func (a *API) listEvents(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	ev, err := a.cases.Events(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err != nil {
		return err
	}
	births := make([]fiber.Map, 0, len(ev.Births))
	for _, b := range ev.Births {
		births = append(births, fiber.Map{"id": b.ID, "birth_date": b.BirthDate, "child_order": b.ChildOrder,
			"babies": b.Babies, "stillborn": b.Stillborn, "dystocia": b.Dystocia, "version": b.Version, "leave_plan": b.Plan,
			"benefits": cases.BenefitsOf(b.Plan)})
	}
	miscarriages := make([]fiber.Map, 0, len(ev.Miscarriages))
	for _, m := range ev.Miscarriages {
		miscarriages = append(miscarriages, fiber.Map{"id": m.ID, "date": m.Date, "gestation_weeks": m.GestationWeeks, "version": m.Version, "leave_plan": m.Plan})
	}
	return c.JSON(fiber.Map{"pregnancies": nonNil(ev.Pregnancies), "births": births,
		"miscarriages": miscarriages, "marriages": nonNil(ev.Marriages), "children": nonNil(ev.Children)})
}

func (a *API) getBirth(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	rec, versions, err := a.cases.Birth(c.UserContext(), handlers.Tenant(c), id)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"id": rec.Birth.ID, "employee_id": rec.Birth.EmployeeID, "version": rec.Birth.Version,
		"stillborn": rec.Birth.Stillborn, "leave_plan": rec.Plan, "benefits": rec.Benefits(), "history": nonNil(versions)})
}

func (a *API) correctBirth(c *fiber.Ctx) error {
	id, in, err := idAndBody[cases.BirthInput](c)
	if err != nil {
		return err
	}
	rec, err := a.cases.CorrectBirth(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(viewBirth(rec))
}

func (a *API) getMiscarriage(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	rec, err := a.cases.Miscarriage(c.UserContext(), handlers.Tenant(c), id)
	if err != nil {
		return err
	}
	m := rec.Miscarriage
	return c.JSON(fiber.Map{"id": m.ID, "employee_id": m.EmployeeID, "date": m.Date, "gestation_weeks": m.GestationWeeks,
		"version": m.Version, "leave_plan": rec.Plan, "history": nonNil(rec.History)})
}

// nonNil renders a nil slice as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
