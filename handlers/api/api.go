// Package api is LeaveGuard's JSON API under /api/v1: one use case per
// file, each parse → load → decide → save (with audit and outbox) → render.
package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/pii"
	"leaveguard/handlers"
	"leaveguard/leave"
	"leaveguard/store"
)

// API holds what the JSON handlers need.
type API struct {
	store  *store.Store
	cipher *pii.Cipher
	rules  *leave.RuleBook
}

// New returns the API over st, encrypting ID numbers with cipher and
// judging events by the rules in book.
func New(st *store.Store, cipher *pii.Cipher, book *leave.RuleBook) *API {
	return &API{store: st, cipher: cipher, rules: book}
}

// knownRegion reports whether code is a jurisdiction of the rule book.
func (a *API) knownRegion(code string) bool {
	for _, j := range a.rules.Jurisdictions() {
		if j.Code == code {
			return true
		}
	}
	return false
}

// Roles allowed per kind of route.
var (
	readers = []string{"admin", "hr", "auditor", "payroll"}
	writers = []string{"admin", "hr"}
)

// Register mounts the routes on r, which must already authenticate.
func (a *API) Register(r fiber.Router) {
	r.Use(handlers.NoStore())
	r.Post("/employees", handlers.Require(append(writers, "payroll")...), a.createEmployee)
	r.Get("/employees", handlers.Require(readers...), a.listEmployees)
	r.Get("/employees/:id", handlers.Require(readers...), a.getEmployee)
	r.Patch("/employees/:id", handlers.Require(append(writers, "payroll")...), a.patchEmployee)
}
