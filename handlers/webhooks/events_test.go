package webhooks_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func msgID() string { return fmt.Sprintf("msg_%d", seq.Add(1)) }

// TestInvalidAndIgnored: malformed or invalid webhooks → 400 with field
// errors, logged for the admin, nothing applied (a corrected retry of the
// same webhook-id is processed); unknown types → 202 ignored, logged.
func TestInvalidAndIgnored(t *testing.T) {
	id, path, secret := integration(t, env.A.Key)
	badGender := strings.Replace(string(upsertBody("INV-1")), `"female"`, `"other"`, 1)
	cases := []struct {
		name, body, code, field string
	}{
		{"malformed JSON", `{"type":"employee.upserted","data":`, "bad_json", ""},
		{"not an object", `[1,2]`, "bad_json", ""},
		{"missing type", `{"data":{}}`, "validation_failed", "type"},
		{"missing data", `{"type":"employee.upserted"}`, "validation_failed", "data"},
		{"unknown field", `{"type":"employee.upserted","data":{"external_id":"X","salary":1}}`, "validation_failed", "data.salary"},
		{"wrong type", `{"type":"employee.upserted","data":{"external_id":"X","monthly_wage_fen":"7200"}}`, "validation_failed", "data.monthly_wage_fen"},
		{"bad gender", badGender, "validation_failed", "data.gender"},
		{"NUL in a string", `{"type":"employee.upserted","data":{"external_id":"X\u0000"}}`, "validation_failed", "data.external_id"},
		{"NUL in the type", `{"type":"wage\u0000","data":{}}`, "validation_failed", "type"},
		{"wage unknown employee", `{"type":"wage.changed","data":{"external_id":"NOBODY","monthly_wage_fen":1,"effective_date":"2025-01-01"}}`, "validation_failed", "data.external_id"},
		{"wage bad date", `{"type":"wage.changed","data":{"external_id":"X","monthly_wage_fen":1,"effective_date":"2025-02-30"}}`, "validation_failed", "data.effective_date"},
	}
	retryID := ""
	for _, c := range cases {
		mid := msgID()
		if c.name == "bad gender" {
			retryID = mid
		}
		r := post(t, path, secret, mid, []byte(c.body))
		if r.Status != 400 || r.Code() != c.code {
			t.Errorf("%s: %d %s", c.name, r.Status, r.Body)
			continue
		}
		if c.field != "" {
			fields, _ := r.JSON(t)["error"].(map[string]any)["fields"].(map[string]any)
			if msg, _ := fields[c.field].(string); msg == "" {
				t.Errorf("%s: no message for %s: %s", c.name, c.field, r.Body)
			}
		}
	}
	if n := env.Count(t, `SELECT count(*) FROM employees WHERE tenant_id = $1 AND external_id = 'INV-1'`, env.A.ID); n != 0 {
		t.Fatalf("invalid webhook half-applied: %d employees", n)
	}
	if r := post(t, path, secret, retryID, upsertBody("INV-1")); r.Status != 202 {
		t.Fatalf("corrected retry of an invalid webhook-id: %d %s", r.Status, r.Body)
	}
	if r := post(t, path, secret, msgID(), []byte(`{"type":"payslip.issued","data":{"x":1}}`)); r.Status != 202 || r.JSON(t)["status"] != "ignored" {
		t.Fatalf("unknown type: %d %s", r.Status, r.Body)
	}
	r := env.Do(t, "GET", "/api/v1/integrations/"+id+"/deliveries?status=invalid", env.A.Key, nil)
	var log struct {
		Items []struct {
			Status string          `json:"status"`
			Errors json.RawMessage `json:"errors"`
		} `json:"items"`
	}
	if err := json.Unmarshal(r.Body, &log); err != nil || r.Status != 200 || len(log.Items) != len(cases) {
		t.Fatalf("invalid deliveries listed: %d %d %s", r.Status, len(log.Items), r.Body)
	}
	if !strings.Contains(string(log.Items[0].Errors), "data.effective_date") {
		t.Fatalf("newest invalid delivery lacks its field errors: %s", log.Items[0].Errors)
	}
	if strings.Contains(string(r.Body), "152201") {
		t.Fatal("the delivery log shows an ID number")
	}
	all := env.Do(t, "GET", "/api/v1/integrations/"+id+"/deliveries?limit=2", env.A.Key, nil).JSON(t)
	next, _ := all["next_cursor"].(string)
	if items := all["items"].([]any); len(items) != 2 || next == "" {
		t.Fatalf("paging: %v", all)
	}
	if r := env.Do(t, "GET", "/api/v1/integrations/"+id+"/deliveries?limit=50&cursor="+next, env.A.Key, nil); r.Status != 200 || len(r.JSON(t)["items"].([]any)) != len(cases)+2-2 {
		t.Fatalf("second page: %d %s", r.Status, r.Body)
	}
}

// TestWageChanged: the wage is applied, a duplicate is not applied twice
// and gets the first result back.
func TestWageChanged(t *testing.T) {
	_, path, secret := integration(t, env.A.Key)
	if r := post(t, path, secret, msgID(), upsertBody("WAGE-1")); r.Status != 202 {
		t.Fatalf("upsert: %d %s", r.Status, r.Body)
	}
	body := []byte(`{"type":"wage.changed","data":{"external_id":"WAGE-1","monthly_wage_fen":810000,"effective_date":"2025-04-01"}}`)
	mid := msgID()
	r := post(t, path, secret, mid, body)
	res, _ := r.JSON(t)["result"].(map[string]any)
	if r.Status != 202 || res["applied"] != true || res["employee_id"] == nil {
		t.Fatalf("wage.changed: %d %s", r.Status, r.Body)
	}
	dup := post(t, path, secret, mid, body)
	if dup.Status != 200 || dup.JSON(t)["status"] != "duplicate" || !strings.Contains(string(dup.Body), res["employee_id"].(string)) {
		t.Fatalf("duplicate: %d %s", dup.Status, dup.Body)
	}
	if n := env.Count(t, `SELECT count(*) FROM employees WHERE tenant_id = $1 AND external_id = 'WAGE-1' AND monthly_wage_fen = 810000`, env.A.ID); n != 1 {
		t.Fatal("wage not applied")
	}
	if n := env.Count(t, `SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND object_id = $2 AND action = 'employee.update'`, env.A.ID, res["employee_id"]); n != 1 {
		t.Fatalf("%d update audits, want 1", n)
	}
}

// TestUpsertUpdates: a second upsert of the same external id updates it.
func TestUpsertUpdates(t *testing.T) {
	_, path, secret := integration(t, env.A.Key)
	first := post(t, path, secret, msgID(), upsertBody("UPD-1"))
	second := post(t, path, secret, msgID(), []byte(`{"type":"employee.upserted","data":{"external_id":"UPD-1","name":"乌兰图雅"}}`))
	r1, _ := first.JSON(t)["result"].(map[string]any)
	r2, _ := second.JSON(t)["result"].(map[string]any)
	if first.Status != 202 || second.Status != 202 || r1["created"] != true || r2["created"] != false || r1["employee_id"] != r2["employee_id"] {
		t.Fatalf("upsert twice: %s / %s", first.Body, second.Body)
	}
}
