package app_test

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestMoneyAndDateBounds: wages above 10,000,000 yuan and dates outside
// 1900–2100 are a 422 naming the field (on create, patch and settings),
// never stored; the bounds themselves are accepted.
func TestMoneyAndDateBounds(t *testing.T) {
	with := func(k string, v any) map[string]any {
		b := employeeBody(fmt.Sprintf("B-%d", seq.Add(1)))
		b[k] = v
		return b
	}
	refused := func(what string, status int, code, body, field string) {
		t.Helper()
		if status != 422 || code != "out_of_range" || !strings.Contains(body, `"`+field+`"`) {
			t.Errorf("%s: %d %s, want 422 out_of_range naming %s", what, status, body, field)
		}
	}
	for _, c := range []struct {
		field string
		value any
	}{
		{"monthly_wage_fen", int64(9e18)}, {"monthly_wage_fen", int64(math.MaxInt64)}, {"monthly_wage_fen", 1_000_000_001},
		{"hired_on", "0000-01-01"}, {"hired_on", "1899-12-31"}, {"hired_on", "2101-01-01"}, {"contract_end", "9999-12-31"},
	} {
		r := env.Do(t, "POST", "/api/v1/employees", env.A.Key, with(c.field, c.value))
		refused(fmt.Sprintf("create %s=%v", c.field, c.value), r.Status, r.Code(), string(r.Body), c.field)
	}
	for field, v := range map[string]any{"monthly_wage_fen": 1_000_000_000, "hired_on": "1900-01-01", "contract_end": "2100-12-31"} {
		if r := env.Do(t, "POST", "/api/v1/employees", env.A.Key, with(field, v)); r.Status != 201 {
			t.Errorf("create %s=%v (the bound): %d %s", field, v, r.Status, r.Body)
		}
	}
	id := createEmployee(t, env.A.Key)
	r := env.Do(t, "PATCH", "/api/v1/employees/"+id, env.A.Key, map[string]any{"monthly_wage_fen": int64(9e18)})
	refused("patch wage", r.Status, r.Code(), string(r.Body), "monthly_wage_fen")
	tn := freshTenant(t)
	r = env.Do(t, "PUT", "/api/v1/settings", tn.Key, map[string]any{"avg_monthly_wage_fen": map[string]any{"2024": int64(math.MaxInt64)}})
	refused("settings average wage", r.Status, r.Code(), string(r.Body), "avg_monthly_wage_fen.2024")
	// A malformed field next to an out-of-range one: 400, naming both.
	b := with("hired_on", "0000-01-01")
	b["gender"] = "x"
	r = env.Do(t, "POST", "/api/v1/employees", env.A.Key, b)
	if r.Status != 400 || !strings.Contains(string(r.Body), `"hired_on"`) || !strings.Contains(string(r.Body), `"gender"`) {
		t.Errorf("malformed and out of range: %d %s", r.Status, r.Body)
	}
}

// TestWageBoundInDatabase: the database refuses an out-of-range wage even
// from a writer that skips the use cases.
func TestWageBoundInDatabase(t *testing.T) {
	id := createEmployee(t, env.A.Key)
	tx, err := env.DB.App.Beginx()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback() //nolint:errcheck // refused on purpose
	if _, err := tx.Exec(`SELECT set_config('app.tenant_id', $1, true)`, env.A.ID); err != nil {
		t.Fatal(err)
	}
	_, err = tx.Exec(`UPDATE employees SET monthly_wage_fen = 9000000000000000000 WHERE tenant_id = $1 AND id = $2`, env.A.ID, id)
	if err == nil || !strings.Contains(err.Error(), "employees_wage_bound") {
		t.Fatalf("the database stored a wage of 9×10^18 fen: %v", err)
	}
}

// TestStoredWageOutOfRange: an average wage of int64 max stored before the
// bound existed makes claim creation a 422 naming the setting, not a 500.
func TestStoredWageOutOfRange(t *testing.T) {
	tn := freshTenant(t)
	mother := staff(t, tn.Key, "female", 900000, true)
	b := birth(t, tn.Key, mother, map[string]any{"birth_date": "2025-03-01", "child_order": 1})
	admin, err := env.DB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	admin.MustExec(`INSERT INTO settings (tenant_id, key, value, updated_by) VALUES ($1, 'avg_monthly_wage_fen', '{"2024": 9223372036854775807}', 'test')`, tn.ID)
	r := env.Do(t, "POST", "/api/v1/allowance-claims", tn.Key, map[string]any{"birth_id": b})
	if r.Status != 422 || !strings.Contains(string(r.Body), "avg_monthly_wage_fen.2024") {
		t.Fatalf("claim over a stored out-of-range average wage: %d %s", r.Status, r.Body)
	}
}
