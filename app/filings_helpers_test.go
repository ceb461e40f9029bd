package app_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"leaveguard/app"
	"leaveguard/app/apptest"

	"leaveguard/internal/testutil"
)

// wantText fails for each phrase missing from text (white space ignored).
func wantText(t *testing.T, text string, phrases ...string) {
	t.Helper()
	f := testutil.Flat(text)
	for _, p := range phrases {
		if !strings.Contains(f, testutil.Flat(p)) {
			t.Errorf("PDF text lacks %q", p)
		}
	}
}

// needPDF skips (or fails in CI) when the server has no font.
func needPDF(t *testing.T) {
	t.Helper()
	if r := env.Do(t, "GET", "/readyz", "", nil); !strings.Contains(string(r.Body), `"pdf_font":"ok"`) {
		testutil.Need(t, "the CJK font (apt-get install fonts-droid-fallback): "+string(r.Body))
	}
}

// filingTenant creates a fresh tenant with a name and credit code, so
// its documents and exports hold only what a test put there.
func filingTenant(t testing.TB, name, credit string) apptest.Tenant {
	t.Helper()
	n := seq.Add(1)
	res, err := app.CreateTenant(context.Background(), env.DB.App, app.NewTenant{Name: name, Region: "CN-NM-XAM",
		CreditCode: credit, AdminEmail: fmt.Sprintf("filings%d@example.com", n), AdminPassword: "correct horse battery"})
	if err != nil {
		t.Fatal(err)
	}
	return apptest.Tenant{ID: res.TenantID, Key: res.APIKey}
}

// hire creates an employee; contractEnd "" means none. It returns her id
// and masked ID number; lastID is her full ID number.
func hire(t testing.TB, key, ext, name, gender, contractEnd string) (id, masked string) {
	t.Helper()
	lastID = validID()
	b := map[string]any{"external_id": ext, "name": name, "gender": gender, "national_id": lastID,
		"hired_on": "2020-03-01", "monthly_wage_fen": 850000, "maternity_insured": true}
	if contractEnd != "" {
		b["contract_end"] = contractEnd
	}
	r := env.Do(t, "POST", "/api/v1/employees", key, b)
	if r.Status != 201 {
		t.Fatalf("employee %s: %d %s", ext, r.Status, r.Body)
	}
	m := r.JSON(t)
	return m["id"].(string), m["national_id_masked"].(string)
}

// lastID is the full ID number of the employee hire created last.
var lastID string

// post sends a POST and fails unless it answers want.
func post(t testing.TB, want int, path, key string, body any) map[string]any {
	t.Helper()
	r := env.Do(t, "POST", path, key, body)
	if r.Status != want {
		t.Fatalf("POST %s: %d (want %d) %s", path, r.Status, want, r.Body)
	}
	return r.JSON(t)
}

// grantLeave submits and approves a leave request, returning its id.
func grantLeave(t testing.TB, key, emp, typ, start string, days int) string {
	t.Helper()
	m := post(t, 201, "/api/v1/leave-requests", key, map[string]any{"employee_id": emp, "leave_type": typ, "start": start, "days": days})
	id := m["id"].(string)
	post(t, 200, "/api/v1/leave-requests/"+id+"/approve", key, map[string]any{})
	return id
}
