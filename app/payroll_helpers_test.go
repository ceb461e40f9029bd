package app_test

import (
	"context"
	"fmt"
	"testing"

	"leaveguard/app"
	"leaveguard/app/apptest"
)

// freshTenant creates a tenant of its own (with an admin key), for tests
// that must not see other tests' leave, claims or applications.
func freshTenant(t testing.TB) apptest.Tenant {
	t.Helper()
	n := seq.Add(1)
	res, err := app.CreateTenant(context.Background(), env.DB.App, app.NewTenant{
		Name: fmt.Sprintf("薪资测试单位%d", n), Region: "CN-NM-XAM"})
	if err != nil {
		t.Fatal(err)
	}
	return apptest.Tenant{ID: res.TenantID, Key: res.APIKey}
}

// staff creates an employee of the tenant of key with the given gender,
// monthly wage and maternity insurance, and returns its id.
func staff(t testing.TB, key, gender string, wageFen int64, insured bool) string {
	t.Helper()
	b := employeeBody(fmt.Sprintf("P-%d", seq.Add(1)))
	b["gender"], b["monthly_wage_fen"], b["maternity_insured"] = gender, wageFen, insured
	r := env.Do(t, "POST", "/api/v1/employees", key, b)
	if r.Status != 201 {
		t.Fatalf("create employee: %d %s", r.Status, r.Body)
	}
	return r.JSON(t)["id"].(string)
}

// mustDo sends a request and fails unless the status is want; it returns
// the decoded JSON object (nil for an empty body).
func mustDo(t testing.TB, want int, method, path, key string, body any) map[string]any {
	t.Helper()
	r := env.Do(t, method, path, key, body)
	if r.Status != want {
		t.Fatalf("%s %s: want %d, got %d %s", method, path, want, r.Status, r.Body)
	}
	if len(r.Body) == 0 {
		return nil
	}
	return r.JSON(t)
}

// birth records a birth of employee emp and returns the birth id.
func birth(t testing.TB, key, emp string, body map[string]any) string {
	t.Helper()
	return mustDo(t, 201, "POST", "/api/v1/employees/"+emp+"/births", key, body)["id"].(string)
}

// approvedLeave submits and approves a leave request and returns its id.
func approvedLeave(t testing.TB, key, emp, typ, start string, days int) string {
	t.Helper()
	m := mustDo(t, 201, "POST", "/api/v1/leave-requests", key,
		map[string]any{"employee_id": emp, "leave_type": typ, "start": start, "days": days})
	id := m["id"].(string)
	mustDo(t, 200, "POST", "/api/v1/leave-requests/"+id+"/approve", key, nil)
	return id
}

func fen(v any) int64 { f, _ := v.(float64); return int64(f) }
