package webhooks_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"leaveguard/leave"
)

// wageChanged is a wage.changed webhook.
func wageChanged(ext string, fen int, effective string) []byte {
	return []byte(fmt.Sprintf(`{"type":"wage.changed","data":{"external_id":%q,"monthly_wage_fen":%d,"effective_date":%q}}`,
		ext, fen, effective))
}

// runDailyJob runs the daily job as of day.
func runDailyJob(t *testing.T, day string) {
	t.Helper()
	if _, err := env.Cases().RunProtectionJob(context.Background(), leave.MustDate(day)); err != nil {
		t.Fatal(err)
	}
}

func wageOf(t *testing.T, tenant, emp string) int {
	t.Helper()
	var fen []int
	env.Query(t, tenant, &fen, `SELECT monthly_wage_fen FROM employees WHERE id = $1`, emp)
	return fen[0]
}

// TestWageChangeScheduled: a change effective on a later day is kept, not
// applied, until the daily job reaches that day; a cut is judged by the
// protection on its effective day, not on the day it was announced: one
// after the protection ends is applied then, one announced before a
// pregnancy is refused on its day and recorded as a violation attempt. (The
// daily job's days only move forward, so its runs are all here, in order.)
func TestWageChangeScheduled(t *testing.T) {
	env.SetToday(t, "2026-11-28") // the story's dates: announced before 2027-02-01 and 2028-01-01
	_, path, secret := integration(t, env.A.Key)
	ext, emp := protectedMother(t, path, secret) // protected until 2027-09-30, wage 7,200 yuan
	late := scheduleBeforePregnancy(t, path, secret)

	// A cut from 2028-01-01, after the protection ends: scheduled, not applied.
	mid := msgID()
	r := post(t, path, secret, mid, wageChanged(ext, 500000, "2028-01-01"))
	res, _ := r.JSON(t)["result"].(map[string]any)
	if r.Status != 202 || res["scheduled"] != true || res["applied"] != false || res["effective_date"] != "2028-01-01" {
		t.Fatalf("future cut: %d %s", r.Status, r.Body)
	}
	if dup := post(t, path, secret, mid, wageChanged(ext, 500000, "2028-01-01")); dup.Status != 200 {
		t.Fatalf("repeat: %d %s", dup.Status, dup.Body)
	}
	if n := env.Count(t, `SELECT count(*) FROM scheduled_wage_changes WHERE employee_id = $1`, emp); n != 1 {
		t.Fatalf("%d scheduled changes, want 1 (the repeat must not add one)", n)
	}
	// A cut from 2027-06-01, inside the protection: refused at once.
	r = post(t, path, secret, msgID(), wageChanged(ext, 400000, "2027-06-01"))
	if r.Status != 202 || !strings.Contains(string(r.Body), "wage_reduction_prohibited") || !strings.Contains(string(r.Body), "2027-06-01") {
		t.Fatalf("cut inside the protection: %d %s", r.Status, r.Body)
	}

	runDailyJob(t, "2027-02-03") // late for the 2027-02-01 cut: still judged on 2027-02-01
	if got := wageOf(t, env.A.ID, late); got != 720000 {
		t.Fatalf("wage %d, want 720000 (the cut meets the protection)", got)
	}
	if n := env.Count(t, `SELECT count(*) FROM scheduled_wage_changes WHERE employee_id = $1 AND outcome = 'refused'`, late); n != 1 {
		t.Fatal("the change is not settled as refused")
	}
	if n := env.Count(t, `SELECT count(*) FROM wage_violation_attempts WHERE employee_id = $1 AND new_wage_fen = 600000`, late); n != 1 {
		t.Fatal("no violation attempt recorded")
	}
	if n := env.Count(t, `SELECT count(*) FROM audit_log WHERE object_id = $1 AND action = 'wage_reduction.refused' AND actor_type = 'system'`, late); n != 1 {
		t.Fatal("the refusal is not audited")
	}

	runDailyJob(t, "2027-12-31")
	if got := wageOf(t, env.A.ID, emp); got != 720000 {
		t.Fatalf("wage %d the day before, want 720000", got)
	}
	runDailyJob(t, "2028-01-01")
	if got := wageOf(t, env.A.ID, emp); got != 500000 {
		t.Fatalf("wage %d on the effective day, want 500000", got)
	}
	if n := env.Count(t, `SELECT count(*) FROM scheduled_wage_changes WHERE employee_id = $1 AND outcome = 'applied'`, emp); n != 1 {
		t.Fatal("the change is not settled as applied")
	}
	applied := `SELECT count(*) FROM audit_log WHERE object_id = $1 AND action = 'employee.update' AND actor_type = 'system'`
	if n := env.Count(t, applied, emp); n != 1 {
		t.Fatalf("%d audited applications, want 1", n)
	}
	runDailyJob(t, "2028-01-02") // settled changes are not applied again
	if n := env.Count(t, applied, emp); n != 1 {
		t.Fatalf("%d audited applications after another day, want 1", n)
	}
}

// scheduleBeforePregnancy creates an employee, schedules a cut of her wage
// from 2027-02-01, then records a pregnancy reported on 2026-11-01. It
// returns her id.
func scheduleBeforePregnancy(t *testing.T, path, secret string) string {
	t.Helper()
	ext := fmt.Sprintf("LATE-%d", seq.Add(1))
	r := post(t, path, secret, msgID(), upsertBody(ext))
	emp, _ := r.JSON(t)["result"].(map[string]any)["employee_id"].(string)
	if r.Status != 202 || emp == "" {
		t.Fatalf("upsert: %d %s", r.Status, r.Body)
	}
	if r := post(t, path, secret, msgID(), wageChanged(ext, 600000, "2027-02-01")); r.Status != 202 || !strings.Contains(string(r.Body), `"scheduled":true`) {
		t.Fatalf("cut before any pregnancy: %d %s", r.Status, r.Body)
	}
	if r := env.Do(t, "POST", "/api/v1/employees/"+emp+"/pregnancies", env.A.Key,
		map[string]any{"reported_on": "2026-11-01", "expected_due_date": "2027-06-01"}); r.Status != 201 {
		t.Fatalf("pregnancy: %d %s", r.Status, r.Body)
	}
	return emp
}

// TestBackdatedCutReachesProtection: a cut effective on a past day when she
// was not yet protected, announced now that she is, is refused.
func TestBackdatedCutReachesProtection(t *testing.T) {
	_, path, secret := integration(t, env.A.Key)
	ext := fmt.Sprintf("BACK-%d", seq.Add(1))
	r := post(t, path, secret, msgID(), upsertBody(ext))
	emp, _ := r.JSON(t)["result"].(map[string]any)["employee_id"].(string)
	today := env.Today
	if r := env.Do(t, "POST", "/api/v1/employees/"+emp+"/pregnancies", env.A.Key,
		map[string]any{"reported_on": today.AddDays(-30).String()}); r.Status != 201 {
		t.Fatalf("pregnancy: %d %s", r.Status, r.Body)
	}
	r = post(t, path, secret, msgID(), wageChanged(ext, 500000, today.AddDays(-60).String()))
	if r.Status != 202 || !strings.Contains(string(r.Body), "wage_reduction_prohibited") {
		t.Fatalf("backdated cut: %d %s", r.Status, r.Body)
	}
	if got := wageOf(t, env.A.ID, emp); got != 720000 {
		t.Fatalf("wage %d, want 720000", got)
	}
}
