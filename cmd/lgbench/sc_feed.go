package main

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"

	"github.com/gofiber/fiber/v2"
	"github.com/lib/pq"

	"leaveguard/leave"
)

func init() {
	register(&scenario{Order: 60, Name: "feed", Title: "payroll feed, first page of 500 (GET)", Method: "GET",
		Route: "/api/v1/payroll/feed", Baseline: baseFeed,
		Prepare: func(_ context.Context, w *world) (reqGen, reqGen, error) {
			month := today().String()[:7]
			g := func(rng *rand.Rand) request {
				t := w.tenantAt(w.randomTenant(rng))
				return request{Method: "GET", Path: "/api/v1/payroll/feed?month=" + month, Header: keyHeader(t)}
			}
			return g, g, nil
		}})
}

// feedReads are the payroll feed's four reads of a page (store/feed.go,
// store/claims_list.go).
var feedReads = []string{
	`SELECT id, leave_type, employee_id, start_date, end_date, days, unit FROM leave_requests
		WHERE tenant_id = $1 AND employee_id = ANY($2::uuid[]) AND status = 'approved'
		  AND end_date >= $3 AND start_date <= $4 ORDER BY employee_id, start_date, id`,
	`SELECT id, employee_id, leave_start, paid_days, top_up_fen, payee, insured FROM allowance_claims
		WHERE tenant_id = $1 AND employee_id = ANY($2::uuid[]) AND status <> 'rejected'
		  AND leave_start <= $4 AND leave_start + paid_days - 1 >= $3 ORDER BY employee_id, leave_start, id`,
	`SELECT id, employee_id, birth_id, birth_date, child_order, iit_share_percent, created_at FROM children
		WHERE tenant_id = $1 AND employee_id = ANY($2::uuid[]) AND iit_share_percent > 0
		  AND birth_date <= $4 AND birth_date > $4::date - interval '4 years' AND $3::date IS NOT NULL
		ORDER BY employee_id, birth_date, id`,
}

// baseFeed does the same reads in one read-only transaction and returns
// the rows (no payroll computation).
func baseFeed(a *fiber.App, p *basePrep) {
	employees := p.stmt(`SELECT id, external_id, monthly_wage_fen, maternity_insured FROM employees
			WHERE tenant_id = $1 ORDER BY id LIMIT $2`)
	reads := p.stmts(feedReads)
	a.Get("/api/v1/payroll/feed", func(c *fiber.Ctx) error {
		tenant, err := baseTenant(c)
		if err != nil {
			return err
		}
		first, err := leave.ParseDate(c.Query("month") + "-01")
		if err != nil {
			return fiber.ErrBadRequest
		}
		last := first.AddMonths(1).AddDays(-1)
		ctx := c.UserContext()
		tx, err := p.db.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return err
		}
		defer tx.Rollback() //nolint:errcheck // read only
		emps, err := baseRows(ctx, tx, employees, tenant, 501)
		if err != nil {
			return err
		}
		ids := make([]string, 0, len(emps))
		for _, e := range emps {
			ids = append(ids, fmt.Sprint(e["id"]))
		}
		out := fiber.Map{"employees": emps}
		for i, st := range reads {
			rows, err := baseRows(ctx, tx, st, tenant, pq.Array(ids), first, last)
			if err != nil {
				return err
			}
			out[fmt.Sprint(i)] = rows
		}
		return c.JSON(out)
	})
}
