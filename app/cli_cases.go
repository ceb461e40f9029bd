package app

import (
	"context"

	"github.com/jmoiron/sqlx"

	"leaveguard/app/cases"
	"leaveguard/app/pii"
	"leaveguard/leave"
	"leaveguard/store"
)

// openCases opens the database and builds the use cases a CLI command runs
// (ID-number cipher, rules, the holiday calendar, cfg's clock). The caller
// closes the database.
func openCases(ctx context.Context, cfg Config) (*sqlx.DB, *cases.Cases, error) {
	db, err := OpenDB(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, nil, err
	}
	cipher, err := pii.NewCipher(cfg.SecretKey)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	st := store.New(db)
	cal, err := LoadCalendar(ctx, st)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, Deps{Store: st, Cipher: cipher, Rules: leave.DefaultRuleBook(), Calendar: cal, Clock: cfg.Clock()}.Cases(), nil
}
