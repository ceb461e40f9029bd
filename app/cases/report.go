package cases

import (
	"context"
	"crypto/sha256"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"leaveguard/app/export"
	"leaveguard/leave"
	"leaveguard/store"
)

// MaxReportDays is the longest report period.
const MaxReportDays = 366

// Period is a report period, From to To inclusive.
type Period struct {
	From, To leave.Date
	// Responsible and Contact sign the report's declaration (not part of
	// its ID).
	Responsible, Contact string
}

// ParsePeriod validates a report period from ?from= and ?to= (YYYY-MM-DD,
// from ≤ to, at most MaxReportDays days).
func ParsePeriod(from, to string) (Period, error) {
	f := Fields{}
	p := Period{From: f.Date("from", &from, true), To: f.Date("to", &to, true)}
	switch {
	case len(f) > 0:
	case p.To.Before(p.From):
		f["to"] = "截止日期不得早于起始日期"
	case p.From.DaysUntil(p.To)+1 > MaxReportDays:
		f["to"] = "报告期间最长 366 天，请缩短期间或分段导出"
	}
	return p, f.Err()
}

// Sign sets who answers for the report's declaration: the responsible
// person (at most 40 characters) and a contact (at most 60), trimmed.
func (p *Period) Sign(responsible, contact string) error {
	p.Responsible, p.Contact = strings.TrimSpace(strings.Clone(responsible)), strings.TrimSpace(strings.Clone(contact))
	f := Fields{}
	if utf8.RuneCountInString(p.Responsible) > 40 || strings.ContainsRune(p.Responsible, 0) {
		f["responsible"] = "负责人不超过 40 字，且不得含空字符"
	}
	if utf8.RuneCountInString(p.Contact) > 60 || strings.ContainsRune(p.Contact, 0) {
		f["contact"] = "联系方式不超过 60 字，且不得含空字符"
	}
	return f.Err()
}

// ID names the period as a filing subject and in file names:
// "2026-01-01_2026-03-31".
func (p Period) ID() string { return p.From.String() + "_" + p.To.String() }

// bounds are the period's first and past-the-end instants in China time.
func (p Period) bounds() (time.Time, time.Time) {
	at := func(d leave.Date) time.Time {
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, chinaTime)
	}
	return at(p.From), at(p.To.AddDays(1))
}

// AuditExport records who exported which period in which format; call it
// before the export is streamed.
func (c *Cases) AuditExport(ctx context.Context, tenant string, who store.Who, p Period, format string) error {
	return c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		return tx.Audit(ctx, tenant, who, "export.labor_bureau", "report", p.ID(),
			map[string]any{"from": p.From, "to": p.To, "format": format})
	})
}

// Report is an open labor-bureau report: one read-only snapshot of the
// tenant, kept open while the report is written (streamed to the client)
// so every section agrees. Close it when done.
type Report struct {
	c      *Cases
	tx     *store.Tx
	done   func()
	tenant string
	period Period
}

// OpenLaborReport opens the report of period p; errors (the database being
// down, say) come here, before anything is sent.
func (c *Cases) OpenLaborReport(ctx context.Context, tenant string, p Period) (*Report, error) {
	tx, done, err := c.Store.OpenSnapshot(ctx, tenant)
	if err != nil {
		return nil, err
	}
	return &Report{c: c, tx: tx, done: done, tenant: tenant, period: p}, nil
}

// Write writes the report as format ("csv" or "xlsx") to out row by row as
// it is read, then registers the file under the report's number with its
// own number and SHA-256.
func (r *Report) Write(ctx context.Context, out io.Writer, format string) error {
	h := sha256.New()
	mw := io.MultiWriter(out, h)
	var w export.Writer = export.NewCSV(mw)
	if format == "xlsx" {
		w = export.NewXLSX(mw)
	}
	var no string
	number := func(content string) (string, error) {
		var err error
		err = r.c.Store.InTx(ctx, r.tenant, func(tx *store.Tx) error {
			no, err = r.c.reportNumber(ctx, tx, r.tenant, r.period, content)
			return err
		})
		return no, err
	}
	if err := r.c.writeReport(ctx, r.tx, r.tenant, r.period, w, number); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return r.c.registerFile(ctx, r.tenant, no, format, h.Sum(nil))
}

// Close ends the report's snapshot.
func (r *Report) Close() { r.done() }
