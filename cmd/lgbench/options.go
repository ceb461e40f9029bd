package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"leaveguard/store/dbtest"
)

// options are lgbench's flags.
type options struct {
	AdminURL    string
	RedisURL    string
	Employees   int
	Tenants     int
	Big         int
	Small       int
	Workers     int
	Conns       int
	Duration    time.Duration
	Warmup      time.Duration
	Scenarios   []string
	Out         string
	GoBench     bool
	CPUProfile  string
	Keep        bool
	SeedOnly    bool
	Seed        uint64
	MaxRequests int
	ReuseDB     string
	Rounds      int
}

func parseOptions(args []string) (options, error) {
	var o options
	var scen string
	fs := flag.NewFlagSet("lgbench", flag.ContinueOnError)
	fs.StringVar(&o.AdminURL, "admin-url", dbtest.AdminURL(), "superuser URL of the PostgreSQL cluster (creates the bench database)")
	fs.StringVar(&o.RedisURL, "redis", "redis://127.0.0.1:6379/0", "Redis URL (keys get a prefix of their own)")
	fs.IntVar(&o.Employees, "employees", 1000000, "employees over all tenants (the scale; e.g. 20000 for a quick run)")
	fs.IntVar(&o.Tenants, "tenants", 1000, "tenants")
	fs.IntVar(&o.Big, "big", 0, "employees of the large tenant (default employees/10)")
	fs.IntVar(&o.Small, "small", 10000, "employees of the second, small data set for the scaling rows (0: none)")
	fs.IntVar(&o.Workers, "workers", 2, "generator goroutines while seeding")
	fs.IntVar(&o.Conns, "c", 32, "concurrent connections of the load generator")
	fs.DurationVar(&o.Duration, "d", 8*time.Second, "measured duration of each scenario on each server")
	fs.DurationVar(&o.Warmup, "warmup", time.Second, "warm-up before each measurement")
	fs.StringVar(&scen, "scenarios", "", "comma-separated scenario names (default all)")
	fs.StringVar(&o.Out, "out", "bench/results/latest.json", "where to write the results as JSON")
	fs.BoolVar(&o.GoBench, "gobench", true, "also run the go benchmarks of leave/ and payroll/")
	fs.StringVar(&o.CPUProfile, "cpuprofile", "", "write a CPU profile of the LeaveGuard load phases to this file")
	fs.BoolVar(&o.Keep, "keep", false, "keep the bench databases (their names are printed)")
	fs.BoolVar(&o.SeedOnly, "seed-only", false, "seed, report the timing and stop")
	fs.Uint64Var(&o.Seed, "seed", 2026, "generator seed")
	fs.StringVar(&o.ReuseDB, "db", "", "use this already seeded bench database (same -employees/-tenants/-seed) instead of seeding")
	fs.IntVar(&o.Rounds, "rounds", 4, "alternating LeaveGuard/baseline rounds the duration is split into")
	fs.IntVar(&o.MaxRequests, "max-requests", 2000000, "upper bound of requests per measurement")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if o.Big == 0 {
		o.Big = o.Employees / 10
	}
	if o.Tenants < 2 || o.Employees < o.Tenants || o.Conns < 1 || o.Duration <= 0 || o.Rounds < 1 {
		return o, fmt.Errorf("need -tenants ≥ 2, -employees ≥ -tenants, -c ≥ 1, -d > 0 and -rounds ≥ 1")
	}
	if scen != "" {
		o.Scenarios = strings.Split(scen, ",")
	}
	return o, nil
}
