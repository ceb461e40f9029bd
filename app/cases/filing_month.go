package cases

import (
	"archive/zip"
	"context"
	"errors"
	"io"
	"strings"
	"time"

	"leaveguard/payroll"
	"leaveguard/store"
)

// MonthBundle is the month-end job: every allowance claim and subsidy
// application created in a month (Beijing time), as its filing (the
// unchanged latest version, or a new one generated as by the PDF routes),
// written one by one into a ZIP. Only one document is in memory at a time.
type MonthBundle struct {
	f      *Filings
	tenant string
	who    store.Who
	// Month is the bundle's month, "YYYY-MM".
	Month string
	// Subjects are the claims and applications, claims first.
	Subjects []store.FilingSubject
}

// bundleNote is the ZIP entry that lists the documents left out.
const bundleNote = "未能生成的文书.txt"

// OpenMonthBundle lists the month's claims and subsidy applications and
// audits the export once (filing.export_month: the month and the subjects),
// before any document is sent. month is "YYYY-MM".
func (f *Filings) OpenMonthBundle(ctx context.Context, tenant string, who store.Who, month string) (*MonthBundle, error) {
	mo, err := payroll.ParseMonth(month)
	if err != nil || mo.Year() < 2000 || mo.Year() > 2100 {
		return nil, Fields{"month": "月份无效，格式须为 YYYY-MM"}.Err()
	}
	if f.PDF == nil {
		return nil, ErrPDFUnavailable
	}
	from := time.Date(mo.Year(), mo.Month(), 1, 0, 0, 0, 0, chinaTime)
	b := &MonthBundle{f: f, tenant: tenant, who: who, Month: mo.String()}
	err = f.Cases.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		if b.Subjects, err = tx.MonthSubjects(ctx, tenant, from, from.AddDate(0, 1, 0)); err != nil {
			return err
		}
		ids := map[string][]string{KindAllowanceClaim: {}, KindSubsidyApplication: {}}
		for _, s := range b.Subjects {
			ids[s.Kind] = append(ids[s.Kind], s.ID)
		}
		return tx.Audit(ctx, tenant, who, "filing.export_month", "filings", b.Month, map[string]any{
			"month": b.Month, "documents": len(b.Subjects), "allowance_claims": ids[KindAllowanceClaim],
			"subsidy_applications": ids[KindSubsidyApplication]})
	})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// Write writes the ZIP to w, calling done after each document. A document
// that cannot be made (its employee's data anonymised, say) is left out
// and named in 未能生成的文书.txt; any other error stops the ZIP with that
// note and is returned.
func (b *MonthBundle) Write(ctx context.Context, w io.Writer, done func()) error {
	z := zip.NewWriter(w)
	var skipped []string
	var stop error
	for _, s := range b.Subjects {
		build := claimForm(ctx, b.tenant, s.ID)
		if s.Kind == KindSubsidyApplication {
			build = subsidyForm(ctx, b.tenant, s.ID)
		}
		fl, err := b.f.file(ctx, b.tenant, b.who, s.Kind, s.ID, build, false)
		var ce *Error
		if errors.As(err, &ce) {
			skipped = append(skipped, kinds[s.Kind].title+" "+s.ID+"："+ce.Message)
			continue
		}
		if err != nil {
			skipped, stop = append(skipped, "导出未完成：生成文书时出错，请重新导出"), err
			break
		}
		if err := b.add(z, fl.FileName(), fl.CreatedAt, fl.Bytes); err != nil {
			return err
		}
		done()
	}
	if len(skipped) > 0 {
		note := strings.Join(skipped, "\r\n") + "\r\n"
		if err := b.add(z, bundleNote, b.f.Cases.Now(), []byte(note)); err != nil {
			return err
		}
	}
	if err := z.Close(); err != nil {
		return err
	}
	return stop
}

// add writes one stored (uncompressed: PDFs are compressed already) entry.
func (b *MonthBundle) add(z *zip.Writer, name string, at time.Time, data []byte) error {
	e, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store, Modified: at.In(chinaTime)})
	if err != nil {
		return err
	}
	_, err = e.Write(data)
	return err
}
