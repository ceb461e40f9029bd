package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/lib/pq"
)

// Set-at-a-time statements for a batch of inbound webhooks of one tenant,
// so that a batch costs a handful of statements, not a handful per webhook.

// EmployeesByExternalIDs loads, and locks until the transaction ends, the
// employees with those external ids, keyed by external id.
func (t *Tx) EmployeesByExternalIDs(ctx context.Context, tenant string, ids []string) (map[string]Employee, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	q := `SELECT ` + employeeCols + ` FROM employees WHERE tenant_id = $1 AND external_id = ANY($2)
		ORDER BY external_id FOR UPDATE` // one lock order for concurrent batches
	var rows []Employee
	if err := t.tx.SelectContext(ctx, &rows, q, tenant, pq.Array(ids)); err != nil {
		return nil, fmt.Errorf("store: employees by external ids: %w", err)
	}
	out := make(map[string]Employee, len(rows))
	for _, e := range rows {
		out[e.ExternalID] = e
	}
	return out, nil
}

// ClaimDeliveries inserts the dedupe rows of processed webhooks (with their
// results) and returns how many it inserted: fewer than len(ds) means some
// webhook-id was claimed meanwhile.
func (t *Tx) ClaimDeliveries(ctx context.Context, tenant string, ds []Delivery) (int, error) {
	if err := t.check(tenant); err != nil {
		return 0, err
	}
	integrations, hooks, types, results := make([]string, len(ds)), make([]string, len(ds)), make([]string, len(ds)), make([]string, len(ds))
	hashes := make([][]byte, len(ds))
	for i, d := range ds {
		integrations[i], hooks[i], types[i], results[i] = d.IntegrationID, d.WebhookID, d.Type, string(jsonObjectOrEmpty(d.Result))
		hashes[i] = d.BodySHA256
	}
	const q = `
		INSERT INTO webhook_deliveries (tenant_id, integration_id, webhook_id, type, status, result, body_sha256)
		SELECT $1, i, w, ty, 'processed', r::jsonb, h
		FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::bytea[]) AS v(i, w, ty, r, h)
		ON CONFLICT (tenant_id, integration_id, webhook_id) WHERE status <> 'invalid' DO NOTHING`
	res, err := t.tx.ExecContext(ctx, q, tenant, pq.Array(integrations), pq.Array(hooks), pq.Array(types), pq.Array(results), pq.Array(hashes))
	if err != nil {
		return 0, fmt.Errorf("store: claim deliveries: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// NoteDuplicates counts repeated receipts (counts[key], key = integration
// id + "/" + webhook id) and returns the first receipts' results by key.
func (t *Tx) NoteDuplicates(ctx context.Context, tenant string, counts map[string]int) (map[string]json.RawMessage, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	var integrations, hooks []string
	var ns []int64
	for k, n := range counts {
		integrations, hooks, ns = append(integrations, k[:36]), append(hooks, k[37:]), append(ns, int64(n))
	}
	const q = `
		UPDATE webhook_deliveries d SET duplicates = d.duplicates + v.n, last_duplicate_at = now()
		FROM unnest($2::uuid[], $3::text[], $4::int[]) AS v(i, w, n)
		WHERE d.tenant_id = $1 AND d.integration_id = v.i AND d.webhook_id = v.w AND d.status <> 'invalid'
		RETURNING d.integration_id, d.webhook_id, d.result`
	rows, err := t.tx.QueryxContext(ctx, q, tenant, pq.Array(integrations), pq.Array(hooks), pq.Array(ns))
	if err != nil {
		return nil, fmt.Errorf("store: note duplicates: %w", err)
	}
	defer rows.Close()
	out := make(map[string]json.RawMessage, len(counts))
	for rows.Next() {
		var integration, hook string
		var result []byte
		if err := rows.Scan(&integration, &hook, &result); err != nil {
			return nil, fmt.Errorf("store: note duplicates: %w", err)
		}
		out[integration+"/"+hook] = result
	}
	return out, rows.Err()
}

// CreateEmployees inserts new employees (distinct external ids) as
// CreateEmployee would, in one statement, and returns them by external id.
func (t *Tx) CreateEmployees(ctx context.Context, tenant string, es []Employee) (map[string]Employee, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	n := len(es)
	exts, names, genders, masked, hired := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	encs, hashes := make([][]byte, n), make([][]byte, n)
	ends, regions, departments := make([]*string, n), make([]*string, n), make([]string, n)
	wages, insured := make([]int64, n), make([]bool, n)
	for i, e := range es {
		exts[i], names[i], genders[i], masked[i], hired[i] = e.ExternalID, e.Name, e.Gender, e.NationalIDMasked, e.HiredOn.String()
		encs[i], hashes[i], wages[i], insured[i], regions[i] = e.NationalIDEnc, e.NationalIDHash, e.MonthlyWageFen, e.MaternityInsured, e.Region
		departments[i] = e.Department
		if e.ContractEnd != nil {
			s := e.ContractEnd.String()
			ends[i] = &s
		}
	}
	q := `
		INSERT INTO employees (tenant_id, external_id, name, gender, national_id_enc,
			national_id_hash, national_id_masked, hired_on, contract_end,
			monthly_wage_fen, maternity_insured, region, department)
		SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::bytea[], $6::bytea[], $7::text[],
			$8::date[], $9::date[], $10::bigint[], $11::boolean[], $12::text[], $13::text[])
		RETURNING ` + employeeCols
	var rows []Employee
	if err := t.tx.SelectContext(ctx, &rows, q, tenant, pq.Array(exts), pq.Array(names), pq.Array(genders),
		pq.Array(encs), pq.Array(hashes), pq.Array(masked), pq.Array(hired), pq.Array(ends), pq.Array(wages),
		pq.Array(insured), pq.Array(regions), pq.Array(departments)); err != nil {
		return nil, fmt.Errorf("store: create employees: %w", mapErr(err))
	}
	out := make(map[string]Employee, len(rows))
	for _, e := range rows {
		out[e.ExternalID] = e
	}
	return out, nil
}
