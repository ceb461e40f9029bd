package app_test

import (
	"context"
	"encoding/json"
	"testing"

	"leaveguard/app/cases"
	"leaveguard/leave"
	"leaveguard/pdf"
)

// oldNotice writes a notice as the daily job raised it under the old rules
// (protection from the report, 1st birthday excluded).
func oldNotice(t *testing.T, tenant, employee, kind, from string, detail map[string]any) {
	t.Helper()
	tx, err := env.DB.App.Beginx()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback() //nolint:errcheck // committed below
	b, _ := json.Marshal(detail)
	if _, err := tx.Exec(`SELECT set_config('app.tenant_id', $1, true)`, tenant); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`INSERT INTO protection_notices (tenant_id, employee_id, kind, period_from, detail)
		VALUES ($1, $2, $3, $4, $5)`, tenant, employee, kind, from, b); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

type standing struct {
	Kind    string `db:"kind"`
	Version int    `db:"version"`
	Detail  string `db:"detail"`
}

func standingNotices(t *testing.T, tenant, employee string) map[string]standing {
	t.Helper()
	var rows []standing
	env.Query(t, tenant, &rows, `SELECT kind, version, detail::text AS detail FROM protection_notices
		WHERE employee_id = $1 AND superseded_at IS NULL ORDER BY kind`, employee)
	out := map[string]standing{}
	for _, r := range rows {
		if _, dup := out[r.Kind]; dup {
			t.Fatalf("two standing %s notices: %v", r.Kind, rows)
		}
		out[r.Kind] = r
	}
	return out
}

func field(t *testing.T, s standing, key string) any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s.Detail), &m); err != nil {
		t.Fatal(err)
	}
	return m[key]
}

// TestDailyJobCorrectsOldRuleNotices: notices raised under the old rules
// (protected until the day before the 1st birthday) are corrected by the
// daily job: the old one superseded, a corrected event raised, one answer
// standing; an ended notice raised a day early is retracted and raised
// again when protection really ends.
func TestDailyJobCorrectsOldRuleNotices(t *testing.T) {
	tn := freshTenant(t)
	id, _ := protectedMother(t, tn.Key) // contract to 2027-02-28, child born 2026-10-01
	old := map[string]any{"employee_id": id, "protected_from": "2026-03-01", "protected_until": "2027-09-30",
		"protected_until_estimated": false}
	oldNotice(t, tn.ID, id, "protection.started", "2026-03-01", old)
	oldNotice(t, tn.ID, id, "contract.extension_required", "2026-03-01", map[string]any{"employee_id": id,
		"contract_end": "2027-02-28", "extended_contract_end": "2027-09-30", "protected_until_estimated": false})
	cs := &cases.Cases{Store: env.Store, Rules: leave.DefaultRuleBook(), Calendar: leave.NewCalendar()}
	ctx := context.Background()
	for _, day := range []string{"2027-01-10", "2027-01-11"} {
		if _, err := cs.RunProtectionJob(ctx, leave.MustDate(day)); err != nil {
			t.Fatal(err)
		}
	}
	now := standingNotices(t, tn.ID, id)
	if x := now["contract.extension_required"]; x.Version != 2 || field(t, x, "extended_contract_end") != "2027-10-01" {
		t.Fatalf("extension notice not corrected: %+v", now)
	}
	if s := now["protection.started"]; field(t, s, "protected_until") != "2027-10-01" {
		t.Fatalf("started notice not corrected: %+v", now)
	}
	var events []string
	env.Query(t, tn.ID, &events, `SELECT payload->'previous'->>'extended_contract_end' FROM outbox_events
		WHERE type = 'contract.extension_required' AND payload->>'employee_id' = $1 AND payload->>'correction' = 'true'`, id)
	if len(events) != 1 || events[0] != "2027-09-30" {
		t.Fatalf("corrected extension events: %v", events)
	}

	// An ended notice raised on the 1st birthday under the old rules.
	oldNotice(t, tn.ID, id, "protection.ended", "2026-03-01", old)
	if _, err := cs.RunProtectionJob(ctx, leave.MustDate("2027-10-01")); err != nil {
		t.Fatal(err)
	}
	if _, ok := standingNotices(t, tn.ID, id)["protection.ended"]; ok {
		t.Fatal("protection.ended still stands on the 1st birthday, the last protected day")
	}
	if _, err := cs.RunProtectionJob(ctx, leave.MustDate("2027-10-02")); err != nil {
		t.Fatal(err)
	}
	if e, ok := standingNotices(t, tn.ID, id)["protection.ended"]; !ok || field(t, e, "protected_until") != "2027-10-01" {
		t.Fatalf("protection.ended not raised after the birthday: %+v", e)
	}
	var retracted []int
	env.Query(t, tn.ID, &retracted, `SELECT count(*) FROM outbox_events WHERE type = 'protection.ended'
		AND payload->>'employee_id' = $1 AND payload->>'retracted' = 'true'`, id)
	if retracted[0] != 1 {
		t.Fatalf("retraction events: %v", retracted)
	}
}

// TestExtensionNoticeReissuedWhenDatesMove: a corrected birth date moves the
// extended contract end; the job corrects the notice and the issued
// extension notice is re-issued as version 2 (once).
func TestExtensionNoticeReissuedWhenDatesMove(t *testing.T) {
	needPDF(t)
	tn := freshTenant(t)
	id, _ := protectedMother(t, tn.Key)
	if r := env.Do(t, "GET", "/api/v1/employees/"+id+"/contract-extension-notice.pdf", tn.Key, nil); r.Status != 200 {
		t.Fatalf("extension notice: %d %s", r.Status, r.Body)
	}
	cs := &cases.Cases{Store: env.Store, Rules: leave.DefaultRuleBook(), Calendar: leave.NewCalendar()}
	ctx := context.Background()
	if _, err := cs.RunProtectionJob(ctx, leave.MustDate("2027-01-10")); err != nil {
		t.Fatal(err)
	}
	ev := mustDo(t, 200, "GET", "/api/v1/employees/"+id+"/events", tn.Key, nil)
	birthID := ev["births"].([]any)[0].(map[string]any)["id"].(string)
	mustDo(t, 200, "PUT", "/api/v1/births/"+birthID, tn.Key, map[string]any{"birth_date": "2026-10-05", "child_order": 1})
	if _, err := cs.RunProtectionJob(ctx, leave.MustDate("2027-01-11")); err != nil {
		t.Fatal(err)
	}
	if x := standingNotices(t, tn.ID, id)["contract.extension_required"]; field(t, x, "extended_contract_end") != "2027-10-05" {
		t.Fatalf("extension notice after the correction: %+v", x)
	}
	font, err := pdf.LoadFont(pdf.DefaultFontPath)
	if err != nil {
		t.Skip(err)
	}
	filer := &cases.Filings{Cases: cs, PDF: pdf.NewRenderer(font)}
	for run := 1; run <= 2; run++ { // the second run finds nothing changed
		k, err := filer.ReissueExtensionNotices(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var versions []int
		env.Query(t, tn.ID, &versions, `SELECT version FROM filings WHERE kind = 'contract_extension' AND subject_id = $1 ORDER BY version`, id)
		if len(versions) != 2 || (run == 1 && k < 1) {
			t.Fatalf("re-issue run %d: %d notices, versions %v", run, k, versions)
		}
	}
}
