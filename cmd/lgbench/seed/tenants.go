package seed

import (
	"fmt"
	"math/rand/v2"
	"time"

	"leaveguard/app/auth"
	"leaveguard/store"
)

// regions are the tenants' jurisdictions, most of them in 兴安盟.
var regions = []struct {
	code   string
	weight float64
}{{"CN-NM-XAM", 0.6}, {"CN-NM", 0.3}, {"CN", 0.1}}

// Tenant is one seeded tenant.
type Tenant struct {
	Index     int
	ID        string
	Region    string
	Employees int
}

// tenants lists the plan's tenants with their sizes and regions.
func (p Plan) tenants() []Tenant {
	sizes := p.Sizes()
	out := make([]Tenant, len(sizes))
	for i, n := range sizes {
		rng := rand.New(rand.NewPCG(p.Seed, uint64(i)<<1))
		r, x := regions[0].code, rng.Float64()
		for _, c := range regions {
			if x < c.weight {
				r = c.code
				break
			}
			x -= c.weight
		}
		out[i] = Tenant{Index: i, ID: TenantID(p.Seed, i), Region: r, Employees: n}
	}
	return out
}

// emitTenant writes a tenant with its admin API key, portal admin user and
// audit chain heads, one per lane (seq 0, empty hash: each chain starts with
// its first audited action).
func emitTenant(e *emitter, t Tenant, passwordHash string, created time.Time) {
	e.row("tenants", t.ID, fmt.Sprintf("压测单位%04d有限公司", t.Index), "", t.Region, created)
	e.row("api_keys", t.ID, TenantID(uint64(t.Index)+7, 0), "压测管理员密钥", auth.HashAPIKey(APIKey(t.ID)), "admin", created)
	e.row("users", t.ID, TenantID(uint64(t.Index)+11, 0), AdminEmail(t.Index), "管理员", passwordHash, "admin")
	for lane := range store.AuditLanes {
		e.row("audit_heads", t.ID, lane, 0, []byte{})
	}
}
