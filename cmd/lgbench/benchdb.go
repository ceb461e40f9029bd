package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"time"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq" // the PostgreSQL driver

	"leaveguard/migrations"
)

// benchDB is a throwaway database for one benchmark run, made like
// store/dbtest's: created by the superuser, owned and migrated by
// leaveguard_owner, used by the app role leaveguard.
type benchDB struct {
	Name     string
	AdminURL string // superuser, on this database (seeding, COPY TO, the baseline)
	AppURL   string // the application role: row-level security applies
	admin    *sqlx.DB
}

// createBenchDB creates and migrates a new database through adminURL (a
// superuser URL on any database of the cluster).
func createBenchDB(ctx context.Context, adminURL string) (*benchDB, error) {
	admin, err := sqlx.Open("postgres", adminURL)
	if err != nil {
		return nil, fmt.Errorf("bench db: %w", err)
	}
	b := make([]byte, 5)
	_, _ = rand.Read(b)
	d := &benchDB{Name: "lgbench_" + hex.EncodeToString(b), admin: admin}
	if _, err := admin.ExecContext(ctx, fmt.Sprintf(
		`CREATE DATABASE %s OWNER leaveguard_owner TEMPLATE template0 ENCODING 'UTF8'`, d.Name)); err != nil {
		admin.Close()
		return nil, fmt.Errorf("bench db: create (are the roles there? run make services): %w", err)
	}
	d.AdminURL, d.AppURL = withUserDB(adminURL, "", d.Name), withUserDB(adminURL, "leaveguard", d.Name)
	owner, err := sqlx.Open("postgres", withUserDB(adminURL, "leaveguard_owner", d.Name))
	if err != nil {
		d.drop()
		return nil, fmt.Errorf("bench db: %w", err)
	}
	defer owner.Close()
	if _, err := migrations.Up(ctx, owner.DB); err != nil {
		d.drop()
		return nil, fmt.Errorf("bench db: migrate: %w", err)
	}
	return d, nil
}

// drop removes the database.
func (d *benchDB) drop() {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	_, _ = d.admin.ExecContext(ctx, fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, d.Name))
	d.admin.Close()
}

// open opens a pool on url with at most n connections.
func open(url string, n int) (*sqlx.DB, error) {
	db, err := sqlx.Open("postgres", url)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	return db, nil
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
