package app_test

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"leaveguard/app"
	"leaveguard/leave"
)

// TestCalendarImportSample imports docs/samples/calendar-2026.json with
// `leaveguard calendar import` and loads it back as a server would.
func TestCalendarImportSample(t *testing.T) {
	t.Setenv("LEAVEGUARD_ENV", "dev")
	t.Setenv("LEAVEGUARD_MIGRATE_DATABASE_URL", env.DB.OwnerURL)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out bytes.Buffer
	if err := app.Main(ctx, []string{"calendar", "import", "../docs/samples/calendar-2026.json"}, &out, nil); err != nil {
		t.Fatalf("import: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "已导入 39 天") {
		t.Errorf("output = %q", out.String())
	}
	cal, err := app.LoadCalendar(ctx, env.Store)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := cal.Days(2026)
	want, _ := leave.NewCalendar().Days(2026)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("2026 after import = %v\nbuilt in: %v", got, want)
	}
	if cal.Source(2026) != leave.YearOfficial || cal.Source(2027) != leave.YearStatutory {
		t.Errorf("sources: 2026 %s, 2027 %s", cal.Source(2026), cal.Source(2027))
	}
}
