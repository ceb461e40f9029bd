package app_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"leaveguard/app/cases"
	"leaveguard/store"
)

// roundTrips counts the statements sent to PostgreSQL (prepare, exec,
// query, begin, commit, rollback) through a wrapped lib/pq driver.
var roundTrips atomic.Int64

var registerCounting sync.Once

type countingDriver struct{ pq.Driver }

func (d countingDriver) Open(name string) (driver.Conn, error) {
	c, err := d.Driver.Open(name)
	if err != nil {
		return nil, err
	}
	return countingConn{c.(pqConn)}, nil
}

// pqConn is what lib/pq's connection implements.
type pqConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ExecerContext
	driver.QueryerContext
	driver.ConnPrepareContext
}

type countingConn struct{ pqConn }

func (c countingConn) BeginTx(ctx context.Context, o driver.TxOptions) (driver.Tx, error) {
	roundTrips.Add(1)
	tx, err := c.pqConn.BeginTx(ctx, o)
	if err != nil {
		return nil, err
	}
	return countingTx{tx}, nil
}

func (c countingConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	roundTrips.Add(1)
	return c.pqConn.ExecContext(ctx, q, args)
}

func (c countingConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	roundTrips.Add(1)
	return c.pqConn.QueryContext(ctx, q, args)
}

func (c countingConn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	roundTrips.Add(1)
	s, err := c.pqConn.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	return countingStmt{s}, nil
}

type countingTx struct{ driver.Tx }

func (t countingTx) Commit() error   { roundTrips.Add(1); return t.Tx.Commit() }
func (t countingTx) Rollback() error { roundTrips.Add(1); return t.Tx.Rollback() }

type countingStmt struct{ driver.Stmt }

func (s countingStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	roundTrips.Add(1)
	return s.Stmt.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (s countingStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	roundTrips.Add(1)
	return s.Stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
}

// TestBirthRoundTrips: recording a birth loads the facts once, plans and
// posts the credits from them: 21 statements (19 before the PIPL notice record and its audit row) with a warm statement cache
// (29 when the credits loaded the facts again); the bound keeps a second
// load out.
func TestBirthRoundTrips(t *testing.T) {
	env.SetToday(t, "2026-11-28") // the count depends on the day (24 with the day pinned to 2026-12-31)
	registerCounting.Do(func() { sql.Register("postgres-counting", countingDriver{}) })
	raw, err := sql.Open("postgres-counting", env.DB.AppURL)
	if err != nil {
		t.Fatal(err)
	}
	db := sqlx.NewDb(raw, "postgres") // sqlx binds $n placeholders by driver name
	defer db.Close()
	db.SetMaxOpenConns(1)
	cs := env.Cases()
	cs.Store = store.New(db).WithClock(cs.Now)
	ctx := context.Background()
	who := store.Who{ActorType: "system", ActorID: "test"}
	emp := createEmployee(t, env.A.Key)
	if r := env.Do(t, "POST", "/api/v1/employees/"+emp+"/pregnancies", env.A.Key, map[string]any{"reported_on": "2026-03-01"}); r.Status != 201 {
		t.Fatalf("pregnancy: %d %s", r.Status, r.Body)
	}
	day := "2026-10-01"
	// Warm: the statement cache prepares each query text once per connection.
	if _, err := cs.RecordBirth(ctx, env.A.ID, who, emp, cases.BirthInput{BirthDate: &day, ChildOrder: ptr(1)}); err != nil {
		t.Fatal(err)
	}
	emp2 := createEmployee(t, env.A.Key)
	if r := env.Do(t, "POST", "/api/v1/employees/"+emp2+"/pregnancies", env.A.Key, map[string]any{"reported_on": "2026-03-01"}); r.Status != 201 {
		t.Fatalf("pregnancy: %d %s", r.Status, r.Body)
	}
	before := roundTrips.Load()
	if _, err := cs.RecordBirth(ctx, env.A.ID, who, emp2, cases.BirthInput{BirthDate: &day, ChildOrder: ptr(1)}); err != nil {
		t.Fatal(err)
	}
	n := roundTrips.Load() - before
	t.Logf("recording a birth: %d round trips to PostgreSQL", n)
	if n > maxBirthRoundTrips {
		t.Fatalf("recording a birth took %d round trips, at most %d (are the facts loaded twice?)", n, maxBirthRoundTrips)
	}
}

const maxBirthRoundTrips = 21 // 19, and the notice record of the sensitive fact with its audit row

func ptr[T any](v T) *T { return &v }
