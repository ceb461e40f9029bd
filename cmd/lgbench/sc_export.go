package main

import (
	"context"
	"fmt"
	"sort"
	"time"
)

func init() {
	register(&scenario{Order: 70, Name: "export", Title: "CSV export of the {big}-employee tenant", Method: "GET",
		Route: "/api/v1/exports/labor-bureau", Single: runExport})
}

// exportTrial is one timed download of the large tenant's export and the
// COPY of the same queries.
type exportTrial struct {
	Rows        int     `json:"rows"`
	Bytes       int64   `json:"bytes"`
	LGSeconds   float64 `json:"leaveguard_seconds"`
	CopyRows    int     `json:"copy_rows"`
	CopyBytes   int64   `json:"copy_bytes"`
	CopySeconds float64 `json:"copy_seconds"`
}

// exportTrials is how many times each side is timed (the median counts).
const exportTrials = 3

// runExport streams the large tenant's CSV export of the last 365 days
// from a LeaveGuard server whose pool records its statements, then times
// PostgreSQL's COPY of exactly those statements (as the app role, in one
// read-only snapshot, with the same tenant setting), alternately.
func runExport(ctx context.Context, w *world) (row, error) {
	var capt capture
	db, err := openCapturing(w.DS.DB.AppURL, &capt)
	if err != nil {
		return row{}, err
	}
	defer db.Close()
	srv := w.Srv.leaveGuard(db)
	url, err := listen(srv)
	if err != nil {
		return row{}, err
	}
	defer srv.ShutdownWithTimeout(5 * time.Second) //nolint:errcheck // best effort
	t := w.tenantAt(0)
	path := fmt.Sprintf("/api/v1/exports/labor-bureau?format=csv&from=%s&to=%s", today().AddDays(-364), today())
	var trials []exportTrial
	var stmts []string
	for i := 0; i < exportTrials && ctx.Err() == nil; i++ {
		var tr exportTrial
		capt.on.Store(i == 0)
		start := time.Now()
		code, n, lines, err := stream(ctx, w.Client, url+path, keyHeader(t))
		capt.on.Store(false)
		if err != nil || code != 200 {
			return row{}, fmt.Errorf("export: %d %v", code, err)
		}
		tr.LGSeconds, tr.Bytes, tr.Rows = time.Since(start).Seconds(), n, lines
		if i == 0 {
			stmts = exportStatements(capt.take())
		}
		if tr.CopySeconds, tr.CopyBytes, tr.CopyRows, err = copyOut(ctx, w.DS.DB.AppURL, stmts); err != nil {
			return row{}, err
		}
		trials = append(trials, tr)
	}
	if len(trials) == 0 {
		return row{}, ctx.Err()
	}
	med := median(trials)
	r := row{Status: "ok", Ratio: med.LGSeconds / med.CopySeconds, Goal: "≤ 3× the COPY of the same queries"}
	met := r.Ratio <= 3
	r.Met = &met
	r.Note = fmt.Sprintf("LeaveGuard %.2f s for %d lines (%.1f MB); COPY of its %d statements %.2f s for %d lines (%.1f MB); ratio %.2f",
		med.LGSeconds, med.Rows, float64(med.Bytes)/1e6, len(stmts), med.CopySeconds, med.CopyRows,
		float64(med.CopyBytes)/1e6, r.Ratio)
	w.exports = trials
	return r, nil
}

func median(ts []exportTrial) exportTrial {
	s := append([]exportTrial(nil), ts...)
	sort.Slice(s, func(i, j int) bool { return s[i].LGSeconds/s[i].CopySeconds < s[j].LGSeconds/s[j].CopySeconds })
	return s[len(s)/2]
}
