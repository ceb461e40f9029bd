package app_test

import (
	"context"
	"sync"
	"testing"

	"leaveguard/leave"
)

// protectedMother is a female employee (contract to 2027-02-28) who reported
// a pregnancy on 2026-03-01 and gave birth to her first child on 2026-10-01:
// protected until 2027-10-01, her child's first birthday (inclusive).
func protectedMother(t *testing.T, key string) (id, ext string) {
	t.Helper()
	b := employeeBody("P-" + validID()[10:17])
	b["contract_end"] = "2027-02-28"
	r := env.Do(t, "POST", "/api/v1/employees", key, b)
	if r.Status != 201 {
		t.Fatalf("employee: %s", r.Body)
	}
	id, ext = r.JSON(t)["id"].(string), r.JSON(t)["external_id"].(string)
	env.ProtectedMother(t, key, id)
	return id, ext
}

func hasReason(m map[string]any, code string) bool {
	for _, r := range m["reasons"].([]any) {
		if r.(map[string]any)["code"] == code {
			return true
		}
	}
	return false
}

func TestDismissalVerdicts(t *testing.T) {
	id, ext := protectedMother(t, env.A.Key)
	man := male(t, env.A.Key)
	cases := []struct {
		name    string
		body    map[string]any
		status  int
		verdict string
		check   func(m map[string]any) bool
	}{
		{"art40Prohibited", map[string]any{"employee_id": id, "action": "termination", "ground": "art40", "effective_date": "2026-12-01"}, 200, "prohibited",
			func(m map[string]any) bool {
				return m["protected_until"] == "2027-10-01" && m["allowed_from"] == "2027-10-02" && hasReason(m, "double_severance_risk")
			}},
		{"art41Prohibited", map[string]any{"external_id": ext, "action": "termination", "ground": "art41", "effective_date": "2026-12-01"}, 200, "prohibited", nil},
		{"art39Review", map[string]any{"employee_id": id, "action": "termination", "ground": "art39", "effective_date": "2026-12-01"}, 200, "requires_review", nil},
		{"nonRenewalExtends", map[string]any{"employee_id": id, "action": "non_renewal", "effective_date": "2027-02-28"}, 200, "extend_contract",
			func(m map[string]any) bool { return m["extended_contract_end"] == "2027-10-01" }},
		{"wageCutProhibited", map[string]any{"employee_id": id, "action": "wage_reduction", "effective_date": "2026-12-01"}, 200, "prohibited", nil},
		{"firstBirthdayProhibited", map[string]any{"employee_id": id, "action": "termination", "ground": "art40", "effective_date": "2027-10-01"}, 200, "prohibited", nil},
		{"dayAfterFirstBirthdayAllowed", map[string]any{"employee_id": id, "action": "termination", "ground": "art40", "effective_date": "2027-10-02"}, 200, "allowed", nil},
		{"art44BankruptcyReview", map[string]any{"employee_id": id, "action": "termination", "ground": "art44_bankruptcy", "effective_date": "2026-12-01"}, 200, "requires_review",
			func(m map[string]any) bool { return hasReason(m, "art46_severance_due") }},
		{"art44RetirementAllowedOutside", map[string]any{"employee_id": id, "action": "termination", "ground": "art44_retirement", "effective_date": "2027-10-02"}, 200, "allowed", nil},
		{"maleAllowed", map[string]any{"employee_id": man, "action": "termination", "ground": "art40", "effective_date": "2026-12-01"}, 200, "allowed", nil},
		{"mutualReview", map[string]any{"employee_id": id, "action": "mutual_agreement", "effective_date": "2026-12-01"}, 200, "requires_review", nil},
		{"badAction400", map[string]any{"employee_id": id, "action": "fire", "effective_date": "2026-12-01"}, 400, "", nil},
		{"noEmployee400", map[string]any{"action": "termination", "ground": "art40", "effective_date": "2026-12-01"}, 400, "", nil},
		{"unknownExternal404", map[string]any{"external_id": "nobody", "action": "demotion", "effective_date": "2026-12-01"}, 404, "", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := env.Do(t, "POST", "/api/v1/dismissal-checks", env.A.Key, tc.body)
			if r.Status != tc.status {
				t.Fatalf("status %d want %d: %s", r.Status, tc.status, r.Body)
			}
			if tc.verdict == "" {
				return
			}
			m := r.JSON(t)
			if m["verdict"] != tc.verdict || m["id"] == nil || len(m["reasons"].([]any)) == 0 {
				t.Fatalf("verdict %v want %s: %s", m["verdict"], tc.verdict, r.Body)
			}
			if tc.check != nil && !tc.check(m) {
				t.Fatalf("check failed: %s", r.Body)
			}
		})
	}
	r := env.Do(t, "GET", "/api/v1/dismissal-checks?employee_id="+id, env.A.Key, nil)
	items := r.JSON(t)["items"].([]any)
	if len(items) != 10 { // the ten 200 checks of the employee above
		t.Fatalf("history has %d checks: %s", len(items), r.Body)
	}
	first := items[0].(map[string]any)["id"].(string)
	if r := env.Do(t, "GET", "/api/v1/dismissal-checks/"+first, env.A.Key, nil); r.Status != 200 {
		t.Fatalf("get check: %d", r.Status)
	}
	var n []int
	env.Query(t, env.A.ID, &n, `SELECT count(*) FROM outbox_events WHERE type = 'dismissal_check.completed' AND payload->>'employee_id' = $1`, id)
	if n[0] != 10 {
		t.Fatalf("%d dismissal_check.completed events, want 10", n[0])
	}
	// Tenant B sees none of it.
	for _, p := range []string{"/api/v1/dismissal-checks/" + first, "/api/v1/dismissal-checks?employee_id=" + id} {
		if r := env.Do(t, "GET", p, env.B.Key, nil); r.Status != 404 {
			t.Errorf("B GET %s: %d %s", p, r.Status, r.Body)
		}
	}
	if r := env.Do(t, "POST", "/api/v1/dismissal-checks", env.B.Key, map[string]any{"employee_id": id, "action": "demotion", "effective_date": "2026-12-01"}); r.Status != 404 {
		t.Errorf("B check of A's employee: %d", r.Status)
	}
	if r := env.Do(t, "POST", "/api/v1/dismissal-checks", env.B.Key, map[string]any{"external_id": ext, "action": "demotion", "effective_date": "2026-12-01"}); r.Status != 404 {
		t.Errorf("B check by A's external id: %d", r.Status)
	}
}

func TestWageCutRefusedAndOverride(t *testing.T) {
	env.SetToday(t, "2026-11-28") // inside the protection of protectedMother's 2026-10-01 birth
	id, _ := protectedMother(t, env.A.Key)
	r := env.Do(t, "PATCH", "/api/v1/employees/"+id, env.A.Key, map[string]any{"monthly_wage_fen": 500000})
	if r.Status != 422 || r.Code() != "wage_reduction_prohibited" {
		t.Fatalf("cut: %d %s", r.Status, r.Body)
	}
	hr := newKey(t, env.A.ID, "hr")
	r = env.Do(t, "PATCH", "/api/v1/employees/"+id, hr, map[string]any{"monthly_wage_fen": 500000, "wage_reduction_override_reason": "员工本人书面申请调岗至较轻岗位"})
	if r.Status != 422 {
		t.Fatalf("hr override: %d %s", r.Status, r.Body)
	}
	r = env.Do(t, "PATCH", "/api/v1/employees/"+id, env.A.Key, map[string]any{"monthly_wage_fen": 500000, "wage_reduction_override_reason": "员工本人书面申请调岗至较轻岗位，经工会同意"})
	if r.Status != 200 || num(r.JSON(t)["monthly_wage_fen"]) != 500000 {
		t.Fatalf("admin override: %d %s", r.Status, r.Body)
	}
	if r := env.Do(t, "PATCH", "/api/v1/employees/"+id, env.A.Key, map[string]any{"monthly_wage_fen": 600000}); r.Status != 200 {
		t.Fatalf("raise: %d", r.Status)
	}
	var rows []struct {
		Overridden bool `db:"overridden"`
	}
	env.Query(t, env.A.ID, &rows, `SELECT overridden FROM wage_violation_attempts WHERE employee_id = $1 ORDER BY created_at`, id)
	if len(rows) != 3 || rows[0].Overridden || rows[1].Overridden || !rows[2].Overridden {
		t.Fatalf("violation attempts: %+v", rows)
	}
	var audits []string
	env.Query(t, env.A.ID, &audits, `SELECT action FROM audit_log WHERE object_id = $1 AND action LIKE 'wage_reduction.%' ORDER BY seq`, id)
	if len(audits) != 3 || audits[2] != "wage_reduction.override" {
		t.Fatalf("audit: %v", audits)
	}
}

func TestContractExtensionsAndDailyJob(t *testing.T) {
	id, _ := protectedMother(t, env.B.Key)
	r := env.Do(t, "GET", "/api/v1/alerts/contract-extensions?as_of=2026-11-28", env.B.Key, nil)
	found := false
	for _, it := range r.JSON(t)["items"].([]any) {
		m := it.(map[string]any)
		found = found || (m["employee_id"] == id && m["extended_contract_end"] == "2027-10-01")
	}
	if !found {
		t.Fatalf("watch-list lacks the employee: %s", r.Body)
	}
	if r := env.Do(t, "GET", "/api/v1/alerts/contract-extensions", env.A.Key, nil); len(r.JSON(t)["items"].([]any)) > 0 {
		for _, it := range r.JSON(t)["items"].([]any) {
			if it.(map[string]any)["employee_id"] == id {
				t.Fatal("tenant A sees B's employee on its watch-list")
			}
		}
	}
	cs := env.Cases()
	ctx := context.Background()
	for _, day := range []string{"2027-01-10", "2027-01-10", "2027-01-11"} {
		var wg sync.WaitGroup
		for w := 0; w < 2; w++ { // two instances at once
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := cs.RunProtectionJob(ctx, leave.MustDate(day)); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
	}
	var kinds []string
	env.Query(t, env.B.ID, &kinds, `SELECT type FROM outbox_events WHERE payload->>'employee_id' = $1
		AND type IN ('protection.started', 'protection.ended', 'contract.extension_required') ORDER BY type`, id)
	if len(kinds) != 2 || kinds[0] != "contract.extension_required" || kinds[1] != "protection.started" {
		t.Fatalf("events raised: %v", kinds)
	}
}
