// Package migrations holds LeaveGuard's SQL migrations, embedded in the
// binary and applied with goose by the table owner (`leaveguard migrate`).
package migrations

import (
	"context"
	"database/sql"
	"embed"
	"fmt"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

//go:embed *.sql
var files embed.FS

func provider(db *sql.DB, locked bool) (*goose.Provider, error) {
	// Areas of the product own numbered ranges of migrations and may land
	// in any order, so a lower number added later is still applied.
	opts := []goose.ProviderOption{goose.WithAllowOutofOrder(true)}
	if locked {
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return nil, fmt.Errorf("migrations: locker: %w", err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db, files, opts...)
	if err != nil {
		return nil, fmt.Errorf("migrations: provider: %w", err)
	}
	return p, nil
}

// Up applies every pending migration, holding a PostgreSQL advisory lock so
// that several instances may run it at once. It returns the applied versions.
func Up(ctx context.Context, db *sql.DB) ([]int64, error) {
	p, err := provider(db, true)
	if err != nil {
		return nil, err
	}
	results, err := p.Up(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrations: up: %w", err)
	}
	applied := make([]int64, 0, len(results))
	for _, r := range results {
		applied = append(applied, r.Source.Version)
	}
	return applied, nil
}

// Pending reports whether the database lacks any embedded migration.
func Pending(ctx context.Context, db *sql.DB) (bool, error) {
	p, err := provider(db, false)
	if err != nil {
		return false, err
	}
	pending, err := p.HasPending(ctx)
	if err != nil {
		return false, fmt.Errorf("migrations: status: %w", err)
	}
	return pending, nil
}
