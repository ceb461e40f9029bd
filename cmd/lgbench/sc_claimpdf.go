package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"

	"leaveguard/app/cases"

	"leaveguard/cmd/lgbench/seed"
)

func init() {
	register(&scenario{Order: 80, Name: "claimpdf", Title: "allowance claim PDF (GET)", Method: "GET",
		Route: "/api/v1/allowance-claims/:id/pdf", Baseline: baseClaimPDF, Prepare: prepareClaimPDF,
		After: claimPDFCPU})
}

// pdfRenders is how many claim forms claimPDFCPU renders.
const pdfRenders = 200

// claimPDFCPU is the CPU time of rendering one claim form, alone: a stored
// claim filing of the load rendered again pdfRenders times with the
// server's font, between the loads (the process's CPU, GC included).
func claimPDFCPU(ctx context.Context, w *world) string {
	var f struct {
		Kind string `db:"kind"`
		Data []byte `db:"data"`
	}
	if err := w.Admin.GetContext(ctx, &f, `SELECT kind, data FROM filings WHERE kind = 'allowance_claim' LIMIT 1`); err != nil {
		return "CPU per document not measured: " + err.Error()
	}
	filer := &cases.Filings{PDF: w.Srv.font.Renderer()}
	runtime.GC()
	start := processCPU()
	for i := 0; i < pdfRenders; i++ {
		if _, err := filer.Render(f.Kind, f.Data); err != nil {
			return "CPU per document not measured: " + err.Error()
		}
	}
	ms := float64((processCPU() - start).Microseconds()) / 1000 / pdfRenders
	met := ms <= 5
	return fmt.Sprintf("rendering alone: %.1f ms CPU per claim PDF (%d renders; goal ≤ 5 ms %s)", ms, pdfRenders, mark(&met))
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
