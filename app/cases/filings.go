package cases

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"leaveguard/pdf"
	"leaveguard/store"
)

// ErrPDFUnavailable means the CJK font was not loaded at start-up, so no
// PDF can be rendered (the adapters answer 503 pdf_unavailable).
var ErrPDFUnavailable = errors.New("cases: PDF font not loaded")

// Filings generates LeaveGuard's PDF documents and keeps each as a filing:
// the data it was rendered from, its SHA-256 and its bytes. Regenerating a
// document whose data changed adds a version; unchanged data give back the
// latest version, byte for byte.
type Filings struct {
	Cases *Cases
	PDF   *pdf.Renderer // nil when the font is missing
}

// Filing is a stored document, as listed and downloaded (Bytes only on
// download and generation).
type Filing struct {
	ID         string    `json:"id"`
	Kind       string    `json:"kind"`
	SubjectID  string    `json:"subject_id"`
	Version    int       `json:"version"`
	DocumentNo string    `json:"document_no"`
	Title      string    `json:"title"`
	SHA256     string    `json:"sha256"`
	Size       int       `json:"size"`
	CreatedAt  time.Time `json:"created_at"`
	CreatedBy  string    `json:"created_by"`
	Bytes      []byte    `json:"-"`
}

// FileName is the document's file name, e.g. "休假审批通知书-LG-XJTZ-2026-000001.pdf".
func (f Filing) FileName() string { return f.Title + "-" + f.DocumentNo + ".pdf" }

// FileNameASCII is the ASCII fallback of FileName: "LG-XJTZ-2026-000001.pdf".
func (f Filing) FileNameASCII() string { return f.DocumentNo + ".pdf" }

func filingOf(r store.Filing) Filing {
	return Filing{ID: r.ID, Kind: r.Kind, SubjectID: r.SubjectID, Version: r.Version, DocumentNo: r.DocumentNo,
		Title: kinds[r.Kind].title, SHA256: hex.EncodeToString(r.SHA256), Size: r.Size, CreatedAt: r.CreatedAt,
		CreatedBy: r.CreatedBy, Bytes: r.Bytes}
}

// generate makes (or finds) the filing of kind for subject in one
// transaction: build loads the document's data (its errors, such as not
// found or a wrong state, come first), then the latest version is returned
// when its data are the same, else a new version is numbered, rendered
// from exactly the data stored, saved and audited.
func (f *Filings) generate(ctx context.Context, tenant string, who store.Who, kind, subject string,
	build func(tx *store.Tx) (document, error)) (Filing, error) {
	return f.file(ctx, tenant, who, kind, subject, build, true)
}

// file is generate; download audits giving back an unchanged version (a
// bundle audits its export once instead).
func (f *Filings) file(ctx context.Context, tenant string, who store.Who, kind, subject string,
	build func(tx *store.Tx) (document, error), download bool) (Filing, error) {
	spec := kinds[kind]
	var out Filing
	err := f.Cases.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		doc, err := build(tx)
		if err != nil {
			return err
		}
		if f.PDF == nil {
			return ErrPDFUnavailable
		}
		t, err := tx.Tenant(ctx, tenant)
		if err != nil {
			return err
		}
		m := doc.meta()
		m.TenantName, m.CreditCode = t.Name, t.CreditCode
		if err := tx.LockFilingSubject(ctx, tenant, kind, subject); err != nil {
			return err
		}
		latest, err := tx.LatestFiling(ctx, tenant, kind, subject)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if err == nil {
			same, err := sameContent(spec, latest.Data, doc)
			if err != nil {
				return err
			}
			if same {
				out = filingOf(latest)
				if !download {
					return nil
				}
				return tx.Audit(ctx, tenant, who, "filing.download", spec.object, subject,
					map[string]any{"filing_id": latest.ID, "version": latest.Version, "unchanged": true})
			}
		}
		row, err := f.number(ctx, tx, tenant, spec, doc, latest.Version+1)
		if err != nil {
			return err
		}
		row.Kind, row.SubjectID, row.Version = kind, subject, latest.Version+1
		row.CreatedBy = actor(who)
		saved, err := tx.SaveFiling(ctx, tenant, who, row, spec.object)
		out = filingOf(saved)
		return err
	})
	return out, err
}

// number gives doc its document number and generation time, then renders
// it from its own JSON (what is stored is exactly what was rendered).
// A document that carries a number of its own (the compliance report's,
// shared with its CSV and XLSX) is numbered from it.
func (f *Filings) number(ctx context.Context, tx *store.Tx, tenant string, spec kindSpec, doc document, version int) (store.Filing, error) {
	m := doc.meta()
	m.GeneratedAt = f.Cases.Now().Truncate(time.Second)
	if own, ok := doc.(ownNumber); ok {
		m.DocNo = own.fileNo(version)
	} else {
		n, err := tx.NextDocumentNo(ctx, tenant, spec.prefix, m.GeneratedAt.Year())
		if err != nil {
			return store.Filing{}, err
		}
		m.DocNo = fmt.Sprintf("%s-%d-%06d", spec.prefix, m.GeneratedAt.Year(), n)
	}
	data, err := json.Marshal(doc)
	if err != nil {
		return store.Filing{}, fmt.Errorf("cases: filing data: %w", err)
	}
	out, err := f.Render(spec.kind, data)
	if err != nil {
		return store.Filing{}, err
	}
	sum := sha256.Sum256(out)
	return store.Filing{ID: uuid.NewString(), DocumentNo: m.DocNo, Data: data, SHA256: sum[:], Bytes: out}, nil
}

// Render renders a filing's stored data again; the result is byte-identical
// to the stored bytes.
func (f *Filings) Render(kind string, data []byte) ([]byte, error) {
	spec, ok := kinds[kind]
	if !ok {
		return nil, fmt.Errorf("cases: render: unknown filing kind %q", kind)
	}
	if f.PDF == nil {
		return nil, ErrPDFUnavailable
	}
	doc := spec.blank()
	if err := json.Unmarshal(data, doc); err != nil {
		return nil, fmt.Errorf("cases: render %s: %w", kind, err)
	}
	out, err := doc.render(f.PDF)
	if err != nil {
		return nil, fmt.Errorf("cases: render %s: %w", kind, err)
	}
	return out, nil
}

// sameContent reports whether stored data and doc differ only in their
// document number and generation time.
func sameContent(spec kindSpec, stored []byte, doc document) (bool, error) {
	old := spec.blank()
	if err := json.Unmarshal(stored, old); err != nil {
		return false, fmt.Errorf("cases: stored filing data: %w", err)
	}
	a, err := content(old)
	if err != nil {
		return false, err
	}
	b, err := content(doc)
	return string(a) == string(b), err
}

// content is doc's JSON without its number and generation time.
func content(doc document) ([]byte, error) {
	m := doc.meta()
	keep := *m
	m.DocNo, m.GeneratedAt = "", time.Time{}
	b, err := json.Marshal(doc)
	*m = keep
	if err != nil {
		return nil, fmt.Errorf("cases: filing content: %w", err)
	}
	return b, nil
}
