package cases

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"

	"leaveguard/store"
)

// reportNumber is the document number of the report with this content
// hash: the one already issued for it, else the next LG-HGBG number. The
// same content has the same number in CSV, XLSX and PDF.
func (c *Cases) reportNumber(ctx context.Context, tx *store.Tx, tenant string, p Period, content string) (string, error) {
	sum, err := hex.DecodeString(content)
	if err != nil {
		return "", fmt.Errorf("cases: report content hash: %w", err)
	}
	no, err := tx.ReportDocumentNo(ctx, tenant, sum)
	if err == nil || !errors.Is(err, store.ErrNotFound) {
		return no, err
	}
	year := c.Today().Year()
	n, err := tx.NextDocumentNo(ctx, tenant, kinds[KindComplianceReport].prefix, year)
	if err != nil {
		return "", err
	}
	return tx.SaveReportDocument(ctx, tenant, fmt.Sprintf("%s-%d-%06d", kinds[KindComplianceReport].prefix, year, n), p.ID(), sum)
}

// registerFile records a CSV or XLSX file issued under report number no,
// with its own number (no-CSV-<first 8 hex of its hash>) and SHA-256.
func (c *Cases) registerFile(ctx context.Context, tenant, no, format string, sum []byte) error {
	fileNo := fmt.Sprintf("%s-%s-%x", no, upper(format), sum[:4])
	return c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		return tx.SaveReportFile(ctx, tenant, fileNo, no, format, sum)
	})
}

func upper(s string) string {
	b := []byte(s)
	for i, x := range b {
		if 'a' <= x && x <= 'z' {
			b[i] = x - 32
		}
	}
	return string(b)
}

// Issued answers whether this tenant issued a document with this SHA-256
// (hex): the numbers and forms issued under it, never the content.
func (c *Cases) Issued(ctx context.Context, tenant, sha string) ([]store.Issued, error) {
	sum, err := hex.DecodeString(sha)
	if err != nil || len(sum) != 32 {
		return nil, Fields{"sha256": "须为 64 位十六进制 SHA-256"}.Err()
	}
	var out []store.Issued
	err = c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) (err error) {
		out, err = tx.IssuedByHash(ctx, tenant, sum)
		return err
	})
	return out, err
}
