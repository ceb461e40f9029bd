// Package api is LeaveGuard's JSON API under /api/v1: one use case per
// file, each parse → call the use case (app/cases) → render.
package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
)

// API holds what the JSON handlers need.
type API struct {
	cases   *cases.Cases
	filings *cases.Filings // PDF documents (WithPDF)
}

// New returns the API over the use cases cs.
func New(cs *cases.Cases) *API {
	return &API{cases: cs}
}

// Roles allowed per kind of route.
var (
	readers = []string{auth.Admin, auth.HR, auth.Auditor, auth.Payroll}
	writers = []string{auth.Admin, auth.HR}
	// familyReaders may read family facts: pregnancies, births, leave
	// types, claims, protection (payroll may not; docs/roles.md).
	familyReaders = []string{auth.Admin, auth.HR, auth.Auditor}
)

// Register mounts the routes on r, which must already authenticate. Each
// area registers its own routes in its own file.
func (a *API) Register(r fiber.Router) {
	r.Use(handlers.NoStore())
	r.Use(handlers.Idempotency(a.cases))
	a.registerEmployees(r)
	a.registerIntegrations(r)
	a.registerEvents(r)
	a.registerEntitlements(r)
	a.registerLeave(r)
	a.registerSettings(r)
	a.registerRegions(r)
	a.registerDismissal(r)
	a.registerSeparation(r)
	a.registerAccessCopy(r)
	a.registerDataRights(r)
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
	a.registerTenantDeletion(r)
	a.registerImports(r)
}

func (a *API) registerEmployees(r fiber.Router) {
	r.Post("/employees", handlers.Require(auth.Admin, auth.HR, auth.Payroll), a.createEmployee)
	r.Get("/employees", handlers.Require(readers...), a.listEmployees)
	r.Get("/employees/:id", handlers.Require(readers...), a.getEmployee)
	r.Patch("/employees/:id", handlers.Require(auth.Admin, auth.HR, auth.Payroll), a.patchEmployee)
}
