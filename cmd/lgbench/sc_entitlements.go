package main

import (
	"context"
	"math/rand/v2"

	"github.com/gofiber/fiber/v2"
)

func init() {
	register(&scenario{Order: 20, Name: "entitlements", Title: "entitlements (GET)", Method: "GET",
		Route: "/api/v1/employees/:id/entitlements", Baseline: baseEntitlements,
		Prepare: func(ctx context.Context, w *world) (reqGen, reqGen, error) {
			emps, err := w.employees(ctx, 0, w.DS.Plan.Tenants, 20000)
			if err != nil {
				return nil, nil, err
			}
			g := func(rng *rand.Rand) request {
				e := emps[rng.IntN(len(emps))]
				return request{Method: "GET", Path: "/api/v1/employees/" + e.ID + "/entitlements", Header: keyHeader(e.Tenant)}
			}
			return g, g, nil
		}})
}

// entitlementReads are the reads the service makes to judge an employee's
// entitlements: the employee, her family events, her tenant (for the
// region), the tenant's settings, her ledger and her leave requests.
var entitlementReads = []string{
	`SELECT id, external_id, name, gender, national_id_enc, national_id_hash, national_id_masked, hired_on,
		contract_end, monthly_wage_fen, maternity_insured, region, created_at, updated_at
		FROM employees WHERE tenant_id = $1 AND id = $2`,
	`SELECT id, employee_id, reported_on, expected_due_date, created_at FROM pregnancies
		WHERE tenant_id = $1 AND employee_id = $2 ORDER BY reported_on, id`,
	`SELECT id, employee_id, birth_date, child_order, babies, dystocia, leave_start, plan, version, created_at, updated_at
		FROM births WHERE tenant_id = $1 AND employee_id = $2 ORDER BY birth_date, id`,
	`SELECT id, employee_id, date, gestation_weeks, plan, created_at FROM miscarriages
		WHERE tenant_id = $1 AND employee_id = $2 ORDER BY date, id`,
	`SELECT id, employee_id, registered_on, created_at FROM marriages
		WHERE tenant_id = $1 AND employee_id = $2 ORDER BY registered_on, id`,
	`SELECT id, employee_id, birth_id, birth_date, child_order, iit_share_percent, created_at FROM children
		WHERE tenant_id = $1 AND employee_id = $2 ORDER BY birth_date, id`,
	`SELECT id, name, credit_code, region, created_at FROM tenants WHERE id = $1 AND $2::uuid IS NOT NULL`,
	`SELECT key, value FROM settings WHERE tenant_id = $1 AND $2::uuid IS NOT NULL`,
	`SELECT seq, kind, posted_on, leave_type, bucket, days, unit, request_id, start_date, end_date, note, created_at
		FROM ledger_entries WHERE tenant_id = $1 AND employee_id = $2 ORDER BY seq`,
	`SELECT id, employee_id, leave_type, start_date, end_date, days, unit, bucket, child_id, status, decision,
		note, created_at, decided_at, decided_by FROM leave_requests
		WHERE tenant_id = $1 AND employee_id = $2 ORDER BY created_at, id LIMIT 100000`,
}

// baseEntitlements does the same reads in one transaction and returns them
// (no leave engine, no audit row).
func baseEntitlements(a *fiber.App, p *basePrep) {
	reads := p.stmts(entitlementReads)
	a.Get("/api/v1/employees/:id/entitlements", func(c *fiber.Ctx) error {
		tenant, err := baseTenant(c)
		if err != nil {
			return err
		}
		id, err := baseUUID(c, "id")
		if err != nil {
			return err
		}
		ctx := c.UserContext()
		tx, err := p.db.BeginTxx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback() //nolint:errcheck // read only
		out := make([][]map[string]any, 0, len(entitlementReads))
		for i, st := range reads {
			rows, err := baseRows(ctx, tx, st, tenant, id)
			if err != nil {
				return err
			}
			if i == 0 && len(rows) == 0 {
				return fiber.ErrNotFound
			}
			out = append(out, rows)
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		return c.JSON(fiber.Map{"items": out})
	})
}
