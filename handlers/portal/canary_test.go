package portal_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"leaveguard/app/pii"
	"leaveguard/store"
)

// TestCanaryIDNumber: a canary ID number typed into the portal's forms,
// valid and invalid, never appears in a page, a log line or the audit log.
func TestCanaryIDNumber(t *testing.T) {
	canary := pii.MakeNationalID("152201", "19880809", 889)
	badCanary := canary[:17] + string("0123456789X"[(strings.IndexByte("0123456789X", canary[17])+1)%11])
	b := admin(t, 0)
	var bodies []string
	form := employeeForm("CANARY-P1")
	form.Set("national_id", canary)
	form.Set("monthly_wage", "abc") // an error elsewhere: the form comes back
	bodies = append(bodies, b.post("/employees/new", "/employees", form).Body)
	form.Set("monthly_wage", "7200")
	p := b.post("/employees/new", "/employees", form)
	if p.Status != 303 {
		t.Fatalf("create: %d %s", p.Status, excerpt(p.Body))
	}
	id := strings.TrimPrefix(strings.Split(p.Location(), "?")[0], "/employees/")
	form.Set("national_id", badCanary)
	bodies = append(bodies, b.post("/employees/new", "/employees", form).Body)
	bodies = append(bodies, b.post("/employees/"+id+"/edit", "/employees/"+id, form).Body)
	bodies = append(bodies, b.get("/employees/"+id).Body, b.get("/employees/"+id+"/edit").Body,
		b.get("/employees?q="+url.QueryEscape("CANARY")).Body, b.get("/audit").Body)
	ctx := context.Background()
	_ = env.Store.ReadTx(ctx, env.A.ID, func(tx *store.Tx) error {
		audit, err := tx.AuditLog(ctx, env.A.ID, store.AuditFilter{Limit: 1000})
		for _, e := range audit {
			bodies = append(bodies, e.Detail+e.ObjectID)
		}
		return err
	})
	bodies = append(bodies, env.Logs.String())
	for _, s := range bodies {
		for _, c := range []string{canary, badCanary} {
			if strings.Contains(s, c) {
				t.Fatalf("canary ID number leaked: %.300s", excerpt(s))
			}
		}
	}
}
