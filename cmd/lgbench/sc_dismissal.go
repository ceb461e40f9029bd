package main

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"
)

func init() {
	register(&scenario{Order: 10, Name: "dismissal", Title: "dismissal check (POST), {employees} employees", Method: "POST", Route: "/api/v1/dismissal-checks",
		Baseline: baseDismissal, Prepare: dismissalOver(0, -1, 20000)})
}

// dismissalOver checks employees of tenants from..to-1 (to < 0: all).
func dismissalOver(from, to, n int) func(ctx context.Context, w *world) (reqGen, reqGen, error) {
	return func(ctx context.Context, w *world) (reqGen, reqGen, error) {
		if to < 0 {
			to = w.DS.Plan.Tenants
		}
		emps, err := w.employees(ctx, from, to, n)
		if err != nil {
			return nil, nil, err
		}
		g := func(rng *rand.Rand) request {
			e := emps[rng.IntN(len(emps))]
			return request{Method: "POST", Path: "/api/v1/dismissal-checks", Header: keyHeader(e.Tenant), Body: dismissalBody(rng, e)}
		}
		return g, g, nil
	}
}

// dismissalBody is a payroll system's check: mostly terminations and
// non-renewals, by id or by the employer's own number.
func dismissalBody(rng *rand.Rand, e employee) []byte {
	m := map[string]any{"effective_date": today().AddDays(rng.IntN(60)).String()}
	if rng.IntN(5) == 0 {
		m["external_id"] = e.ExternalID
	} else {
		m["employee_id"] = e.ID
	}
	switch x := rng.IntN(20); {
	case x < 10:
		m["action"], m["ground"] = "termination", []string{"art39", "art40", "art41"}[rng.IntN(3)]
	case x < 14:
		m["action"] = "non_renewal"
	case x < 17:
		m["action"] = "wage_reduction"
	case x < 19:
		m["action"] = "demotion"
	default:
		m["action"] = "mutual_agreement"
	}
	b, _ := json.Marshal(m)
	return b
}

// baseFactsQuery is the same read as store.ProtectionFacts: the employee
// with her pregnancies and the frozen plans of births and miscarriages.
const baseFactsQuery = `
	SELECT e.id, e.external_id, e.name, e.gender, e.national_id_enc, e.national_id_hash, e.national_id_masked,
		e.hired_on, e.contract_end, e.monthly_wage_fen, e.maternity_insured, e.region, e.created_at, e.updated_at,
		COALESCE((SELECT json_agg(json_build_object('reported_on', p.reported_on,
			'expected_due_date', p.expected_due_date) ORDER BY p.reported_on)
			FROM pregnancies p WHERE p.tenant_id = e.tenant_id AND p.employee_id = e.id), '[]') AS pregnancies,
		COALESCE((SELECT json_agg(b.plan ORDER BY b.birth_date)
			FROM births b WHERE b.tenant_id = e.tenant_id AND b.employee_id = e.id), '[]') AS births,
		COALESCE((SELECT json_agg(m.plan ORDER BY m.date)
			FROM miscarriages m WHERE m.tenant_id = e.tenant_id AND m.employee_id = e.id), '[]') AS miscarriages
	FROM employees e WHERE e.tenant_id = $1`

// baseFacts is a row of baseFactsQuery.
type baseFacts struct {
	ID           string  `db:"id"`
	ExternalID   string  `db:"external_id"`
	Name         string  `db:"name"`
	Gender       string  `db:"gender"`
	Enc          []byte  `db:"national_id_enc"`
	Hash         []byte  `db:"national_id_hash"`
	Masked       string  `db:"national_id_masked"`
	HiredOn      string  `db:"hired_on"`
	ContractEnd  *string `db:"contract_end"`
	Wage         int64   `db:"monthly_wage_fen"`
	Insured      bool    `db:"maternity_insured"`
	Region       *string `db:"region"`
	CreatedAt    string  `db:"created_at"`
	UpdatedAt    string  `db:"updated_at"`
	Pregnancies  string  `db:"pregnancies"`
	Births       string  `db:"births"`
	Miscarriages string  `db:"miscarriages"`
}

// baseDismissal is the bare handler of issue 4: one read of the employee
// and her events and one insert, in a transaction.
func baseDismissal(a *fiber.App, p *basePrep) {
	byID, byExternal := p.stmt(baseFactsQuery+` AND e.id = $2`), p.stmt(baseFactsQuery+` AND e.external_id = $2`)
	insert := p.stmt(`INSERT INTO dismissal_checks (tenant_id, id, employee_id, action, ground, effective_date, verdict,
		result, facts, created_by) VALUES ($1, $2, $3, $4, $5, $6, 'allowed', '{}', $7, 'baseline')`)
	a.Post("/api/v1/dismissal-checks", func(c *fiber.Ctx) error {
		tenant, err := baseTenant(c)
		if err != nil {
			return err
		}
		var in struct {
			EmployeeID    string `json:"employee_id"`
			ExternalID    string `json:"external_id"`
			Action        string `json:"action"`
			Ground        string `json:"ground"`
			EffectiveDate string `json:"effective_date"`
		}
		if err := json.Unmarshal(c.Body(), &in); err != nil {
			return fiber.ErrBadRequest
		}
		tx, err := p.db.BeginTxx(c.UserContext(), nil)
		if err != nil {
			return err
		}
		defer tx.Rollback() //nolint:errcheck // no-op after commit
		q, arg := byID, in.EmployeeID
		if in.EmployeeID == "" {
			q, arg = byExternal, in.ExternalID
		}
		var f baseFacts
		if err := tx.StmtxContext(c.UserContext(), q).GetContext(c.UserContext(), &f, tenant, arg); err != nil {
			return fiber.ErrNotFound
		}
		facts, _ := json.Marshal(map[string]json.RawMessage{"pregnancies": json.RawMessage(f.Pregnancies),
			"births": json.RawMessage(f.Births), "miscarriages": json.RawMessage(f.Miscarriages)})
		id := uuid.NewString()
		if _, err := tx.StmtxContext(c.UserContext(), insert).ExecContext(c.UserContext(), tenant, id, f.ID, in.Action, in.Ground, in.EffectiveDate, string(facts)); err != nil {
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		return c.JSON(fiber.Map{"id": id, "employee_id": f.ID, "verdict": "allowed", "checked_at": time.Now().UTC()})
	})
}
