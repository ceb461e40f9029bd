package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"leaveguard/cmd/lgbench/seed"
)

// world is what scenarios build their requests from: a seeded data set, the
// servers over it, and samples of its tenants and employees.
type world struct {
	DS      *dataSet
	Srv     *servers
	Admin   *sqlx.DB // superuser on the bench database: sampling and COPY comparisons
	Client  *http.Client
	Opts    options
	cache   map[string][]employee
	cum     []int // cumulative tenant sizes
	exports []exportTrial
}

// tenant is a seeded tenant and its admin key.
type tenant struct {
	Index int
	ID    string
	Key   string
}

// employee is a sampled employee of a tenant.
type employee struct {
	Tenant     tenant
	ID         string
	ExternalID string
	Gender     string
}

// tenantAt is tenant number i of the data set (0 is the large one).
func (w *world) tenantAt(i int) tenant {
	id := seed.TenantID(w.DS.Plan.Seed, i)
	return tenant{Index: i, ID: id, Key: seed.APIKey(id)}
}

// employees samples up to n employees of the tenants numbered from..to-1
// (cached per range).
func (w *world) employees(ctx context.Context, from, to, n int) ([]employee, error) {
	key := fmt.Sprint(from, to, n)
	if out, ok := w.cache[key]; ok {
		return out, nil
	}
	byID := map[string]tenant{}
	ids := make([]string, 0, to-from)
	for i := from; i < to; i++ {
		t := w.tenantAt(i)
		byID[t.ID] = t
		ids = append(ids, t.ID)
	}
	var rows []struct {
		TenantID   string `db:"tenant_id"`
		ID         string `db:"id"`
		ExternalID string `db:"external_id"`
		Gender     string `db:"gender"`
	}
	const q = `SELECT tenant_id, id, external_id, gender FROM employees
		WHERE tenant_id = ANY($1::uuid[]) ORDER BY md5(id::text) LIMIT $2`
	if err := w.Admin.SelectContext(ctx, &rows, q, "{"+join(ids)+"}", n); err != nil {
		return nil, fmt.Errorf("sample employees: %w", err)
	}
	out := make([]employee, len(rows))
	for i, r := range rows {
		out[i] = employee{Tenant: byID[r.TenantID], ID: r.ID, ExternalID: r.ExternalID, Gender: r.Gender}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("sample employees: none in tenants %d..%d", from, to-1)
	}
	if w.cache == nil {
		w.cache = map[string][]employee{}
	}
	w.cache[key] = out
	return out, nil
}

func join(ids []string) string {
	out := ""
	for i, s := range ids {
		if i > 0 {
			out += ","
		}
		out += s
	}
	return out
}

// keyHeader is the Authorization header of a tenant's admin key.
func keyHeader(t tenant) map[string]string {
	return map[string]string{"Authorization": "Bearer " + t.Key, "Content-Type": "application/json"}
}

// newWorld starts the servers over ds.
func newWorld(ctx context.Context, o options, ds *dataSet) (*world, error) {
	w := &world{DS: ds, Opts: o, Client: newClient(o.Conns)}
	sum := 0
	for _, n := range ds.Plan.Sizes() {
		sum += n
		w.cum = append(w.cum, sum)
	}
	var err error
	if w.Admin, err = open(ds.DB.AdminURL, 4); err != nil {
		return nil, err
	}
	if w.Srv, err = startServers(ctx, o, ds, "lgbench:"+ds.DB.Name+":", registry); err != nil {
		w.Admin.Close()
		return nil, err
	}
	return w, nil
}

// close stops the servers and removes the run's Redis keys (its prefix only).
func (w *world) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	rdb := w.Srv.Cache.Client()
	var cursor uint64
	for i := 0; i < 100000; i++ { // bounded: a few keys per tenant
		keys, next, err := rdb.Scan(ctx, cursor, w.Srv.Cache.Key("*"), 1000).Result()
		if err != nil {
			break
		}
		if len(keys) > 0 {
			rdb.Del(ctx, keys...)
		}
		if cursor = next; cursor == 0 {
			break
		}
	}
	w.Srv.close()
	_ = w.Srv.Cache.Close()
	w.Admin.Close()
}

// randomTenant picks a tenant number with probability proportional to its
// size, as traffic from employers of different sizes would be.
func (w *world) randomTenant(rng *rand.Rand) int {
	x := rng.IntN(w.cum[len(w.cum)-1])
	return sort.SearchInts(w.cum, x+1)
}

// title fills a scenario title's {employees} and {big} with the data set's.
func (w *world) title(t string) string {
	t = strings.ReplaceAll(t, "{employees}", thousands(w.DS.Plan.Employees))
	return strings.ReplaceAll(t, "{big}", thousands(w.DS.Plan.Sizes()[0]))
}

// thousands formats n with thousands separators.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
