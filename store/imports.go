package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/lib/pq"
)

// Import is one file import (issue 19): who imported which file, when, its
// row counts and the first rows it refused.
type Import struct {
	ID         string          `db:"id"`
	Kind       string          `db:"kind"` // "employees" | "family"
	FileName   string          `db:"file_name"`
	Status     string          `db:"status"` // "running" | "done" | "failed"
	Rows       int             `db:"rows"`
	Processed  int             `db:"processed"`
	Created    int             `db:"created"`
	Updated    int             `db:"updated"`
	Unchanged  int             `db:"unchanged"`
	Failed     int             `db:"failed"`
	Errors     json.RawMessage `db:"errors"` // [{row, field, message}], the first ones
	CreatedBy  string          `db:"created_by"`
	CreatedAt  time.Time       `db:"created_at"`
	FinishedAt *time.Time      `db:"finished_at"`
}

const importCols = `id, kind, file_name, status, rows, processed, created, updated, unchanged, failed,
	errors, created_by, created_at, finished_at`

// CreateImport records the start of an import of rows rows.
func (t *Tx) CreateImport(ctx context.Context, tenant string, im Import) (Import, error) {
	if err := t.check(tenant); err != nil {
		return Import{}, err
	}
	const q = `
		INSERT INTO imports (tenant_id, kind, file_name, status, rows, created_by, created_at)
		VALUES (:tenant_id, :kind, :file_name, 'running', :rows, :created_by, :created_at)
		RETURNING ` + importCols
	return namedOne[Import](ctx, t, "create import", q, map[string]any{
		"tenant_id": tenant, "kind": im.Kind, "file_name": im.FileName, "rows": im.Rows,
		"created_by": im.CreatedBy, "created_at": t.clock(),
	})
}

// SaveImportProgress saves im's counts and errors, and when status is not
// "running" also its end.
func (t *Tx) SaveImportProgress(ctx context.Context, tenant string, im Import) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `
		UPDATE imports SET status = $3, processed = $4, created = $5, updated = $6, unchanged = $7,
			failed = $8, errors = $9::jsonb, finished_at = CASE WHEN $3 = 'running' THEN NULL ELSE $10::timestamptz END
		WHERE tenant_id = $1 AND id = $2`
	errs := im.Errors
	if len(errs) == 0 {
		errs = json.RawMessage("[]")
	}
	res, err := t.tx.ExecContext(ctx, q, tenant, im.ID, im.Status, im.Processed, im.Created, im.Updated,
		im.Unchanged, im.Failed, string(errs), t.clock())
	if err != nil {
		return fmt.Errorf("store: save import: %w", mapErr(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: save import: %w", ErrNotFound)
	}
	return nil
}

// Import loads one import.
func (t *Tx) Import(ctx context.Context, tenant, id string) (Import, error) {
	if err := t.check(tenant); err != nil {
		return Import{}, err
	}
	q := `SELECT ` + importCols + ` FROM imports WHERE tenant_id = $1 AND id = $2`
	var im Import
	if err := t.tx.GetContext(ctx, &im, q, tenant, id); err != nil {
		return Import{}, fmt.Errorf("store: import: %w", mapErr(err))
	}
	return im, nil
}

// Imports lists the tenant's latest imports, newest first.
func (t *Tx) Imports(ctx context.Context, tenant string, limit int) ([]Import, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	q := `SELECT ` + importCols + ` FROM imports WHERE tenant_id = $1 ORDER BY created_at DESC, id LIMIT $2`
	var out []Import
	if err := t.tx.SelectContext(ctx, &out, q, tenant, limit); err != nil {
		return nil, fmt.Errorf("store: imports: %w", err)
	}
	return out, nil
}

// NationalIDOwners returns, for those keyed hashes of ID numbers that an
// employee of the tenant holds, that employee's external id (by hash, as a
// string of the hash bytes).
func (t *Tx) NationalIDOwners(ctx context.Context, tenant string, hashes [][]byte) (map[string]string, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `SELECT national_id_hash, external_id FROM employees
		WHERE tenant_id = $1 AND national_id_hash = ANY($2::bytea[])`
	rows, err := t.tx.QueryxContext(ctx, q, tenant, pq.Array(hashes))
	if err != nil {
		return nil, fmt.Errorf("store: national id owners: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var hash []byte
		var ext string
		if err := rows.Scan(&hash, &ext); err != nil {
			return nil, fmt.Errorf("store: national id owners: %w", err)
		}
		out[string(hash)] = ext
	}
	return out, rows.Err()
}
