package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// capture records the statements run through its pool while on, so the
// export scenario can replay exactly the export's queries as COPY.
type capture struct {
	on    atomic.Bool
	mu    sync.Mutex
	stmts []string // with their arguments inlined as literals
}

// openCapturing opens a pool on url (as app.OpenDB sizes it) whose
// statements c records while c.on.
func openCapturing(url string, c *capture) (*sqlx.DB, error) {
	base, err := pq.NewConnector(url)
	if err != nil {
		return nil, fmt.Errorf("capture: %w", err)
	}
	db := sqlx.NewDb(sql.OpenDB(&capConnector{base: base, c: c}), "postgres")
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(20)
	db.SetConnMaxIdleTime(5 * time.Minute)
	return db, nil
}

// take returns and clears what was recorded.
func (c *capture) take() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.stmts
	c.stmts = nil
	return out
}

func (c *capture) record(q string, args []driver.NamedValue) {
	if !c.on.Load() {
		return
	}
	for i := len(args) - 1; i >= 0; i-- { // $10 before $1
		q = strings.ReplaceAll(q, fmt.Sprintf("$%d", args[i].Ordinal), literal(args[i].Value))
	}
	c.mu.Lock()
	c.stmts = append(c.stmts, q)
	c.mu.Unlock()
}

// literal is v as an SQL literal.
func literal(v driver.Value) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case string:
		return pq.QuoteLiteral(x)
	case []byte:
		return pq.QuoteLiteral(string(x))
	case time.Time:
		return pq.QuoteLiteral(x.Format(time.RFC3339Nano))
	}
	return pq.QuoteLiteral(fmt.Sprint(v))
}

type capConnector struct {
	base driver.Connector
	c    *capture
}

func (k *capConnector) Connect(ctx context.Context) (driver.Conn, error) {
	cn, err := k.base.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &capConn{Conn: cn, c: k.c}, nil
}

func (k *capConnector) Driver() driver.Driver { return k.base.Driver() }

// capConn forwards to lib/pq's connection, recording queries and execs.
type capConn struct {
	driver.Conn
	c *capture
}

func (cn *capConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	cn.c.record(q, args)
	return cn.Conn.(driver.QueryerContext).QueryContext(ctx, q, args)
}

func (cn *capConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	cn.c.record(q, args)
	return cn.Conn.(driver.ExecerContext).ExecContext(ctx, q, args)
}

func (cn *capConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return cn.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

func (cn *capConn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	return cn.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, q)
}

func (cn *capConn) CheckNamedValue(nv *driver.NamedValue) error {
	return cn.Conn.(driver.NamedValueChecker).CheckNamedValue(nv)
}

func (cn *capConn) ResetSession(ctx context.Context) error {
	return cn.Conn.(driver.SessionResetter).ResetSession(ctx)
}

func (cn *capConn) IsValid() bool { return cn.Conn.(driver.Validator).IsValid() }

func (cn *capConn) Ping(ctx context.Context) error { return cn.Conn.(driver.Pinger).Ping(ctx) }
