package main

import (
	"context"
	"math/rand/v2"

	"github.com/gofiber/fiber/v2"
	"github.com/jmoiron/sqlx"
)

func init() {
	register(&scenario{Order: 30, Name: "employees", Title: "employee list, first page of 50 (GET)", Method: "GET",
		Route: "/api/v1/employees", Baseline: baseEmployees,
		Prepare: func(_ context.Context, w *world) (reqGen, reqGen, error) {
			g := func(rng *rand.Rand) request {
				t := w.tenantAt(w.randomTenant(rng))
				return request{Method: "GET", Path: "/api/v1/employees", Header: keyHeader(t)}
			}
			return g, g, nil
		}})
}

// employeePageQuery is the list's first page, as the store reads it.
const employeePageQuery = `
	SELECT id, external_id, name, gender, national_id_enc, national_id_hash, national_id_masked, hired_on,
		contract_end, monthly_wage_fen, maternity_insured, region, created_at, updated_at
	FROM employees WHERE tenant_id = $1 ORDER BY created_at, id LIMIT $2`

// baseEmployees reads the first page and renders it (without the audit row).
func baseEmployees(a *fiber.App, p *basePrep) {
	page := p.stmt(employeePageQuery)
	a.Get("/api/v1/employees", func(c *fiber.Ctx) error {
		rows, err := baseEmployeePage(c, p.db, page)
		if err != nil {
			return err
		}
		for _, r := range rows {
			delete(r, "national_id_enc")
			delete(r, "national_id_hash")
		}
		return c.JSON(fiber.Map{"items": rows})
	})
}

// baseEmployeePage is the bare read of the first 50 employees of the
// request's tenant, in a transaction, as the API and the portal list do.
func baseEmployeePage(c *fiber.Ctx, db *sqlx.DB, page *sqlx.Stmt) ([]map[string]any, error) {
	tenant, err := baseTenant(c)
	if err != nil {
		return nil, err
	}
	ctx := c.UserContext()
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback() //nolint:errcheck // read only
	rows, err := baseRows(ctx, tx, page, tenant, 51)
	if err != nil {
		return nil, err
	}
	return rows[:min(len(rows), 50)], tx.Commit()
}
