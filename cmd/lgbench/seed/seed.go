package seed

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"leaveguard/app/auth"
	"leaveguard/app/pii"
	"leaveguard/leave"
)

// gen is one generator goroutine's state.
type gen struct {
	rng      *rand.Rand
	cipher   *pii.Cipher
	book     *leave.RuleBook
	settings leave.Settings
	cal      leave.Calendar
	today    leave.Date
	e        *emitter
	wages    map[int]int64 // the current tenant's average wages
}

// Run generates the plan's data set and loads it into db (a superuser
// connection to a freshly migrated database) with one COPY per table,
// fed by workers generator goroutines. It returns the rows per table.
func Run(ctx context.Context, db *sql.DB, cipher *pii.Cipher, p Plan, workers int) (Counts, error) {
	settings, err := leave.Settings{}.Normalize()
	if err != nil {
		return nil, fmt.Errorf("seed: settings: %w", err)
	}
	hash, err := auth.HashPassword(Password)
	if err != nil {
		return nil, fmt.Errorf("seed: password: %w", err)
	}
	tenants := p.tenants()
	s := newSink(ctx, db, tableOrder)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < max(workers, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g := &gen{cipher: cipher, book: leave.DefaultRuleBook(), settings: settings, cal: leave.NewCalendar(),
				today: p.Today, e: s.emitter()}
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(tenants) {
					break
				}
				g.tenant(tenants[i], hash, p.Seed)
			}
			g.e.flush()
		}()
	}
	wg.Wait()
	counts, err := s.close()
	if err == nil {
		err = ctx.Err()
	}
	return counts, err
}

// tenant emits one tenant and all its employees.
func (g *gen) tenant(t Tenant, passwordHash string, seed uint64) {
	g.rng = rand.New(rand.NewPCG(seed, uint64(t.Index)*2+2))
	emitTenant(g.e, t, passwordHash, at(g.today.AddDays(-400-g.rng.IntN(2000))))
	g.wages = g.avgWages()
	g.emitSettings(t, g.wages)
	for i := 0; i < t.Employees; i++ {
		g.emitFamily(g.emitEmployee(t, i))
	}
}

// VacuumAnalyze vacuums the seeded tables and refreshes their planner
// statistics, so that autovacuum, woken by a million fresh rows, does not
// start in the middle of a measurement.
func VacuumAnalyze(ctx context.Context, db *sql.DB) error {
	for _, t := range tableOrder {
		if _, err := db.ExecContext(ctx, `VACUUM (ANALYZE) `+t); err != nil {
			return fmt.Errorf("seed: vacuum analyze %s: %w", t, err)
		}
	}
	return nil
}

// Report formats counts in table order.
func (c Counts) Report() string {
	out := ""
	for _, t := range tableOrder {
		out += fmt.Sprintf("%s=%d ", t, c[t])
	}
	return out
}

// Elapsed is a helper for timing phases.
func Elapsed(start time.Time) string { return time.Since(start).Round(100 * time.Millisecond).String() }
