package webhooks_test

import (
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"leaveguard/app/apptest"
	"leaveguard/app/pii"
	"leaveguard/app/signature"
)

var env *apptest.Env

func TestMain(m *testing.M) {
	var err error
	env, err = apptest.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, "webhook tests need PostgreSQL and Redis (make test starts them):", err)
		os.Exit(1)
	}
	code := m.Run()
	env.Close()
	os.Exit(code)
}

var seq atomic.Int64

// nationalID returns a valid ID number not used before in this package.
func nationalID() string {
	n := int(seq.Add(1))
	birth := fmt.Sprintf("19%02d%02d%02d", 60+n/(28*12*1000)%40, n/(28*1000)%12+1, n/1000%28+1)
	return pii.MakeNationalID("152201", birth, n%1000)
}

// integration creates an integration in the tenant of key and returns its
// id, webhook path and secret.
func integration(t testing.TB, key string) (id, path, secret string) {
	t.Helper()
	r := env.Do(t, "POST", "/api/v1/integrations", key, map[string]any{"name": "工资系统"})
	if r.Status != 201 {
		t.Fatalf("create integration: %d %s", r.Status, r.Body)
	}
	m := r.JSON(t)
	return m["id"].(string), m["webhook_path"].(string), m["secret"].(string)
}

// signed returns the Standard Webhooks headers for body signed with secret
// at ts.
func signed(t testing.TB, secret, msgID string, ts time.Time, body []byte) []string {
	t.Helper()
	sig, err := signature.Sign(secret, msgID, ts, body)
	if err != nil {
		t.Fatal(err)
	}
	return []string{signature.HeaderID, msgID, signature.HeaderTimestamp, strconv.FormatInt(ts.Unix(), 10),
		signature.HeaderSignature, sig}
}

// post sends a webhook signed with secret now.
func post(t testing.TB, path, secret, msgID string, body []byte) apptest.Response {
	t.Helper()
	return env.Do(t, "POST", path, "", body, signed(t, secret, msgID, time.Now(), body)...)
}

// upsertBody is an employee.upserted webhook for external id ext.
func upsertBody(ext string) []byte {
	return []byte(fmt.Sprintf(`{"type":"employee.upserted","timestamp":"2025-03-01T08:00:00Z","data":{"external_id":%q,"name":"乌兰","gender":"female","national_id":%q,"hired_on":"2020-03-01","contract_end":"2027-02-28","monthly_wage_fen":720000,"maternity_insured":true}}`,
		ext, nationalID()))
}
