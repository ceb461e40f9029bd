package portal_test

import (
	"bytes"
	"log/slog"
	"regexp"
	"strings"
	"testing"
	"time"

	"leaveguard/app"
	"leaveguard/leave"
	"leaveguard/server"
)

// serverOn returns tenant A's admin browsing a server whose clock reads
// day and whose calendar is cal.
func serverOn(t *testing.T, cal leave.Calendar, day string) *browser {
	t.Helper()
	on, err := time.Parse(time.DateOnly, day)
	if err != nil {
		t.Fatal(err)
	}
	srv := server.NewServer(app.Deps{Config: app.Config{RateLimit: 1000000, Env: "dev"}, Log: slog.New(slog.NewJSONHandler(&bytes.Buffer{}, nil)),
		Store: env.Store, Cache: env.Cache, Cipher: env.Cipher, Rules: leave.DefaultRuleBook(), Calendar: cal,
		Clock: func() time.Time { return on.Add(4 * time.Hour) }}) // 12:00 in Beijing
	b := admin(t, 0)
	b.app = srv
	return b
}

var yearRowRE = regexp.MustCompile(`(?s)data-testid="calendar-year-(\d+)">.*?<span class="badge[^"]*">([^<]+)</span>`)

// calendarYears reads the settings page's years: "2026 官方安排" ...
func calendarYears(t *testing.T, b *browser) string {
	t.Helper()
	p := b.get("/settings")
	if p.Status != 200 {
		t.Fatalf("settings: %d %s", p.Status, excerpt(p.Body))
	}
	var rows []string
	for _, m := range yearRowRE.FindAllStringSubmatch(p.Body, -1) {
		rows = append(rows, m[1]+" "+m[2])
	}
	return strings.Join(rows, ", ")
}

// TestCalendarYearsAndNotice: the settings page shows each year around
// today as official or statutory-only; from 1 December the admin's
// dashboard warns while next year's official schedule is missing.
func TestCalendarYearsAndNotice(t *testing.T) {
	const warning = "2027年官方放假安排未载入"
	imported, err := app.BuiltinCalendar().WithJSON([]byte(`[{"name":"元旦","date":"2027-01-01","isOffDay":true}]`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		cal   leave.Calendar
		day   string
		years string
		warn  bool
	}{
		{"december_2027_missing", app.BuiltinCalendar(), "2026-12-01",
			"2025 官方安排, 2026 官方安排, 2027 仅法定节假日（调休未知）, 2028 仅法定节假日（调休未知）", true},
		{"november_no_warning_yet", app.BuiltinCalendar(), "2026-11-30",
			"2025 官方安排, 2026 官方安排, 2027 仅法定节假日（调休未知）, 2028 仅法定节假日（调休未知）", false},
		{"december_2027_imported", imported, "2026-12-31",
			"2025 官方安排, 2026 官方安排, 2027 官方安排, 2028 仅法定节假日（调休未知）", false},
		{"january_2027", app.BuiltinCalendar(), "2027-01-04",
			"2026 官方安排, 2027 仅法定节假日（调休未知）, 2028 仅法定节假日（调休未知）, 2029 仅法定节假日（调休未知）", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := serverOn(t, tc.cal, tc.day)
			if got := calendarYears(t, b); got != tc.years {
				t.Errorf("settings years\n got %s\nwant %s", got, tc.years)
			}
			home := b.get("/")
			if home.Status != 200 {
				t.Fatalf("dashboard: %d", home.Status)
			}
			shown := strings.Contains(home.Body, warning) && strings.Contains(home.Body, "leaveguard calendar import FILE")
			if shown != tc.warn {
				t.Errorf("dashboard warning shown = %v, want %v: %s", shown, tc.warn, excerpt(home.Body))
			}
		})
	}
}

// TestCalendarNoticeAdminsOnly: an HR officer's dashboard carries no
// calendar warning (only an admin can load a year).
func TestCalendarNoticeAdminsOnly(t *testing.T) {
	addUser(t, env.A.ID, "hr-calendar@example.com", "hr", adminPassword)
	b := serverOn(t, app.BuiltinCalendar(), "2026-12-07")
	b.cookies = map[string]string{}
	b.login("hr-calendar@example.com", adminPassword)
	if p := b.get("/"); p.Status != 200 || strings.Contains(p.Body, "官方放假安排未载入") {
		t.Errorf("hr dashboard: %d %s", p.Status, excerpt(p.Body))
	}
}
