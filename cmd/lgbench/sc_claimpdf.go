package main

import (
	"context"
	"fmt"
	"math/rand/v2"

	"leaveguard/cmd/lgbench/seed"
)

func init() {
	register(&scenario{Order: 80, Name: "claimpdf", Title: "allowance claim PDF (GET)", Method: "GET",
		Route: "/api/v1/allowance-claims/:id/pdf", Baseline: baseClaimPDF, Prepare: prepareClaimPDF})
}

// prepareClaimPDF samples claims of every tenant: most requests render a
// claim's first PDF, as the HR officer filing it would.
func prepareClaimPDF(ctx context.Context, w *world) (reqGen, reqGen, error) {
	var rows []struct {
		Tenant string `db:"tenant_id"`
		ID     string `db:"id"`
	}
	const q = `SELECT tenant_id, id FROM allowance_claims ORDER BY md5(id::text) LIMIT 20000`
	if err := w.Admin.SelectContext(ctx, &rows, q); err != nil {
		return nil, nil, fmt.Errorf("sample claims: %w", err)
	}
	if len(rows) == 0 {
		return nil, nil, fmt.Errorf("no allowance claims seeded")
	}
	g := func(rng *rand.Rand) request {
		r := rows[rng.IntN(len(rows))]
		t := tenant{ID: r.Tenant, Key: seed.APIKey(r.Tenant)}
		return request{Method: "GET", Path: "/api/v1/allowance-claims/" + r.ID + "/pdf", Header: keyHeader(t)}
	}
	return g, g, nil
}
