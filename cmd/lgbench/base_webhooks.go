package main

import (
	"encoding/json"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/signature"
)

// baseWebhooks is the bare receiver: find the integration's tenant, the
// employee by number, then claim the webhook-id and apply the wage in one
// transaction (a duplicate only counts); no signature check, no audit.
func baseWebhooks(a *fiber.App, p *basePrep) {
	integration := p.stmt(`SELECT tenant_id, secret_enc FROM integrations WHERE id = $1 AND disabled_at IS NULL`)
	employee := p.stmt(`SELECT id FROM employees WHERE tenant_id = $1 AND external_id = $2`)
	record := p.stmt(`INSERT INTO webhook_deliveries (tenant_id, integration_id, webhook_id, type, status, result)
		VALUES ($1, $2, $3, $4, 'processed', '{}') ON CONFLICT (tenant_id, integration_id, webhook_id) WHERE status <> 'invalid'
		DO NOTHING RETURNING true`)
	duplicate := p.stmt(`UPDATE webhook_deliveries SET duplicates = duplicates + 1, last_duplicate_at = now()
		WHERE tenant_id = $1 AND integration_id = $2 AND webhook_id = $3`)
	wage := p.stmt(`UPDATE employees SET monthly_wage_fen = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`)
	a.Post("/webhooks/payroll/:integration_id", func(c *fiber.Ctx) error {
		id, err := baseUUID(c, "integration_id")
		if err != nil {
			return err
		}
		var env struct {
			Type string `json:"type"`
			Data struct {
				ExternalID string `json:"external_id"`
				Wage       int64  `json:"monthly_wage_fen"`
			} `json:"data"`
		}
		if err := json.Unmarshal(c.Body(), &env); err != nil {
			return fiber.ErrBadRequest
		}
		ctx, hook := c.UserContext(), c.Get(signature.HeaderID)
		var in struct {
			Tenant string `db:"tenant_id"`
			Secret []byte `db:"secret_enc"`
		}
		if err := integration.GetContext(ctx, &in, id); err != nil {
			return fiber.ErrUnauthorized
		}
		var emp string
		if err := employee.GetContext(ctx, &emp, in.Tenant, env.Data.ExternalID); err != nil {
			return fiber.ErrBadRequest
		}
		tx, err := p.db.BeginTxx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback() //nolint:errcheck // no-op after commit
		var fresh bool
		err = tx.StmtxContext(ctx, record).GetContext(ctx, &fresh, in.Tenant, id, hook, env.Type)
		status := fiber.StatusAccepted
		if err != nil { // no row: a duplicate
			status = fiber.StatusOK
			_, err = tx.StmtxContext(ctx, duplicate).ExecContext(ctx, in.Tenant, id, hook)
		} else {
			_, err = tx.StmtxContext(ctx, wage).ExecContext(ctx, in.Tenant, emp, env.Data.Wage)
		}
		if err != nil {
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		return c.Status(status).JSON(fiber.Map{"status": map[int]string{202: "processed", 200: "duplicate"}[status]})
	})
}
