package app_test

import (
	"testing"
)

// TestAuditVerify: GET /audit-log/verify recomputes the tenant's chains —
// intact, then, after a superuser edits one entry, broken at that entry —
// records that it ran, and is for admins and auditors only.
func TestAuditVerify(t *testing.T) {
	tn := freshTenant(t)
	for i := 0; i < 3; i++ {
		staff(t, tn.Key, "female", 600000, true)
	}
	v := mustDo(t, 200, "GET", "/api/v1/audit-log/verify", newKey(t, tn.ID, "auditor"), nil)
	if v["intact"] != true || v["first_broken_seq"] != nil {
		t.Fatalf("fresh chains: %v", v)
	}
	if r := env.Do(t, "GET", "/api/v1/audit-log/verify", newKey(t, tn.ID, "hr"), nil); r.Status != 403 {
		t.Fatalf("hr key: %d %s", r.Status, r.Body)
	}
	var seqs []int64
	env.Query(t, tn.ID, &seqs, `SELECT seq FROM audit_log WHERE action = 'employee.create' ORDER BY seq`)
	admin, err := env.DB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`UPDATE audit_log SET detail = '{}' WHERE tenant_id = $1 AND seq = $2`, tn.ID, seqs[1]); err != nil {
		t.Fatal(err)
	}
	v = mustDo(t, 200, "GET", "/api/v1/audit-log/verify", tn.Key, nil)
	if v["intact"] != false || v["first_broken_seq"] != float64(seqs[1]) {
		t.Fatalf("tampered entry %d: %v", seqs[1], v)
	}
	var runs []int
	env.Query(t, tn.ID, &runs, `SELECT count(*) FROM audit_log WHERE action = 'audit.verify'`)
	if runs[0] != 2 {
		t.Fatalf("%d verifications audited, want 2", runs[0])
	}
}
