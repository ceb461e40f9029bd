package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// Filing is a generated PDF document as stored: the data it was rendered
// from, its SHA-256 and its bytes. A kind and subject have versions 1, 2, …
type Filing struct {
	ID         string          `db:"id"`
	Kind       string          `db:"kind"`
	SubjectID  string          `db:"subject_id"`
	Version    int             `db:"version"`
	DocumentNo string          `db:"document_no"`
	Data       json.RawMessage `db:"data"`
	SHA256     []byte          `db:"sha256"`
	Bytes      []byte          `db:"bytes"`
	Size       int             `db:"size"`
	CreatedAt  time.Time       `db:"created_at"`
	CreatedBy  string          `db:"created_by"`
}

const filingCols = `id, kind, subject_id, version, document_no, data, sha256, bytes,
	octet_length(bytes) AS size, created_at, created_by`

// filingInfoCols leave out the data and the bytes, for listings.
const filingInfoCols = `id, kind, subject_id, version, document_no, '{}'::jsonb AS data, sha256,
	'\x'::bytea AS bytes, octet_length(bytes) AS size, created_at, created_by`

// LockFilingSubject serialises the generation of one kind of document for
// one subject until the transaction ends, so two requests cannot both make
// the next version.
func (t *Tx) LockFilingSubject(ctx context.Context, tenant, kind, subject string) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `SELECT pg_advisory_xact_lock(hashtextextended($1 || '/filing/' || $2 || '/' || $3, 0))`
	if _, err := t.tx.ExecContext(ctx, q, tenant, kind, subject); err != nil {
		return fmt.Errorf("store: lock filing subject: %w", err)
	}
	return nil
}

// LatestFiling loads the newest version of a kind of document for a
// subject; ErrNotFound when there is none.
func (t *Tx) LatestFiling(ctx context.Context, tenant, kind, subject string) (Filing, error) {
	if err := t.check(tenant); err != nil {
		return Filing{}, err
	}
	const q = `SELECT ` + filingCols + ` FROM filings
		WHERE tenant_id = $1 AND kind = $2 AND subject_id = $3 ORDER BY version DESC LIMIT 1`
	var out Filing
	if err := t.tx.GetContext(ctx, &out, q, tenant, kind, subject); err != nil {
		return Filing{}, fmt.Errorf("store: latest filing: %w", mapErr(err))
	}
	return out, nil
}

// Filing loads one stored filing with its data and bytes.
func (t *Tx) Filing(ctx context.Context, tenant, id string) (Filing, error) {
	if err := t.check(tenant); err != nil {
		return Filing{}, err
	}
	const q = `SELECT ` + filingCols + ` FROM filings WHERE tenant_id = $1 AND id = $2`
	var out Filing
	if err := t.tx.GetContext(ctx, &out, q, tenant, id); err != nil {
		return Filing{}, fmt.Errorf("store: filing: %w", mapErr(err))
	}
	return out, nil
}

// FilingFilter narrows a listing of filings; empty fields match all.
type FilingFilter struct {
	Kind      string
	SubjectID string
	Limit     int
}

// Filings lists stored versions (without data and bytes), newest first.
func (t *Tx) Filings(ctx context.Context, tenant string, f FilingFilter) ([]Filing, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `SELECT ` + filingInfoCols + ` FROM filings
		WHERE tenant_id = $1 AND ($2 = '' OR kind = $2) AND ($3 = '' OR subject_id = $3)
		ORDER BY created_at DESC, version DESC, id LIMIT $4`
	var out []Filing
	if err := t.tx.SelectContext(ctx, &out, q, tenant, f.Kind, f.SubjectID, f.Limit); err != nil {
		return nil, fmt.Errorf("store: filings: %w", mapErr(err))
	}
	return out, nil
}

// NextDocumentNo returns the next number of the tenant's documents with
// prefix in year (1, 2, …); the counter row stays locked until the
// transaction ends, so numbers are never reused.
func (t *Tx) NextDocumentNo(ctx context.Context, tenant, prefix string, year int) (int64, error) {
	if err := t.check(tenant); err != nil {
		return 0, err
	}
	const q = `
		INSERT INTO filing_counters (tenant_id, prefix, year, last) VALUES ($1, $2, $3, 1)
		ON CONFLICT (tenant_id, prefix, year) DO UPDATE SET last = filing_counters.last + 1
		RETURNING last`
	var n int64
	if err := t.tx.QueryRowxContext(ctx, q, tenant, prefix, year).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: next document number: %w", mapErr(err))
	}
	return n, nil
}

// SaveFiling stores a new filing (ID and CreatedBy set by the caller) and
// its audit row in one statement, and returns it with its CreatedAt. The
// audit names the filing, its subject and version, never the content.
func (t *Tx) SaveFiling(ctx context.Context, tenant string, who Who, f Filing, objectType string) (Filing, error) {
	if err := t.check(tenant); err != nil {
		return Filing{}, err
	}
	e, err := t.newEntry(who, "filing.generate", objectType, f.SubjectID, map[string]any{
		"filing_id": f.ID, "kind": f.Kind, "version": f.Version, "document_no": f.DocumentNo})
	if err != nil {
		return Filing{}, err
	}
	const ctes = `
		fl AS (INSERT INTO filings (tenant_id, id, kind, subject_id, version, document_no, data, sha256,
			bytes, created_at, created_by) VALUES ($1, $11, $12, $13, $14, $15, $16, $17, $18, $3, $19)),`
	args := append(auditArgs(tenant, e), f.ID, f.Kind, f.SubjectID, f.Version, f.DocumentNo, []byte(f.Data),
		f.SHA256, f.Bytes, f.CreatedBy)
	if _, err := t.tx.ExecContext(ctx, t.auditSQL(ctes), args...); err != nil {
		return Filing{}, fmt.Errorf("store: save filing: %w", mapErr(err))
	}
	f.CreatedAt, f.Size = e.At, len(f.Bytes)
	return f, nil
}

// FilingSubjects lists the subjects that have a filing of kind.
func (t *Tx) FilingSubjects(ctx context.Context, tenant, kind string) ([]string, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `SELECT DISTINCT subject_id FROM filings WHERE tenant_id = $1 AND kind = $2 ORDER BY subject_id`
	var out []string
	if err := t.tx.SelectContext(ctx, &out, q, tenant, kind); err != nil {
		return nil, fmt.Errorf("store: filing subjects: %w", err)
	}
	return out, nil
}
