package app_test

import (
	"context"
	"strings"
	"testing"

	"leaveguard/app/apptest"
	"leaveguard/app/pii"
	"leaveguard/store"
)

// TestCanaryIDNumber: a canary ID number sent through every employee route,
// valid and invalid, never appears in a response body, a log line or the
// audit log.
func TestCanaryIDNumber(t *testing.T) {
	canary := pii.MakeNationalID("152201", "19880808", 888)
	badCanary := canary[:17] + string("0123456789X"[(strings.IndexByte("0123456789X", canary[17])+1)%11])
	var bodies []string
	b := employeeBody("CANARY-1")
	b["national_id"] = canary
	r := env.Do(t, "POST", "/api/v1/employees", env.A.Key, b)
	if r.Status != 201 {
		t.Fatalf("create: %d %s", r.Status, r.Body)
	}
	id := r.JSON(t)["id"].(string)
	bodies = append(bodies, string(r.Body))
	for _, req := range []struct {
		method, path string
		body         any
	}{
		{"GET", "/api/v1/employees/" + id, nil},
		{"GET", "/api/v1/employees?external_id=CANARY-1", nil},
		{"PATCH", "/api/v1/employees/" + id, map[string]any{"national_id": canary}},
		{"PATCH", "/api/v1/employees/" + id, map[string]any{"national_id": badCanary}},
		{"POST", "/api/v1/employees", b},
		{"POST", "/api/v1/employees", map[string]any{"national_id": badCanary}},
		{"POST", "/api/v1/employees", `{"national_id": "` + canary + `", "x": }`},
		{"GET", "/api/v1/employees/" + canary, nil},
	} {
		r := env.Do(t, req.method, req.path, env.A.Key, req.body)
		bodies = append(bodies, string(r.Body))
	}
	var audit []store.AuditEntry
	ctx := context.Background()
	_ = env.Store.ReadTx(ctx, env.A.ID, func(tx *store.Tx) error {
		var err error
		audit, err = tx.AuditLog(ctx, env.A.ID, store.AuditFilter{Limit: 1000})
		return err
	})
	for _, e := range audit {
		bodies = append(bodies, e.Detail+e.ObjectID)
	}
	bodies = append(bodies, env.Logs.String())
	for _, s := range bodies {
		for _, c := range []string{canary, badCanary} {
			if strings.Contains(s, c) {
				t.Fatalf("canary ID number leaked: %.300s", s)
			}
		}
	}
}

func TestHealth(t *testing.T) {
	if r := env.Do(t, "GET", "/healthz", "", nil); r.Status != 200 {
		t.Fatalf("healthz %d", r.Status)
	}
	r := env.Do(t, "GET", "/readyz", "", nil)
	if r.Status != 200 || r.JSON(t)["status"] != "ok" {
		t.Fatalf("readyz %d %s", r.Status, r.Body)
	}
	r = env.Do(t, "GET", "/metrics", "", nil, "Authorization", "Bearer "+apptest.MetricsToken)
	if r.Status != 200 || !strings.Contains(string(r.Body), "leaveguard_http_requests_total") {
		t.Fatalf("metrics %d", r.Status)
	}
	r = env.Do(t, "GET", "/api/v1/nothing", env.A.Key, nil)
	if r.Status != 404 || r.Header["X-Content-Type-Options"] != "nosniff" || r.Header["X-Frame-Options"] != "DENY" {
		t.Fatalf("unknown route / headers: %d %v", r.Status, r.Header)
	}
}
