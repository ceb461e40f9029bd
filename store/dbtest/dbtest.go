// Package dbtest gives each test package its own throwaway PostgreSQL
// database, migrated by the table owner and opened as the application role,
// exactly as in production. It needs a superuser URL to create databases:
// LEAVEGUARD_TEST_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
package dbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"time"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq" // the PostgreSQL driver

	"leaveguard/migrations"
)

// DB is one throwaway database.
type DB struct {
	Name     string
	AppURL   string   // as the application role "leaveguard"
	OwnerURL string   // as the table owner "leaveguard_owner"
	App      *sqlx.DB // pool as the application role
	admin    *sqlx.DB
}

// AdminURL is the superuser URL used to create and drop databases.
func AdminURL() string {
	if v := os.Getenv("LEAVEGUARD_TEST_ADMIN_URL"); v != "" {
		return v
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

// Start creates, migrates and opens a fresh database.
func Start() (*DB, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	admin, err := sqlx.Open("postgres", AdminURL())
	if err != nil {
		return nil, err
	}
	if err := ensureRoles(ctx, admin); err != nil {
		return nil, err
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	d := &DB{Name: "lgtest_" + hex.EncodeToString(b), admin: admin}
	if _, err := admin.ExecContext(ctx, fmt.Sprintf(
		`CREATE DATABASE %s OWNER leaveguard_owner TEMPLATE template0 ENCODING 'UTF8'`, d.Name)); err != nil {
		return nil, fmt.Errorf("dbtest: create database: %w", err)
	}
	d.OwnerURL, d.AppURL = withUserDB(AdminURL(), "leaveguard_owner", d.Name), withUserDB(AdminURL(), "leaveguard", d.Name)
	owner, err := sqlx.Open("postgres", d.OwnerURL)
	if err != nil {
		return nil, err
	}
	defer owner.Close()
	if _, err := migrations.Up(ctx, owner.DB); err != nil {
		d.Close()
		return nil, err
	}
	if d.App, err = sqlx.Open("postgres", d.AppURL); err != nil {
		d.Close()
		return nil, err
	}
	d.App.SetMaxOpenConns(20)
	d.App.SetMaxIdleConns(20) // as app.OpenDB: a closed idle connection loses its prepared statements
	return d, nil
}

// Close drops the database.
func (d *DB) Close() {
	if d.App != nil {
		d.App.Close()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, _ = d.admin.ExecContext(ctx, fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, d.Name))
	d.admin.Close()
}

// Admin returns a superuser connection to this test database (for catalog
// checks and fault injection, never for the code under test).
func (d *DB) Admin() (*sqlx.DB, error) {
	return sqlx.Open("postgres", withUserDB(AdminURL(), "", d.Name))
}

func withUserDB(raw, user, db string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	if user != "" {
		u.User = url.User(user)
	}
	u.Path = "/" + db
	return u.String()
}

// ensureRoles creates the three roles when absent (scripts/services.sh
// normally has), tolerating a concurrent test package doing the same.
func ensureRoles(ctx context.Context, admin *sqlx.DB) error {
	const q = `
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'leaveguard_app') THEN
    CREATE ROLE leaveguard_app NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'leaveguard_owner') THEN
    CREATE ROLE leaveguard_owner LOGIN NOSUPERUSER;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'leaveguard') THEN
    CREATE ROLE leaveguard LOGIN NOSUPERUSER NOBYPASSRLS IN ROLE leaveguard_app;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$`
	if _, err := admin.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("dbtest: roles: %w", err)
	}
	return nil
}
