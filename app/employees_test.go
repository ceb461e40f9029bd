package app_test

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"leaveguard/app/pii"
)

var seq atomic.Int64

// validID returns a fresh valid national ID number.
func validID() string {
	n := int(seq.Add(1))
	return pii.MakeNationalID("152201", fmt.Sprintf("1990%02d%02d", n%12+1, n%28+1), n%1000)
}

func employeeBody(ext string) map[string]any {
	return map[string]any{
		"external_id": ext, "name": "乌兰", "gender": "female", "national_id": validID(),
		"hired_on": "2020-03-01", "contract_end": "2027-02-28", "monthly_wage_fen": 720000,
		"maternity_insured": true,
	}
}

// createEmployee makes an employee in the tenant of key and returns its id.
func createEmployee(t *testing.T, key string) string {
	t.Helper()
	r := env.Do(t, "POST", "/api/v1/employees", key, employeeBody(fmt.Sprintf("E-%d", seq.Add(1))))
	if r.Status != 201 {
		t.Fatalf("create employee: %d %s", r.Status, r.Body)
	}
	return r.JSON(t)["id"].(string)
}

func TestEmployeeCreate(t *testing.T) {
	with := func(k string, v any) map[string]any {
		b := employeeBody(fmt.Sprintf("C-%d", seq.Add(1)))
		if v == nil {
			delete(b, k)
		} else {
			b[k] = v
		}
		return b
	}
	cases := []struct {
		name   string
		body   any
		status int
		field  string
	}{
		{"create201", with("region", "CN-NM-XAM"), 201, ""},
		{"create201NoContractEnd", with("contract_end", nil), 201, ""},
		{"create400MissingName", with("name", nil), 400, "name"},
		{"create400Gender", with("gender", "other"), 400, "gender"},
		{"create400IDChecksum", with("national_id", "110105194912310021"), 400, "national_id"},
		{"create400ID15", with("national_id", "110105491231002"), 400, "national_id"},
		{"create400IDLowerX", with("national_id", "11010519491231002x"), 400, "national_id"},
		{"create400HiredOn", with("hired_on", "2020-02-30"), 400, "hired_on"},
		{"create400ContractBeforeHire", with("contract_end", "2019-01-01"), 400, "contract_end"},
		{"create400NegativeWage", with("monthly_wage_fen", -1), 400, "monthly_wage_fen"},
		{"create400WageType", with("monthly_wage_fen", "7200"), 400, "monthly_wage_fen"},
		{"create400FloatWage", with("monthly_wage_fen", 7200.5), 400, "monthly_wage_fen"},
		{"create400Insured", with("maternity_insured", nil), 400, "maternity_insured"},
		{"create400Region", with("region", "CN-XX"), 400, "region"},
		{"create400Unknown", with("salary", 1), 400, "salary"},
		{"create400Syntax", `{"name":`, 400, ""},
		{"create400Empty", ``, 400, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := env.Do(t, "POST", "/api/v1/employees", env.A.Key, tc.body)
			if r.Status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.Status, tc.status, r.Body)
			}
			if tc.field != "" {
				fields, _ := r.JSON(t)["error"].(map[string]any)["fields"].(map[string]any)
				if msg, _ := fields[tc.field].(string); msg == "" {
					t.Fatalf("no Chinese message for field %s: %s", tc.field, r.Body)
				}
			}
			if tc.status == 201 {
				m := r.JSON(t)
				if _, leaked := m["national_id"]; leaked || !strings.Contains(m["national_id_masked"].(string), "********") {
					t.Fatalf("ID number not masked: %s", r.Body)
				}
			}
		})
	}
}

func TestEmployeeConflicts(t *testing.T) {
	b := employeeBody("DUP-1")
	if r := env.Do(t, "POST", "/api/v1/employees", env.A.Key, b); r.Status != 201 {
		t.Fatalf("first: %d %s", r.Status, r.Body)
	}
	if r := env.Do(t, "POST", "/api/v1/employees", env.A.Key, b); r.Status != 409 || r.Code() != "employee_exists" {
		t.Fatalf("duplicate external_id: %d %s", r.Status, r.Body)
	}
	b2 := employeeBody("DUP-2")
	b2["national_id"] = b["national_id"]
	if r := env.Do(t, "POST", "/api/v1/employees", env.A.Key, b2); r.Status != 409 || r.Code() != "national_id_exists" {
		t.Fatalf("duplicate national_id: %d %s", r.Status, r.Body)
	}
	// The same person may work for another employer: no leak across tenants.
	if r := env.Do(t, "POST", "/api/v1/employees", env.B.Key, b); r.Status != 201 {
		t.Fatalf("other tenant, same person: %d %s", r.Status, r.Body)
	}
}

func TestEmployeeGetPatchList(t *testing.T) {
	id := createEmployee(t, env.A.Key)
	if r := env.Do(t, "GET", "/api/v1/employees/"+id, env.A.Key, nil); r.Status != 200 || r.Header["Cache-Control"] != "no-store" {
		t.Fatalf("get200: %d %v %s", r.Status, r.Header, r.Body)
	}
	r := env.Do(t, "PATCH", "/api/v1/employees/"+id, env.A.Key, map[string]any{"name": "乌兰图雅", "contract_end": nil})
	if r.Status != 200 || r.JSON(t)["name"] != "乌兰图雅" || r.JSON(t)["contract_end"] != nil {
		t.Fatalf("patch200: %d %s", r.Status, r.Body)
	}
	if r := env.Do(t, "PATCH", "/api/v1/employees/"+id, env.A.Key, map[string]any{"gender": "x"}); r.Status != 400 {
		t.Fatalf("patch400: %d %s", r.Status, r.Body)
	}
	ext := env.Do(t, "GET", "/api/v1/employees/"+id, env.A.Key, nil).JSON(t)["external_id"].(string)
	r = env.Do(t, "GET", "/api/v1/employees?external_id="+ext, env.A.Key, nil)
	if items := r.JSON(t)["items"].([]any); len(items) != 1 {
		t.Fatalf("lookup by external_id: %s", r.Body)
	}
	if r := env.Do(t, "GET", "/api/v1/employees?external_id="+ext, env.B.Key, nil); len(r.JSON(t)["items"].([]any)) != 0 {
		t.Fatalf("tenant B found A's employee by external_id: %s", r.Body)
	}
	if r := env.Do(t, "GET", "/api/v1/employees?limit=0", env.A.Key, nil); r.Status != 400 {
		t.Fatalf("limit 0: %d", r.Status)
	}
	if r := env.Do(t, "GET", "/api/v1/employees?cursor=!!", env.A.Key, nil); r.Status != 400 {
		t.Fatalf("bad cursor: %d", r.Status)
	}
}

func TestEmployeePagination(t *testing.T) {
	key := env.B.Key
	for i := 0; i < 5; i++ {
		createEmployee(t, key)
	}
	seen := map[string]bool{}
	cursor := ""
	for pages := 0; pages < 50; pages++ {
		r := env.Do(t, "GET", "/api/v1/employees?limit=2&cursor="+cursor, key, nil)
		m := r.JSON(t)
		for _, it := range m["items"].([]any) {
			id := it.(map[string]any)["id"].(string)
			if seen[id] {
				t.Fatalf("employee %s on two pages", id)
			}
			seen[id] = true
		}
		next, _ := m["next_cursor"].(string)
		if next == "" {
			break
		}
		cursor = next
	}
	if len(seen) < 5 {
		t.Fatalf("paged through %d employees, want at least 5", len(seen))
	}
}

// TestEmployeeCrossTenant: every employee route called by tenant A with
// tenant B's id answers 404 and carries none of B's data.
func TestEmployeeCrossTenant(t *testing.T) {
	idB := createEmployee(t, env.B.Key)
	for _, c := range []struct{ method, path string }{
		{"GET", "/api/v1/employees/" + idB},
		{"PATCH", "/api/v1/employees/" + idB},
	} {
		r := env.Do(t, c.method, c.path, env.A.Key, map[string]any{"name": "x"})
		if r.Status != 404 || strings.Contains(string(r.Body), idB) {
			t.Errorf("%s %s as A: %d %s", c.method, c.path, r.Status, r.Body)
		}
	}
	if r := env.Do(t, "GET", "/api/v1/employees/not-a-uuid", env.A.Key, nil); r.Status != 404 {
		t.Errorf("malformed id: %d", r.Status)
	}
}

func TestAuthAndRoles(t *testing.T) {
	if r := env.Do(t, "GET", "/api/v1/employees", "", nil); r.Status != 401 || r.Code() != "unauthenticated" {
		t.Fatalf("no key: %d %s", r.Status, r.Body)
	}
	forged := "lg_" + strings.ReplaceAll(env.A.ID, "-", "") + "_" + strings.Repeat("A", 43)
	if r := env.Do(t, "GET", "/api/v1/employees", forged, nil); r.Status != 401 {
		t.Fatalf("forged key: %d", r.Status)
	}
	auditor := newKey(t, env.A.ID, "auditor")
	if r := env.Do(t, "GET", "/api/v1/employees", auditor, nil); r.Status != 200 {
		t.Fatalf("auditor read: %d", r.Status)
	}
	if r := env.Do(t, "POST", "/api/v1/employees", auditor, employeeBody("AUD-1")); r.Status != 403 || r.Code() != "forbidden" {
		t.Fatalf("auditor write: %d %s", r.Status, r.Body)
	}
}
