package main

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"leaveguard/app/pii"
	"leaveguard/cmd/lgbench/seed"
	"leaveguard/leave"
)

// dataSet is a seeded bench database.
type dataSet struct {
	DB       *benchDB
	Plan     seed.Plan
	Counts   seed.Counts
	SeedTime time.Duration // generation and COPY
	Analyze  time.Duration
}

// benchKey is the fixed encryption key of bench data (never a real key).
func benchKey() []byte {
	k := make([]byte, 32)
	for i := range k {
		k[i] = byte(0xb0 + i)
	}
	return k
}

// seedDataSet creates a database and seeds plan into it.
func seedDataSet(ctx context.Context, o options, plan seed.Plan) (*dataSet, error) {
	if o.ReuseDB != "" && plan.Seed == o.Seed {
		return reuseDataSet(o, plan)
	}
	d, err := createBenchDB(ctx, o.AdminURL)
	if err != nil {
		return nil, err
	}
	ds := &dataSet{DB: d, Plan: plan}
	cipher, err := pii.NewCipher(benchKey())
	if err != nil {
		d.drop()
		return nil, err
	}
	admin, err := open(d.AdminURL, 20)
	if err != nil {
		d.drop()
		return nil, err
	}
	defer admin.Close()
	start := time.Now()
	if ds.Counts, err = seed.Run(ctx, admin.DB, cipher, plan, o.Workers); err != nil {
		d.drop()
		return nil, err
	}
	ds.SeedTime = time.Since(start)
	start = time.Now()
	if err := seed.VacuumAnalyze(ctx, admin.DB); err != nil {
		d.drop()
		return nil, err
	}
	ds.Analyze = time.Since(start)
	fmt.Printf("seeded %s: %d tenants, %d employees in %s (+ vacuum analyze %s)\n  %s\n", d.Name, plan.Tenants,
		plan.Employees, ds.SeedTime.Round(100*time.Millisecond), ds.Analyze.Round(100*time.Millisecond), ds.Counts.Report())
	return ds, nil
}

// today is the civil date in China, as the server sees it.
func today() leave.Date {
	return leave.DateOf(time.Now().In(time.FixedZone("CST", 8*3600)))
}

// reuseDataSet opens a database seeded (and kept) by an earlier run.
func reuseDataSet(o options, plan seed.Plan) (*dataSet, error) {
	admin, err := sqlx.Open("postgres", o.AdminURL)
	if err != nil {
		return nil, fmt.Errorf("bench db: %w", err)
	}
	d := &benchDB{Name: o.ReuseDB, admin: admin, AdminURL: withUserDB(o.AdminURL, "", o.ReuseDB),
		AppURL: withUserDB(o.AdminURL, "leaveguard", o.ReuseDB)}
	fmt.Println("reusing database", d.Name)
	return &dataSet{DB: d, Plan: plan}, nil
}
