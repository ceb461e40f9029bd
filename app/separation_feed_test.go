package app_test

import (
	"context"
	"testing"

	"leaveguard/leave"
)

// TestSeparationFeedAndAlerts: a former employee's last feed line says so,
// she has none after her last month, and the daily protection job raises
// no alert for her while a colleague in the same situation gets hers.
func TestSeparationFeedAndAlerts(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	tn := freshTenant(t)
	gone, _ := protectedMother(t, tn.Key)
	stays, _ := protectedMother(t, tn.Key)
	mustDo(t, 201, "POST", "/api/v1/employees/"+gone+"/separation", tn.Key, map[string]any{"last_day": "2026-12-31", "kind": "resignation"})

	if l := feedLines(t, tn.Key, "2026-11", "1")[gone]; l == nil || l["separated_on"] != nil {
		t.Fatalf("November line: %v", l)
	}
	if l := feedLines(t, tn.Key, "2026-12", "1")[gone]; l == nil || l["separated_on"] != "2026-12-31" {
		t.Fatalf("last line: %v", l)
	}
	jan := feedLines(t, tn.Key, "2027-01", "1")
	if jan[gone] != nil || jan[stays] == nil {
		t.Fatalf("January lines: %v", jan)
	}

	if _, err := env.Cases().RunProtectionJob(context.Background(), leave.MustDate("2027-02-03")); err != nil {
		t.Fatal(err)
	}
	count := func(id string) int {
		var kinds []string
		env.Query(t, tn.ID, &kinds, `SELECT type FROM outbox_events WHERE payload->>'employee_id' = $1
			AND type LIKE 'protection.%'`, id)
		return len(kinds)
	}
	if count(gone) != 0 || count(stays) == 0 {
		t.Fatalf("protection alerts: former %d, employed %d", count(gone), count(stays))
	}
}
