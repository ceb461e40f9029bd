package faults_test

import (
	"encoding/json"
	"strconv"
	"sync"
	"testing"
	"time"

	"leaveguard/app/apptest"
	"leaveguard/app/pii"
	"leaveguard/app/signature"
)

// fixture holds ids the fuzzed routes take: a mother with a birth, a
// submitted leave request, a claim and an integration.
type fixture struct {
	Employee, Birth, Leave, Claim, Integration, Secret string
}

var (
	fixOnce sync.Once
	fix     fixture
)

// fixtures creates the fixture once per process.
func fixtures(t *testing.T) (*apptest.Env, fixture) {
	env := sharedEnv(t)
	fixOnce.Do(func() {
		key := env.A.Key
		emp := env.Do(t, "POST", "/api/v1/employees", key, map[string]any{"external_id": "FUZZ-1", "name": "模糊测试",
			"gender": "female", "national_id": pii.MakeNationalID("110105", "19930505", 2), "hired_on": "2019-01-01",
			"contract_end": nil, "monthly_wage_fen": 900000, "maternity_insured": true})
		fix.Employee = field(emp, "id")
		fix.Birth = field(env.Do(t, "POST", "/api/v1/employees/"+fix.Employee+"/births", key,
			map[string]any{"birth_date": "2025-03-01", "child_order": 1}), "id")
		fix.Leave = field(env.Do(t, "POST", "/api/v1/leave-requests", key, map[string]any{"employee_id": fix.Employee,
			"leave_type": "parental", "start": "2026-06-01", "days": 1}), "id")
		fix.Claim = field(env.Do(t, "POST", "/api/v1/allowance-claims", key, map[string]any{"birth_id": fix.Birth}), "id")
		in := env.Do(t, "POST", "/api/v1/integrations", key, map[string]any{"name": "模糊测试工资系统"})
		fix.Integration, fix.Secret = field(in, "id"), field(in, "secret")
	})
	if fix.Employee == "" {
		t.Fatal("fuzz fixture could not be created")
	}
	return env, fix
}

// field reads a string field of a JSON object response ("" if absent).
func field(r apptest.Response, name string) string {
	var m map[string]any
	_ = json.Unmarshal(r.Body, &m)
	s, _ := m[name].(string)
	return s
}

// fuzzBody fuzzes the JSON body of method path(fixture): whatever the
// body, the answer is never a 5xx, and a 4xx has the error shape.
func fuzzBody(f *testing.F, method string, path func(fixture) string, seeds ...string) {
	for _, s := range append(seeds, ``, `{}`, `null`, `[]`, `"x"`, `{"a":`, `{"id": 1e999}`, "\x00\xff") {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		env, fx := fixtures(t)
		res := env.Do(t, method, path(fx), env.A.Key, body)
		checkAnswer(t, env, res, body)
	})
}

// checkAnswer fails on a 5xx (quoting the server's logged cause) or an
// error without the error shape.
func checkAnswer(t *testing.T, env *apptest.Env, res apptest.Response, body []byte) {
	t.Helper()
	if res.Status >= 500 {
		logs := env.Logs.String()
		t.Fatalf("%d for body %q: %s\nserver log: %s", res.Status, body, res.Body, logs[max(0, len(logs)-600):])
	}
	if res.Status >= 400 && res.Code() == "" {
		t.Fatalf("%d without the error shape for body %q: %s", res.Status, body, res.Body)
	}
}

// FuzzWebhookBody fuzzes a correctly signed webhook's body, so the fuzzer
// reaches the parsing behind the signature check.
func FuzzWebhookBody(f *testing.F) {
	for _, s := range []string{`{"type": "employee.upserted", "data": {"external_id": "W1", "name": "张三", "gender": "male",
		"national_id": "110105199001010010", "hired_on": "2024-01-01", "monthly_wage_fen": 1, "maternity_insured": false}}`,
		`{"type": "wage.changed", "data": {"external_id": "FUZZ-1", "monthly_wage_fen": 900000, "effective_date": "2026-01-01"}}`,
		`{"type": "employee.termination_proposed", "data": {"external_id": "FUZZ-1", "effective_date": "2026-01-01"}}`,
		`{"type": "x"}`, `{"data": {}}`, `{}`, `[]`} {
		f.Add([]byte(s), uint16(1))
	}
	f.Fuzz(func(t *testing.T, body []byte, n uint16) {
		env, fx := fixtures(t)
		if fx.Integration == "" {
			t.Skip("no payroll integrations yet")
		}
		id := "msg_fuzz_" + strconv.Itoa(int(n))
		now := time.Now()
		sig, err := signature.Sign(fx.Secret, id, now, body)
		if err != nil {
			t.Fatal(err)
		}
		res := env.Do(t, "POST", "/webhooks/payroll/"+fx.Integration, "", body, signature.HeaderID, id,
			signature.HeaderTimestamp, strconv.FormatInt(now.Unix(), 10), signature.HeaderSignature, sig)
		checkAnswer(t, env, res, body)
	})
}
