package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"leaveguard/cmd/lgbench/seed"
)

// run is the whole benchmark: go benchmarks, seeding, then every selected
// scenario on LeaveGuard and on the baseline, then the report.
func run(ctx context.Context, o options) error {
	rep, start := newReport(o), time.Now()
	if o.GoBench && !o.SeedOnly {
		gb, err := runGoBench(ctx)
		if err != nil {
			return err
		}
		rep.GoBenchmark = gb
	}
	plan := seed.Plan{Tenants: o.Tenants, Employees: o.Employees, Big: o.Big, Seed: o.Seed, Today: today()}
	big, err := seedDataSet(ctx, o, plan)
	if err != nil {
		return err
	}
	defer big.release(o.Keep || o.ReuseDB != "")
	rep.Seeds = append(rep.Seeds, seedReportOf(big))
	if o.SeedOnly {
		return nil
	}
	worlds := map[bool]*world{}
	for _, small := range []bool{false, true} {
		ds := big
		if small {
			if o.Small <= 0 || !wantsSmall(o) {
				continue
			}
			sp := seed.Plan{Tenants: 10, Employees: o.Small, Big: o.Small / 10, Seed: o.Seed + 1, Today: plan.Today}
			if ds, err = seedDataSet(ctx, o, sp); err != nil {
				return err
			}
			defer ds.release(o.Keep)
			rep.Seeds = append(rep.Seeds, seedReportOf(ds))
		}
		w, err := newWorld(ctx, o, ds)
		if err != nil {
			return err
		}
		defer w.close()
		worlds[small] = w
	}
	for _, sc := range registry {
		if !sc.selected(o.Scenarios) || (sc.Small && worlds[true] == nil) {
			continue
		}
		r := runScenario(ctx, worlds[sc.Small], sc)
		if sc.After != nil && r.Status == "ok" {
			r.Note = sc.After(ctx, worlds[sc.Small])
		}
		fmt.Printf("  %-40s %s\n", r.Title, summary(r))
		rep.Rows = append(rep.Rows, r)
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	rep.Exports = worlds[false].exports
	rep.Seconds = time.Since(start).Seconds()
	fmt.Println()
	rep.print(os.Stdout)
	if err := rep.write(o.Out); err != nil {
		return err
	}
	fmt.Println("results written to", o.Out)
	return nil
}

// wantsSmall reports whether a selected scenario runs on the small data set.
func wantsSmall(o options) bool {
	for _, sc := range registry {
		if sc.Small && sc.selected(o.Scenarios) {
			return true
		}
	}
	return false
}

// summary is a one-line progress report of a row.
func summary(r row) string {
	if r.LG == nil || r.Base == nil {
		return r.Status + " " + r.Note
	}
	return fmt.Sprintf("leaveguard %.0f req/s p99 %.1f ms | baseline %.0f req/s p99 %.1f ms | ratio %.2f (errors %d/%d)"+
		" | CPU ms/req go %.2f/%.2f pg %.2f/%.2f redis %.2f/%.2f", r.LG.RPS, r.LG.P99ms, r.Base.RPS, r.Base.P99ms, r.Ratio,
		r.LG.Errors, r.Base.Errors, r.LG.CPU.Go, r.Base.CPU.Go, r.LG.CPU.PG, r.Base.CPU.PG, r.LG.CPU.Redis, r.Base.CPU.Redis)
}

// release drops the data set's database unless keep.
func (ds *dataSet) release(keep bool) {
	if keep {
		fmt.Println("kept database", ds.DB.Name)
		return
	}
	ds.DB.drop()
}
