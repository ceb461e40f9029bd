package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"leaveguard/store"
)

// TestStatementsWithPoolExhausted: with every pooled connection held by a
// transaction running queries for the first time, no transaction waits for
// a connection to prepare them on, and the answers are the same prepared
// or not (first call unprepared, later calls prepared).
func TestStatementsWithPoolExhausted(t *testing.T) {
	db, err := sqlx.Open("postgres", testDB.AppURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(2)
	s := store.New(db) // a cache of its own: every query is new to it
	tenant := newTenant(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	counts := make(chan int, 40)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				err := s.InTx(ctx, tenant, func(tx *store.Tx) error {
					rows, err := tx.Employees(ctx, tenant, store.EmployeeFilter{Limit: 10})
					counts <- len(rows)
					time.Sleep(5 * time.Millisecond) // hold the connection
					return err
				})
				if err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(counts)
	if ctx.Err() != nil {
		t.Fatal("transactions waited for a connection: the pool deadlocked")
	}
	n := 0
	for c := range counts {
		if n++; c != 3 {
			t.Fatalf("call %d saw %d employees, want 3", n, c)
		}
	}
	if n != 40 {
		t.Fatalf("%d calls, want 40", n)
	}
}
