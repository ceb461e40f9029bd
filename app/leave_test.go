package app_test

import (
	"testing"
)

// female creates a female employee of the tenant of key; male a male one.
func female(t *testing.T, key string) string { return createEmployee(t, key) }

func male(t *testing.T, key string) string {
	t.Helper()
	b := employeeBody("M-" + validID()[10:17])
	b["gender"] = "male"
	r := env.Do(t, "POST", "/api/v1/employees", key, b)
	if r.Status != 201 {
		t.Fatalf("create male: %d %s", r.Status, r.Body)
	}
	return r.JSON(t)["id"].(string)
}

func num(v any) int { f, _ := v.(float64); return int(f) }

func TestBirthPlans(t *testing.T) {
	cases := []struct {
		name   string
		body   map[string]any
		status int
		days   int
		end    string
	}{
		{"firstChild2026", map[string]any{"birth_date": "2026-03-10", "child_order": 1}, 201, 158, "2026-08-14"},
		{"thirdChildTwinsDystocia", map[string]any{"birth_date": "2026-03-10", "child_order": 3, "babies": 2, "dystocia": true}, 201, 218, ""},
		{"fourthChild", map[string]any{"birth_date": "2026-03-10", "child_order": 4}, 201, 98, ""},
		{"acrossNewYear", map[string]any{"birth_date": "2025-12-01", "child_order": 2}, 201, 158, "2026-05-07"},
		{"leaveStart15Before", map[string]any{"birth_date": "2026-03-10", "child_order": 1, "leave_start": "2026-02-23"}, 201, 158, "2026-07-30"},
		{"leapDay", map[string]any{"birth_date": "2024-02-29", "child_order": 1}, 201, 158, "2024-08-04"},
		{"leaveStart16Before422", map[string]any{"birth_date": "2026-03-10", "child_order": 1, "leave_start": "2026-02-22"}, 422, 0, ""},
		{"missingOrder400", map[string]any{"birth_date": "2026-03-10"}, 400, 0, ""},
		{"badDate400", map[string]any{"birth_date": "2026-02-30", "child_order": 1}, 400, 0, ""},
		{"babies0_400", map[string]any{"birth_date": "2026-03-10", "child_order": 1, "babies": 0}, 400, 0, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			id := female(t, env.A.Key)
			r := env.Do(t, "POST", "/api/v1/employees/"+id+"/births", env.A.Key, tc.body)
			if r.Status != tc.status {
				t.Fatalf("status %d want %d: %s", r.Status, tc.status, r.Body)
			}
			if tc.status != 201 {
				return
			}
			plan := r.JSON(t)["leave_plan"].(map[string]any)
			ml := plan["maternity_leave"].(map[string]any)
			if num(ml["days"]) != tc.days {
				t.Fatalf("days %v want %d: %s", ml["days"], tc.days, r.Body)
			}
			if tc.end != "" && ml["end"] != tc.end {
				t.Fatalf("end %v want %s", ml["end"], tc.end)
			}
			if plan["protected_until"] == nil || plan["parental_leave"] == nil {
				t.Fatalf("plan lacks protected_until / parental_leave: %s", r.Body)
			}
		})
	}
}

func TestBirthFatherAndCorrection(t *testing.T) {
	id := male(t, env.A.Key)
	r := env.Do(t, "POST", "/api/v1/employees/"+id+"/births", env.A.Key, map[string]any{"birth_date": "2026-05-01", "child_order": 1})
	plan := r.JSON(t)["leave_plan"].(map[string]any)
	if r.Status != 201 || num(plan["spousal_nursing_leave"].(map[string]any)["days"]) != 25 || plan["maternity_leave"] != nil {
		t.Fatalf("father plan: %d %s", r.Status, r.Body)
	}
	birth := r.JSON(t)["id"].(string)
	r = env.Do(t, "PUT", "/api/v1/births/"+birth, env.A.Key, map[string]any{"birth_date": "2026-05-03", "child_order": 1})
	if r.Status != 200 || num(r.JSON(t)["version"]) != 2 {
		t.Fatalf("correction: %d %s", r.Status, r.Body)
	}
	r = env.Do(t, "GET", "/api/v1/births/"+birth, env.A.Key, nil)
	if h := r.JSON(t)["history"].([]any); len(h) != 2 {
		t.Fatalf("history: %s", r.Body)
	}
}

func TestMiscarriageAndPregnancy(t *testing.T) {
	id := female(t, env.A.Key)
	for _, tc := range []struct{ weeks, days int }{{10, 15}, {15, 15}, {16, 42}, {20, 42}} {
		r := env.Do(t, "POST", "/api/v1/employees/"+id+"/miscarriages", env.A.Key, map[string]any{"date": "2025-06-01", "gestation_weeks": tc.weeks})
		ml := r.JSON(t)["leave_plan"].(map[string]any)["miscarriage_leave"].(map[string]any)
		if r.Status != 201 || num(ml["days"]) != tc.days {
			t.Fatalf("%d weeks: %d %s", tc.weeks, r.Status, r.Body)
		}
	}
	m := male(t, env.A.Key)
	if r := env.Do(t, "POST", "/api/v1/employees/"+m+"/miscarriages", env.A.Key, map[string]any{"date": "2025-06-01", "gestation_weeks": 8}); r.Status != 422 {
		t.Fatalf("male miscarriage: %d", r.Status)
	}
	if r := env.Do(t, "POST", "/api/v1/employees/"+m+"/pregnancies", env.A.Key, map[string]any{"reported_on": "2026-01-05"}); r.Status != 422 {
		t.Fatalf("male pregnancy: %d", r.Status)
	}
	p := female(t, env.A.Key)
	r := env.Do(t, "POST", "/api/v1/employees/"+p+"/pregnancies", env.A.Key, map[string]any{"reported_on": "2026-09-01", "expected_due_date": "2027-03-01"})
	if r.Status != 201 {
		t.Fatalf("pregnancy: %d %s", r.Status, r.Body)
	}
	for _, c := range []struct {
		asOf string
		want bool
	}{{"2026-05-10", false}, {"2026-05-24", false}, {"2026-05-25", true}, {"2026-08-31", true}, {"2026-09-01", true}} { // due 2027-03-01 − 280 days
		r = env.Do(t, "GET", "/api/v1/employees/"+p+"/protection?as_of="+c.asOf, env.A.Key, nil)
		if r.JSON(t)["protected"] != c.want {
			t.Fatalf("protection on %s: %s", c.asOf, r.Body)
		}
	}
	if r.JSON(t)["phase"] != "pregnancy" {
		t.Fatalf("phase: %s", r.Body)
	}
}
