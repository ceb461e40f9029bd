package app_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"leaveguard/app"
)

func TestConfigFromEnv(t *testing.T) {
	t.Setenv("LEAVEGUARD_ENV", "prod")
	t.Setenv("LEAVEGUARD_TEST_TODAY", "")
	t.Setenv("LEAVEGUARD_SECRET_KEY", "")
	if _, err := app.ConfigFromEnv(); err == nil {
		t.Fatal("prod without a secret key accepted")
	}
	t.Setenv("LEAVEGUARD_SECRET_KEY", "c2hvcnQ=")
	if _, err := app.ConfigFromEnv(); err == nil {
		t.Fatal("short key accepted")
	}
	t.Setenv("LEAVEGUARD_SECRET_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
	t.Setenv("LEAVEGUARD_DATABASE_URL", "postgres://u:hunter2@db/x")
	c, err := app.ConfigFromEnv()
	if err != nil {
		t.Fatal(err)
	}
	if s := c.String(); strings.Contains(s, "hunter2") || strings.Contains(s, "AAECAw") {
		t.Fatalf("secret printed: %s", s)
	}
	if c.Clock() != nil {
		t.Fatal("a clock is pinned without LEAVEGUARD_TEST_TODAY")
	}
	t.Setenv("LEAVEGUARD_TEST_TODAY", "2028-02-29")
	if _, err := app.ConfigFromEnv(); err == nil {
		t.Fatal("a pinned clock accepted in prod")
	}
	t.Setenv("LEAVEGUARD_ENV", "dev")
	if c, err = app.ConfigFromEnv(); err != nil || c.Clock() == nil || c.Clock()().Format("2006-01-02") != "2028-02-29" {
		t.Fatalf("dev with LEAVEGUARD_TEST_TODAY: %v", err)
	}
	t.Setenv("LEAVEGUARD_TEST_TODAY", "2028-02-30")
	if _, err := app.ConfigFromEnv(); err == nil {
		t.Fatal("an invalid date accepted")
	}
}

// TestRefusesSuperuser: serve refuses a role that bypasses RLS, and accepts
// the application role.
func TestRefusesSuperuser(t *testing.T) {
	ctx := context.Background()
	admin, err := env.DB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if err := app.CheckAppRole(ctx, admin); err == nil || !strings.Contains(err.Error(), "BYPASSRLS") {
		t.Fatalf("superuser accepted: %v", err)
	}
	if err := app.CheckAppRole(ctx, env.DB.App); err != nil {
		t.Fatalf("app role refused: %v", err)
	}
	if err := app.CheckMigrations(ctx, env.DB.App); err != nil {
		t.Fatalf("migrated database reported pending: %v", err)
	}
}

// TestRefusesPendingMigrations: an empty database has every migration pending.
func TestRefusesPendingMigrations(t *testing.T) {
	ctx := context.Background()
	admin, err := env.DB.Admin()
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE SCHEMA IF NOT EXISTS empty_check`); err != nil {
		t.Fatal(err)
	}
	db, err := sqlx.Open("postgres", env.DB.OwnerURL+"&search_path=empty_check")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := app.CheckMigrations(ctx, db); err == nil {
		t.Fatal("schema without migrations accepted")
	}
}
