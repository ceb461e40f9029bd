package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"leaveguard/leave"
)

// CalendarDays loads the imported official holiday schedules (global data).
func (s *Store) CalendarDays(ctx context.Context) ([]leave.CalendarDay, error) {
	const q = `SELECT day, off_day, name FROM calendar_days ORDER BY day`
	rows, err := s.db.QueryxContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("store: calendar days: %w", err)
	}
	defer rows.Close()
	var out []leave.CalendarDay
	for rows.Next() {
		var d leave.CalendarDay
		if err := rows.Scan(&d.Date, &d.IsOffDay, &d.Name); err != nil {
			return nil, fmt.Errorf("store: calendar scan: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// ImportCalendarDays stores a year's official schedule, replacing the days
// of the years it covers. It runs as the table owner (the application role
// may only read the calendar).
func ImportCalendarDays(ctx context.Context, owner *sqlx.DB, days []leave.CalendarDay) error {
	tx, err := owner.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: import calendar: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after commit
	years := map[int]bool{}
	for _, d := range days {
		years[d.Date.Year()] = true
	}
	const del = `DELETE FROM calendar_days WHERE extract(year FROM day) = $1`
	for y := range years {
		if _, err := tx.ExecContext(ctx, del, y); err != nil {
			return fmt.Errorf("store: import calendar: %w", err)
		}
	}
	const ins = `INSERT INTO calendar_days (day, off_day, name) VALUES ($1, $2, $3)`
	for _, d := range days {
		if _, err := tx.ExecContext(ctx, ins, d.Date, d.IsOffDay, d.Name); err != nil {
			return fmt.Errorf("store: import calendar %s: %w", d.Date, mapErr(err))
		}
	}
	return tx.Commit()
}
