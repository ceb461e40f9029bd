package store

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ReportDocumentNo is the document number of the report with this content
// hash, or ErrNotFound when none was issued.
func (t *Tx) ReportDocumentNo(ctx context.Context, tenant string, content []byte) (string, error) {
	if err := t.check(tenant); err != nil {
		return "", err
	}
	const q = `SELECT document_no FROM report_documents WHERE tenant_id = $1 AND content_sha256 = $2`
	var no string
	if err := t.tx.GetContext(ctx, &no, q, tenant, content); err != nil {
		return "", fmt.Errorf("store: report document: %w", mapErr(err))
	}
	return no, nil
}

// SaveReportDocument records a new report number for a content hash; when
// another request recorded the same content first, its number is returned.
func (t *Tx) SaveReportDocument(ctx context.Context, tenant, no, period string, content []byte) (string, error) {
	if err := t.check(tenant); err != nil {
		return "", err
	}
	const q = `INSERT INTO report_documents (tenant_id, document_no, period, content_sha256) VALUES ($1, $2, $3, $4)
		ON CONFLICT (tenant_id, content_sha256) DO NOTHING`
	if _, err := t.tx.ExecContext(ctx, q, tenant, no, period, content); err != nil {
		return "", fmt.Errorf("store: save report document: %w", mapErr(err))
	}
	return t.ReportDocumentNo(ctx, tenant, content)
}

// SaveReportFile records one file issued under a report number; the same
// file again (the same bytes within one second) is recorded once.
func (t *Tx) SaveReportFile(ctx context.Context, tenant, fileNo, documentNo, format string, sum []byte) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	const q = `INSERT INTO report_files (tenant_id, file_no, document_no, format, sha256) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (tenant_id, file_no) DO NOTHING`
	if _, err := t.tx.ExecContext(ctx, q, tenant, fileNo, documentNo, format, sum); err != nil {
		return fmt.Errorf("store: save report file: %w", mapErr(err))
	}
	return nil
}

// Issued is what the tenant issued under a hash: a document number, its
// form and when; never the content.
type Issued struct {
	DocumentNo string    `db:"document_no" json:"document_no"`
	What       string    `db:"what" json:"what"`
	IssuedAt   time.Time `db:"created_at" json:"issued_at"`
}

// IssuedByHash lists what the tenant issued with this SHA-256: a report's
// content hash, a report file, or a stored PDF filing.
func (t *Tx) IssuedByHash(ctx context.Context, tenant string, sum []byte) ([]Issued, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT document_no, 'content' AS what, created_at FROM report_documents WHERE tenant_id = $1 AND content_sha256 = $2
		UNION ALL SELECT file_no, format, created_at FROM report_files WHERE tenant_id = $1 AND sha256 = $2
		UNION ALL SELECT document_no, 'pdf', created_at FROM filings WHERE tenant_id = $1 AND sha256 = $2
		ORDER BY created_at, document_no`
	var out []Issued
	if err := t.tx.SelectContext(ctx, &out, q, tenant, sum); err != nil && !errors.Is(mapErr(err), ErrNotFound) {
		return nil, fmt.Errorf("store: issued by hash: %w", mapErr(err))
	}
	return out, nil
}
