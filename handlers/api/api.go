// Package api is LeaveGuard's JSON API under /api/v1: one use case per
// file, each parse → call the use case (app/cases) → render.
package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// API holds what the JSON handlers need.
type API struct {
	store   *store.Store
	cases   *cases.Cases
	filings *cases.Filings // PDF documents (WithPDF)
}

// New returns the API over the use cases cs.
func New(cs *cases.Cases) *API {
	return &API{store: cs.Store, cases: cs}
}

// Roles allowed per kind of route.
var (
	readers = []string{"admin", "hr", "auditor", "payroll"}
	writers = []string{"admin", "hr"}
)

// Register mounts the routes on r, which must already authenticate. Each
// area registers its own routes in its own file.
func (a *API) Register(r fiber.Router) {
	r.Use(handlers.NoStore())
	r.Use(handlers.Idempotency(a.store))
	a.registerEmployees(r)
	a.registerIntegrations(r)
	a.registerEvents(r)
	a.registerEntitlements(r)
	a.registerLeave(r)
	a.registerSettings(r)
	a.registerDismissal(r)
	a.registerSeparation(r)
	a.registerAccessCopy(r)
	a.registerClaims(r)
	a.registerSubsidy(r)
	a.registerPayrollFeed(r)
	a.registerPayrollMonths(r)
	a.registerEventsPull(r)
	a.registerChildren(r)
	a.registerFilings(r)
	a.registerExports(r)
	a.registerAudit(r)
	a.registerAPIKeys(r)
}

func (a *API) registerEmployees(r fiber.Router) {
	r.Post("/employees", handlers.Require("admin", "hr", "payroll"), a.createEmployee)
	r.Get("/employees", handlers.Require(readers...), a.listEmployees)
	r.Get("/employees/:id", handlers.Require(readers...), a.getEmployee)
	r.Patch("/employees/:id", handlers.Require("admin", "hr", "payroll"), a.patchEmployee)
}
