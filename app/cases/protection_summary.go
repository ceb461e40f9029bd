package cases

import (
	"context"

	"leaveguard/leave"
	"leaveguard/store"
)

// PhaseCounts is how many employees are in each protected phase on a day.
type PhaseCounts struct {
	AsOf           leave.Date
	Pregnancy      int
	MaternityLeave int
	Nursing        int
}

// Total is the number of protected employees.
func (p PhaseCounts) Total() int { return p.Pregnancy + p.MaternityLeave + p.Nursing }

// ProtectedByPhase counts the tenant's employees in a protected period (三期)
// on asOf, by phase, from the same facts as the daily protection job.
func (c *Cases) ProtectedByPhase(ctx context.Context, tenant string, asOf leave.Date) (PhaseCounts, error) {
	out := PhaseCounts{AsOf: asOf}
	phases, err := c.PhasesOn(ctx, tenant, asOf)
	for _, ph := range phases {
		switch ph {
		case leave.PhasePregnancy:
			out.Pregnancy++
		case leave.PhaseMaternityLeave:
			out.MaternityLeave++
		case leave.PhaseNursing:
			out.Nursing++
		}
	}
	return out, err
}

// PhasesOn maps each employee of the tenant in a protected period on asOf
// (and still employed) to her phase: the 三期 column and filter of the
// employee list, and the dashboard's counts.
func (c *Cases) PhasesOn(ctx context.Context, tenant string, asOf leave.Date) (map[string]leave.Phase, error) {
	out := map[string]leave.Phase{}
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		rows, err := tx.ProtectedCandidates(ctx, tenant)
		if err != nil {
			return err
		}
		for _, pf := range rows {
			if leftBefore(pf.Employee, asOf) {
				continue // a former employee: no alerts after her last day
			}
			f, err := protectionFacts(pf)
			if err != nil {
				return err
			}
			if p := leave.ProtectionOn(f, asOf); p.Protected {
				out[pf.ID] = p.Phase
			}
		}
		return nil
	})
	return out, err
}
