package app_test

import (
	"context"
	"testing"

	"leaveguard/app"
)

// TestDemoRights: the demo shows correction requests (one decided, one
// open) and notice records, one fact without a notice.
func TestDemoRights(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	key, err := app.LoadDemo(context.Background(), env.DB.App, env.Cases())
	if err != nil {
		t.Fatal(err)
	}
	items := mustDo(t, 200, "GET", "/api/v1/employees?external_id=XA-001", key, nil)["items"].([]any)
	emp := items[0].(map[string]any)["id"].(string)
	crs := mustDo(t, 200, "GET", "/api/v1/employees/"+emp+"/correction-requests", key, nil)["items"].([]any)
	if len(crs) != 2 || crs[0].(map[string]any)["status"] != "corrected" || crs[1].(map[string]any)["status"] != "open" {
		t.Fatalf("demo correction requests: %v", crs)
	}
	var statuses []string
	env.Query(t, app.DemoTenantID, &statuses, `SELECT status FROM sensitive_notices ORDER BY status`)
	if len(statuses) < 5 || statuses[len(statuses)-1] != "not_recorded" || statuses[0] != "informed" {
		t.Fatalf("demo notices: %v", statuses)
	}
}
