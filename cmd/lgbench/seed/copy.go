package seed

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"github.com/lib/pq"
)

// batchRows is how many rows travel to a COPY writer at once.
const batchRows = 2000

// sink streams rows into one COPY per table, each on its own connection and
// transaction, with triggers (and so foreign-key checks) off: the generator
// emits only consistent rows, and this is a throwaway database.
type sink struct {
	chans  map[string]chan [][]any
	wg     sync.WaitGroup
	mu     sync.Mutex
	err    error
	counts Counts
}

func newSink(ctx context.Context, db *sql.DB, tables []string) *sink {
	s := &sink{chans: map[string]chan [][]any{}, counts: Counts{}}
	for _, t := range tables {
		ch := make(chan [][]any, 16)
		s.chans[t] = ch
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			n, err := copyTable(ctx, db, t, ch)
			s.mu.Lock()
			defer s.mu.Unlock()
			s.counts[t] = n
			if err != nil && s.err == nil {
				s.err = err
			}
		}()
	}
	return s
}

// close ends every COPY and waits for the commits.
func (s *sink) close() (Counts, error) {
	for _, ch := range s.chans {
		close(ch)
	}
	s.wg.Wait()
	return s.counts, s.err
}

func copyTable(ctx context.Context, db *sql.DB, table string, ch chan [][]any) (n int, err error) {
	defer func() { // keep draining so the generators never block on a failed table
		for range ch {
		}
	}()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("seed: begin %s: %w", table, err)
	}
	defer tx.Rollback() //nolint:errcheck // no-op after commit
	if _, err := tx.ExecContext(ctx, `SET LOCAL session_replication_role = replica`); err != nil {
		return 0, fmt.Errorf("seed: %s: disable triggers: %w", table, err)
	}
	if _, err := tx.ExecContext(ctx, `SET LOCAL synchronous_commit = off`); err != nil {
		return 0, fmt.Errorf("seed: %s: %w", table, err)
	}
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn(table, columns[table]...))
	if err != nil {
		return 0, fmt.Errorf("seed: copy %s: %w", table, err)
	}
	for batch := range ch {
		for _, row := range batch {
			if _, err := stmt.ExecContext(ctx, row...); err != nil {
				return n, fmt.Errorf("seed: copy %s row %d: %w", table, n, err)
			}
			n++
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		return n, fmt.Errorf("seed: copy %s: %w", table, err)
	}
	if err := stmt.Close(); err != nil {
		return n, fmt.Errorf("seed: copy %s: %w", table, err)
	}
	if err := tx.Commit(); err != nil {
		return n, fmt.Errorf("seed: commit %s: %w", table, err)
	}
	return n, nil
}

// emitter buffers one generator's rows per table and hands full batches to
// the sink.
type emitter struct {
	s   *sink
	buf map[string][][]any
}

func (s *sink) emitter() *emitter { return &emitter{s: s, buf: map[string][][]any{}} }

// row adds one row of table.
func (e *emitter) row(table string, vals ...any) {
	b := append(e.buf[table], vals)
	if len(b) >= batchRows {
		e.s.chans[table] <- b
		b = make([][]any, 0, batchRows)
	}
	e.buf[table] = b
}

// flush sends what is buffered.
func (e *emitter) flush() {
	for t, b := range e.buf {
		if len(b) > 0 {
			e.s.chans[t] <- b
		}
		delete(e.buf, t)
	}
}
