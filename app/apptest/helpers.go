package apptest

import "testing"

// Count runs a count query as the superuser (row-level security does not
// apply).
func (e *Env) Count(t testing.TB, q string, args ...any) int {
	t.Helper()
	admin, err := e.DB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var n int
	if err := admin.Get(&n, q, args...); err != nil {
		t.Fatal(err)
	}
	return n
}

// ProtectedMother makes the employee id (in the tenant of key) a protected
// mother: she reported a pregnancy on 2026-03-01 and gave birth to her
// first child on 2026-10-01, so she is protected until 2027-10-01.
func (e *Env) ProtectedMother(t testing.TB, key, id string) {
	t.Helper()
	if r := e.Do(t, "POST", "/api/v1/employees/"+id+"/pregnancies", key, map[string]any{"reported_on": "2026-03-01"}); r.Status != 201 {
		t.Fatalf("pregnancy: %d %s", r.Status, r.Body)
	}
	if r := e.Do(t, "POST", "/api/v1/employees/"+id+"/births", key, map[string]any{"birth_date": "2026-10-01", "child_order": 1}); r.Status != 201 {
		t.Fatalf("birth: %d %s", r.Status, r.Body)
	}
}
